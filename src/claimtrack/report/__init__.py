"""Rendering: plain-text tables and self-contained HTML reports.

The renderers only read models (:class:`~claimtrack.comparison.Comparison`,
store clusters); nothing here computes alignments or drift.
:mod:`~claimtrack.report.text` renders for a terminal,
:mod:`~claimtrack.report.html` for a browser.
"""

from __future__ import annotations

from .html import html_clusters, html_comparison, safe_href
from .text import comparison_table

__all__ = ["comparison_table", "html_clusters", "html_comparison", "safe_href"]
