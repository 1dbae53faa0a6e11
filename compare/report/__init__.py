"""Reporters: Markdown for editors and CI, JSON for machines, workflow commands for GitHub Actions."""

from compare.report.github import render_github
from compare.report.json_report import render_facts_json, render_json
from compare.report.markdown import render_markdown

__all__ = ["render_facts_json", "render_github", "render_json", "render_markdown"]
