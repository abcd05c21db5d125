"""Extraction: an :class:`~claimtrack.models.Article` to language-tagged claims.

One module per extractor, each reading only its own record of the language
data (:mod:`claimtrack.lang`): :mod:`.langid` (language identification),
:mod:`.segmentation` (page furniture and sentences), :mod:`.attribution`
(quotes and speakers), :mod:`.entities`, :mod:`.quantities`, :mod:`.dates`,
:mod:`.time_scopes`; :mod:`.claims` assembles them (``ct.extract_claims``).
"""
