"""Reporters: Markdown for editors and CI, JSON for machines."""

from compare.report.json_report import render_facts_json, render_json
from compare.report.markdown import render_markdown

__all__ = ["render_facts_json", "render_json", "render_markdown"]
