"""docs/ci.md's workflow, run word for word in a temporary git repository with two commits."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import compare

DOC = Path(__file__).resolve().parent.parent / "docs" / "ci.md"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

OLD_A = """\
Marrow Valley floods leave 12 dead
Northern Herald
Published: 2026-03-14

Flash floods killed 12 people in the Marrow Valley on Friday and drove about 3,000 residents from their homes, emergency officials said.

The River Marrow rose 4.2 metres in six hours after the heaviest rainfall in the region since 1987, the weather service said.

Rescue teams in boats reached more than 400 people trapped on rooftops overnight, the fire service said.
"""

OLD_B = """\
Floods hit Marrow Valley
Valley Wire
Published: 2026-03-14

Flash floods swept through the Marrow Valley on Friday, killing 12 people, emergency officials said.

The River Marrow rose 4.2 metres in six hours after the heaviest rainfall in the region since 1987, the weather service said.

Schools in Castlebrook will stay closed until Wednesday, the council said.
"""

NEW = """\
Marrow Valley death toll rises
Riverside Gazette
Published: 2026-03-14

Flash floods killed 15 people in the Marrow Valley on Friday and drove about 3,000 residents from their homes, emergency officials said.

The River Marrow rose 4.2 metres in six hours after the heaviest rainfall in the region since 1987, the weather service said.

Rescue teams in boats reached more than 400 people trapped on rooftops overnight, the fire service said.
"""


def workflow_step(name: str) -> str:
    """The `run: |` script of the step called `name` in the YAML block of docs/ci.md."""
    text = DOC.read_text(encoding="utf-8")
    yaml = re.search(r"```yaml\n(.*?)```", text, re.DOTALL)
    assert yaml, "docs/ci.md has no yaml block"
    lines = yaml.group(1).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- name: {name}")
    run = next(i for i in range(start, len(lines)) if lines[i].strip() == "run: |")
    indent = len(lines[run + 1]) - len(lines[run + 1].lstrip())
    script = []
    for line in lines[run + 1 :]:
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            break
        script.append(line[indent:])
    return "\n".join(script) + "\n"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A newsroom repository: two agreeing articles, then a commit adding one that disagrees."""
    root = tmp_path / "newsroom"
    (root / "articles" / "2026").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "articles" / "herald.txt").write_text(OLD_A, encoding="utf-8")
    (root / "articles" / "2026" / "wire.txt").write_text(OLD_B, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first articles")
    base = git(root, "rev-parse", "HEAD")
    (root / "articles" / "2026" / "gazette story.txt").write_text(NEW, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "new article")
    return root, base


def run_step(root: Path, base: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the check step as GitHub does (bash -e -o pipefail), `factdiff` being this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "factdiff"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m compare.cli "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    script = tmp_path / "step.sh"
    script.write_text(workflow_step("Check the changed articles"), encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "BASE_SHA": base,
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    return done, summary.read_text(encoding="utf-8")


def test_workflow_flags_the_new_article_and_fails_on_high(repo: tuple[Path, str], tmp_path: Path) -> None:
    """The step exits 1, annotates the changed article's line, fills the summary and writes the JSON."""
    root, base = repo
    done, summary = run_step(root, base, tmp_path)
    assert 1 == done.returncode, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert annotations, done.stdout
    assert all("file=articles/2026/gazette story.txt" in line for line in annotations)
    assert any(",line=5," in line and "15" in line for line in annotations)
    assert summary.startswith("# factdiff discrepancy report\n")
    assert "context (--against)" in summary
    data = json.loads((root / "factdiff.json").read_text(encoding="utf-8"))
    assert data["discrepancies"]
    assert all(any("gazette story" in c["article"] for c in d["claims"]) for d in data["discrepancies"])


def test_baseline_committed_makes_the_step_pass(repo: tuple[Path, str], tmp_path: Path) -> None:
    """After `factdiff baseline` is committed, the same change passes and nothing is annotated."""
    root, base = repo
    subprocess.run([sys.executable, "-m", "compare.cli", "baseline", "articles/", "-o", "factdiff-baseline.json"],
                   cwd=root, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(DOC.parent.parent)})
    git(root, "add", "factdiff-baseline.json")
    git(root, "commit", "-q", "-m", "accept")
    done, summary = run_step(root, base, tmp_path)
    assert 0 == done.returncode, done.stderr
    assert not [line for line in done.stdout.splitlines() if line.startswith(("::error ", "::warning "))]
    assert "accepted" in summary


def test_no_changed_article_is_a_quiet_pass(repo: tuple[Path, str], tmp_path: Path) -> None:
    """A pull request that changes no article exits 0 and says so in the summary."""
    root, _base = repo
    done, summary = run_step(root, git(root, "rev-parse", "HEAD"), tmp_path)
    assert 0 == done.returncode, done.stderr
    assert "No article changed.\n" == summary


def test_install_step_installs_a_working_factdiff_command(tmp_path: Path) -> None:
    """The install step, word for word, with FACTDIFF naming this checkout (as a newsroom names its
    pinned release), installs the `factdiff` command into a fresh virtual environment.

    Dependencies come from this test's own environment (pip --no-deps, then its site-packages on
    the path), so the test needs no index; the build backend does (setuptools, from PyPI as in CI).
    """
    import site
    import venv

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    checkout = tmp_path / "factdiff"
    shutil.copytree(Path(__file__).resolve().parent.parent, checkout,
                    ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "build", "__pycache__", ".*_cache"))
    script = tmp_path / "install.sh"
    script.write_text(workflow_step("Install factdiff"), encoding="utf-8")
    outer = os.pathsep.join([*site.getsitepackages(), site.getusersitepackages()])
    env = {
        **os.environ,
        "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "FACTDIFF": checkout.as_uri(),
        "PIP_NO_DEPS": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONPATH": outer,
    }
    env.pop("PYTHONHOME", None)
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert 0 == done.returncode, done.stderr[-2000:]
    assert done.stdout.strip().endswith(f"factdiff, version {compare.__version__}")
    assert (env_dir / "bin" / "factdiff").exists()
