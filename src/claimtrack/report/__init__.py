"""Rendering: plain-text tables and self-contained HTML reports.

The renderers only read models (:class:`~claimtrack.comparison.Comparison`,
store clusters); nothing here computes alignments or drift.
"""

from __future__ import annotations

from .html import html_clusters, html_comparison, safe_href

__all__ = ["html_clusters", "html_comparison", "safe_href"]
