"""Language identification: seeded, restricted, deterministic."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.extract.langid import detect_language, sentence_language


def test_detects_supported_languages():
    assert detect_language("The bridge opened to traffic on Thursday after three years of work.")[0] == "en"
    assert detect_language("Le pont a été ouvert à la circulation jeudi après trois ans de travaux.")[0] == "fr"


def test_unsupported_language_is_tagged_not_forced():
    code, prob = detect_language("El puente se abrió al tráfico el jueves después de tres años de obras en el puerto.")
    assert code == "es" and prob > 0.5


def test_no_letters():
    assert detect_language("2024 — 12/09 — 80 %") == ("und", 0.0)


def test_untranslated_quote_in_french_article():
    quote = "“We picked the harbour site because it has the right depth for the ships,” he said."
    assert sentence_language(quote, "fr") == "en"
    # names, numbers and headers carry no language signal
    assert sentence_language("Jim Zemlin | 12 September 2022", "fr") == "fr"
    assert sentence_language("PyTorch, Meta, AMD.", "fr") == "fr"


def test_sentence_of_article_language_inherits():
    assert sentence_language("Le conseil d’administration se compose de représentants de Meta.", "fr") == "fr"


def test_same_tag_in_every_process():
    text = "PyTorch Meta AMD Nvidia 2022"
    script = "import sys; from claimtrack.extract.langid import detect_language; print(detect_language(sys.argv[1]))"
    outs = {subprocess.run([sys.executable, "-c", script, text], capture_output=True, text=True, check=True).stdout
            for _ in range(3)}
    assert len(outs) == 1
    assert outs.pop().strip() == str(detect_language(text))


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_detection_is_a_function(text):
    assert detect_language(text) == detect_language(text)
    assert ct.lang.is_supported(sentence_language(text, "en")) or sentence_language(text, "en") == "en"


_any_script = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=300
)
_latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçôABCDEFGHIJKLMNOPQRSTUVWXYZÉ ,.;'’-«»“”0123456789\u00a0\u2019", max_size=300)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_any_script, _latin), st.sampled_from([("en", "fr"), None]))
def test_fast_ngrams_equal_langdetect(text, langs):
    from claimtrack.extract.langid import _factory, _ngrams

    detector = _factory(langs).create()
    detector.append(text)
    assert _ngrams(detector.text, detector.word_lang_prob_map) == type(detector)._extract_ngrams(detector)
