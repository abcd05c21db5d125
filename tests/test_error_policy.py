"""The error policy of batches in the Python API, language tags, and languages that are typed errors.

``errors="stop"|"skip"|"report"`` on :func:`read_articles`,
:func:`read_json_lines`, :func:`compare` and :func:`diff_many`; tags such as
``fr-CA`` reduced to their base language with the region kept; unsupported and
undetectable languages as typed errors in ``extract_claims`` and ``diff``.
"""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.errors import ErrorPolicy, ErrorRecord, UndetectedLanguageError, UnsupportedLanguageError
from claimtrack.extract.langid import detect_language
from claimtrack.lang import split_tag

from .fakes import HashEmbedder

EN = "The council approved a new ferry terminal on Monday, and construction will take three years."
FR = "Le conseil a approuvé lundi un nouveau terminal de traversiers, et les travaux dureront trois ans."
DE = "Der Stadtrat hat am Montag ein neues Fährterminal genehmigt, die Bauarbeiten dauern drei Jahre."
ES = "El ayuntamiento aprobó el lunes una nueva terminal de transbordadores, las obras durarán tres años."
AR = "وافق مجلس المدينة يوم الاثنين على محطة جديدة للعبارات وستستغرق الأعمال ثلاث سنوات"
ZH = "市议会周一批准了一个新的渡轮码头，工程预计需要三年时间。"


# ------------------------------------------------------------------ the policy


def test_policy_stop_skip_report() -> None:
    exc = ct.RecordError("line 3: not valid JSON")
    with pytest.raises(ct.RecordError):
        ErrorPolicy("stop").handle(exc, line=3)
    skip = ErrorPolicy("skip", io.StringIO())
    skip.handle(exc, line=3)
    assert skip.count == 1 and skip.error_file.getvalue() == ""  # type: ignore[union-attr]
    got: list[ErrorRecord] = []
    report = ErrorPolicy("report", got.append)
    report.handle(exc, id="a1", line=3, input="feed.jsonl")
    assert got == [ErrorRecord(error="RecordError", message="line 3: not valid JSON", id="a1", line=3,
                               input="feed.jsonl")]
    assert json.loads(got[0].to_json()) == {"error": "RecordError", "message": "line 3: not valid JSON", "id": "a1",
                                            "line": 3, "input": "feed.jsonl"}
    with pytest.raises(ValueError, match="errors must be one of"):
        ErrorPolicy("ignore")


_GOOD = st.sampled_from([EN, FR]).map(lambda t: json.dumps({"text": t}))
_BAD = st.sampled_from([
    "not json", "[1, 2]", '{"id": "x"}', '{"text": 5}', '{"text": "   "}', '{"text": "a", "id": [1]}',
    '{"text": "a", "published": "2025-13-45"}', '{"text": "\\ud800 x"}', '{"text": "a", "lang": "not a tag!"}',
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.data()), max_size=12), st.sampled_from(["skip", "report"]))
def test_read_articles_keeps_every_good_record_and_reports_every_bad_one(lines, errors) -> None:
    text, good, bad = [], [], []
    for n, (ok, data) in enumerate(lines, 1):
        text.append(data.draw(_GOOD if ok else _BAD))
        (good if ok else bad).append(n)
    reported: list[ErrorRecord] = []
    articles = list(ct.read_articles(io.StringIO("\n".join(text) + "\n"), errors=errors, error_file=reported.append))
    assert len(articles) == len(good)
    assert [a.text for a in articles] == [json.loads(text[n - 1])["text"] for n in good]
    assert [r.line for r in reported] == (bad if errors == "report" else [])
    assert all(r.error == "RecordError" for r in reported)


def test_read_json_lines_skips_a_line_over_the_limit_and_reads_on() -> None:
    stream = io.StringIO('{"a": 1}\n{"b": "' + "x" * 500 + '"}\n{"c": 3}\n')
    reported: list[ErrorRecord] = []
    got = list(ct.read_json_lines(stream, max_record_bytes=100, errors="report", error_file=reported.append))
    assert got == [(1, {"a": 1}), (3, {"c": 3})]
    assert [(r.line, r.error) for r in reported] == [(2, "ArticleTooLargeError")]


def test_jsonl_odd_values_are_typed() -> None:
    deep = '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    with pytest.raises(ct.RecordError, match="nested too deeply"):
        list(ct.read_json_lines(io.StringIO(deep)))
    huge = '{"text": "The ferry crossed the bay in forty minutes.", "n": ' + "7" * 4_301 + "}\n"
    (article,) = ct.read_articles(io.StringIO(huge))  # an ignored field may hold any number
    assert article.text.startswith("The ferry")
    (article,) = ct.read_articles(io.StringIO('{"id": ' + "7" * 4_400 + ', "text": "The ferry left."}\n'))
    assert article.id == "7" * 4_400
    with pytest.raises(ct.RecordError, match='"text" must be a string'):
        list(ct.read_articles(io.StringIO('{"text": ' + "7" * 4_301 + "}\n")))


# ------------------------------------------------------------------ language tags


@pytest.mark.parametrize(
    ("tag", "split"),
    [("fr", ("fr", None)), ("fr-CA", ("fr", "CA")), ("fr_FR", ("fr", "FR")), ("en_GB", ("en", "GB")),
     ("EN-us", ("en", "US")), ("fr-Latn-CA", ("fr", "CA")), ("fr_CA.UTF-8", ("fr", "CA")), ("zh-cn", ("zh", "CN")),
     ("es-419", ("es", "419")), (" fr ", ("fr", None)), ("zh-Hans", ("zh", None))],
)
def test_split_tag(tag: str, split: tuple[str, str | None]) -> None:
    assert split_tag(tag) == split


_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=1)


@settings(max_examples=100, deadline=None)
@given(st.lists(_letters, min_size=2, max_size=3).map("".join), st.lists(_letters, min_size=2, max_size=2).map("".join),
       st.sampled_from(["-", "_"]), st.sampled_from(["", "-Latn", "_Hans"]))
def test_split_tag_keeps_base_and_region_whatever_the_spelling(base: str, region: str, sep: str, script: str) -> None:
    assert split_tag(base) == (base.lower(), None)
    assert split_tag(f"{base}{script}{sep}{region}") == (base.lower(), region.upper())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_detection_gives_a_base_code_or_und(text: str) -> None:
    code, p = detect_language(text)
    assert code == "und" and p == 0.0 or (code.isalpha() and code.islower() and 0.0 <= p <= 1.0)


@pytest.mark.parametrize("tag", ["", "f", "french", "fr CA", "fr-", "12", "fr/CA"])
def test_split_tag_refuses(tag: str) -> None:
    with pytest.raises(ValueError, match="not a language tag"):
        split_tag(tag)


@pytest.mark.parametrize("tag", ["fr-CA", "fr_FR", "FR", "fr-Latn-CA"])
def test_region_tags_are_their_base_language(tag: str) -> None:
    article = ct.read_article(FR, lang=tag)
    assert article.lang == "fr" and article.lang_confidence is None
    assert article.region == split_tag(tag)[1]
    assert ct.extract_claims(article) and all(c.lang == "fr" for c in ct.extract_claims(article))
    assert ct.diff(EN, FR, "en-GB", tag, embedder=HashEmbedder()).target_lang == "fr"


def test_a_bad_tag_is_an_input_error() -> None:
    with pytest.raises(ct.InputError, match="not a language tag"):
        ct.read_article(FR, lang="français")


# ------------------------------------------------------------------ detection and typed languages


@pytest.mark.parametrize(
    ("text", "code"),
    [("Hallo Welt, wie geht es dir heute?", "de"), ("Hola mundo, ¿cómo estás hoy?", "es"), (ZH, "zh"),
     ("市政府今天宣布新桥将于明年通车。", "zh"), (AR, "ar"), ("The bridge opened.", "en"), ("Le pont a ouvert.", "fr"),
     ("Nearly 2,400 workers.", "en"), ("près de 154 000 projets", "fr")],
)
def test_short_text_detection(text: str, code: str) -> None:
    assert detect_language(text)[0] == code


@pytest.mark.parametrize("text", ["Paris", "OK", "Prices rose 3%.", "2024 — 12/09", "Oui."])
def test_too_little_evidence_is_undetected(text: str) -> None:
    assert detect_language(text) == ("und", 0.0)


@pytest.mark.parametrize(("text", "code"), [(DE, "de"), (ES, "es"), (AR, "ar"), (ZH, "zh")])
def test_unsupported_languages_are_typed_everywhere(text: str, code: str) -> None:
    article = ct.read_article(text)
    assert article.lang == code
    with pytest.raises(UnsupportedLanguageError) as info:
        ct.extract_claims(article)
    assert info.value.lang == code
    with pytest.raises(UnsupportedLanguageError, match=f"the source text is in language '{code}'"):
        ct.diff(text, EN, embedder=HashEmbedder())
    with pytest.raises(UnsupportedLanguageError, match=f"the target text is in language '{code}'"):
        ct.diff(EN, text, embedder=HashEmbedder())
    with pytest.raises(UnsupportedLanguageError):
        ct.compare(ct.read_article(EN), article, embedder=HashEmbedder())


def test_undetected_language_is_typed_and_names_the_remedy() -> None:
    with pytest.raises(UndetectedLanguageError, match="too little evidence; give its language"):
        ct.extract_claims(ct.read_article("Paris 2025"))
    with pytest.raises(UndetectedLanguageError) as info:
        ct.diff("Paris", "Paris", embedder=HashEmbedder())
    assert isinstance(info.value, UnsupportedLanguageError) and info.value.lang == "und"
    assert ct.diff("Paris", "Paris", "fr", "fr", embedder=HashEmbedder()).drift == ()  # given: fine


# ------------------------------------------------------------------ compare and diff_many


def test_compare_skips_and_reports_bad_articles() -> None:
    en, fr, de = ct.read_article(EN, "en1"), ct.read_article(FR, "fr1"), ct.read_article(DE, "de1")
    with pytest.raises(ct.DuplicateArticleError, match="given twice"):
        ct.compare(en, en, embedder=HashEmbedder())
    reported: list[ErrorRecord] = []
    got = ct.compare(en, de, fr, en, embedder=HashEmbedder(), errors="report", error_file=reported.append)
    assert [a.id for a in got.articles] == ["en1", "fr1"] and len(got.alignments) == 1
    assert [(r.id, r.error) for r in reported] == [("de1", "UnsupportedLanguageError"),
                                                 ("en1", "DuplicateArticleError")]
    assert got == ct.compare(en, fr, embedder=HashEmbedder())
    assert ct.compare(en, de, fr, embedder=HashEmbedder(), errors="skip") == got


def test_diff_many_keeps_its_places() -> None:
    pairs = [(EN, FR), (DE, EN), ("   ", FR), (EN, EN), ("Paris", "Paris")]
    with pytest.raises(UnsupportedLanguageError):
        ct.diff_many(pairs, embedder=HashEmbedder())
    reported: list[ErrorRecord] = []
    got = ct.diff_many(pairs, embedder=HashEmbedder(), errors="report", error_file=reported.append)
    assert [d is None for d in got] == [False, True, True, False, True]
    assert got[0] == ct.diff(EN, FR, embedder=HashEmbedder()) and got[3] == ct.diff(EN, EN, embedder=HashEmbedder())
    assert [(r.input, r.error) for r in reported] == [
        ("pair 1", "UnsupportedLanguageError"), ("pair 2", "EmptyInputError"), ("pair 4", "UndetectedLanguageError")]


@pytest.mark.parametrize("threshold", [float("nan"), -5.0, 1.5, float("inf")])
def test_diff_refuses_a_threshold_outside_0_1(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold is a divergence in 0..1"):
        ct.diff(EN, FR, threshold=threshold, embedder=HashEmbedder())


def test_tracker_add_many(tmp_path) -> None:
    en, fr, de = ct.read_article(EN, "en1"), ct.read_article(FR, "fr1"), ct.read_article(DE, "de1")
    other = ct.read_article(EN + " It is long.", "en1")  # the id of en1 with another text
    with ct.Tracker(tmp_path / "s.db", embedder=HashEmbedder()) as tracker:
        with pytest.raises(UnsupportedLanguageError):
            tracker.add_many([en, de, fr])
        assert tracker.has_article("en1") and not tracker.has_article("fr1")  # stored up to the bad one
        reported: list[ErrorRecord] = []
        got = tracker.add_many([de, fr, other], errors="report", error_file=reported.append)
        assert [r.article_id for r in got] == ["fr1"]
        assert [(r.id, r.error) for r in reported] == [("de1", "UnsupportedLanguageError"), ("en1", "StoreError")]
        assert tracker.stats()["articles"] == 2
