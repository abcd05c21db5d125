"""English data for the furniture stage (:class:`claimtrack.lang.schema.Furniture`)."""

from __future__ import annotations

from ..schema import Furniture
from .words import STOP_WORDS

FURNITURE = Furniture(
    furniture_patterns=(
        (r"(image|photo|picture|illustration|credit|credits|photo credit)s?\s*:.*", "credit", "image or photo credit"),
        (r"source\s*:\s*(https?://|www\.)\S*", "link", "source URL line"),
        (r"(https?://|www\.)\S+", "link", "bare URL"),
        (r"(updated|published|posted|last updated)\b.{0,40}\d.*", "dateline", "update/publication dateline"),
        (r"(by\s+)?[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*[|/·•]\s*.*\d{4}", "byline", "byline: author name and date"),
        (r"by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}", "byline", "byline"),
        # (?>.*?...): the first "subscribe" only (a later one has less text after it), so a
        # line of many "subscribe" without a channel costs linear time, not quadratic
        (r"(?>.*?\bsubscribe\b).*\b(youtube|newsletter|channel|podcast)\b.*", "boilerplate", "subscription prompt"),
        (r"(subscribe|sign up|follow us|share this|share on|like us|join us)\b.*", "boilerplate", "share/subscribe prompt"),
        (r"join (our|the) (community|newsletter|mailing list)\b.*", "boilerplate", "community/newsletter prompt"),
        (r"\[?click (on|here)\b.*", "caption", "click-through prompt or image caption"),
        (r"(read more|related|related articles?|see also|more from|tags?|categories|filed under)\s*:?.*", "navigation", "navigation or category list"),
        (r"created with sketch\.?", "boilerplate", "SVG export residue"),
        (r"(advertisement|sponsored|sponsored content)", "boilerplate", "advertising label"),
        (r"(thank you|thanks for reading)[.!]?", "boilerplate", "sign-off"),
        (r"breaking news", "heading", "section label"),
        (r"all rights reserved.*|©.*|copyright\b.*", "boilerplate", "copyright notice"),
    ),
    boilerplate_openers=(
        (r"about the authors?", "author box"),
        (r"(similar|related|recommended|more|popular) (articles|posts|stories|reading)", "related-articles block"),
        (r"browse categories", "category navigation"),
        (r"a message from\b.*:?", "promotional message"),
        (r"(leave a|post a) (comment|reply)", "comment form"),
    ),
    heading_words=STOP_WORDS,
    html_block_headings=(
        r"(most|more) (read|popular|viewed|shared)( (stories|articles|now|today))?",
        r"(related|recommended|trending|popular)( (stories|articles|content|links|now|topics))?",
        r"(read|see) (more|also|next)", r"more (on this|from|stories|news)\b.{0,30}", r"(you|we) (may|might) also like",
        r"share( this( article| story| page)?)?", r"comments?( \(\d+\))?", r"(top|latest) (stories|news|headlines)",
    ),
    html_boilerplate_classes=frozenset({
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "masthead",
        "share", "sharing", "social", "related", "recommended", "trending", "popular", "most", "newsletter",
        "subscribe", "subscription", "signup", "promo", "advert", "ad", "ads", "sponsored", "comments", "comment",
        "logo", "banner", "cookie", "cookies", "paywall", "outbrain", "taboola",
    }),
)
