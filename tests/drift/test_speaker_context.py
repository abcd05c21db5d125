"""Claims carry their speakers into drift.

* a speaker's grammatical gender comes from the pronouns of its article
  (``Speaker.gender``), and the same person referred to with another gender
  is a ``pronoun`` finding even when no pronoun is in the compared sentences;
* two speakers are one person across spellings, titles and translations
  (:mod:`claimtrack.drift.persons`);
* the words of an attribution (``Side.frames``) are not content: an
  attribution to the same speaker gives no entity, omission or addition.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import claimtrack as ct
from claimtrack.drift import diff_claims
from claimtrack.drift.context import Side, SpeakerRef
from claimtrack.drift.persons import same_name
from claimtrack.models import Speaker

from .helpers import BOW, check_spans, fast, types


def _claims(text: str, lang: str = "en", article_id: str = "a") -> list[ct.Claim]:
    return ct.extract_claims(ct.read_article(text, article_id=article_id, lang=lang))


def _starting(claims: list[ct.Claim], prefix: str) -> ct.Claim:
    return next(c for c in claims if c.text.lstrip("“«\" ").startswith(prefix))


# --- the speaker's gender, from its article -----------------------------------------------------

SHE = ("Elena Marchetti, the port's chief engineer, presented the plan on Monday.\n\n"
       "“The harbour will stay open all winter,” she said.\n\n"
       "The repairs will cost four million euros, Marchetti said.")


def test_a_speaker_takes_the_gender_of_the_pronouns_resolved_to_it():
    claims = _claims(SHE)
    quote = _starting(claims, "The harbour")
    assert (quote.speaker.text, quote.speaker.gender, quote.speaker.gender_word) == ("she", "f", "she")
    named = _starting(claims, "The repairs")
    assert named.speaker.via == "surname" and named.speaker.name == "Elena Marchetti"
    assert (named.speaker.gender, named.speaker.gender_word) == ("f", "she")  # from the other sentence


def test_pronouns_that_disagree_give_no_gender():
    text = SHE + "\n\n“We are ready,” he said."  # "he" resolves to Marchetti too: the article is inconsistent
    named = _starting(_claims(text), "The repairs")
    assert named.speaker.name == "Elena Marchetti" and named.speaker.gender is None


def test_a_french_pronoun_gives_the_gender():
    text = ("Tomas Okafor a déclaré lundi que le chantier avançait bien.\n\n"
            "Il déclare :\n\n« Le pont rouvrira au mois de mai prochain. »")
    quote = _starting(_claims(text, "fr"), "Le pont")
    assert (quote.speaker.name, quote.speaker.gender, quote.speaker.gender_word) == ("Tomas Okafor", "m", "Il")


# --- pronoun and speaker findings from the claims -------------------------------------------------

def test_pronoun_finding_from_the_speakers_outside_the_sentence():
    # the compared sentences hold no pronoun: the genders come from the articles
    a = _starting(_claims(SHE, article_id="a"), "The repairs")
    he = SHE.replace("she said", "he said")
    b = _starting(_claims(he, article_id="b"), "The repairs")
    d = diff_claims(a, b, embedder=BOW)
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [("pronoun", "she", "he")]
    check_spans(d)
    assert diff_claims(a, a, embedder=BOW).drift == ()


def test_compare_reports_the_pronoun_and_not_the_name():
    # one article names the speaker in the sentence, the other in a quote's attribution
    a = ct.read_article(SHE, article_id="a", lang="en")
    b = ct.read_article(
        "Elena Marchetti, the port's chief engineer, presented the plan on Monday.\n\n"
        "He said the work would start soon.\n\n"
        "“The harbour will stay open all winter,” Marchetti said.", article_id="b", lang="en")
    cmp = ct.compare(a, b, embedder=BOW)
    found = {(cmp.claim(al.source).text[:12], f.type, f.source_value, f.target_value)
             for pair in cmp.alignments for al in pair.alignments for f in al.drift}
    assert ("“The harbour", "pronoun", "she", "He") in found
    assert not any(t in ("entity", "addition", "omission") and "Marchetti" in str(v or w) for _, t, v, w in found)


def _said(name: str, text: str = "X", gender: str | None = None, via: str = "name") -> Speaker:
    # the mention lies outside the compared text (offsets past its end)
    return Speaker(text=text, start=1000, end=1000 + len(text), name=name, via=via, gender=gender,  # type: ignore[arg-type]
                   gender_word=text if gender else None)


def test_speaker_findings_need_different_people():
    same = "The plan is ready."
    assert types(fast(same, same, source_speaker="Jim Zemlin", target_speaker="Mark Zuckerberg")) == ["speaker"]
    for a, b in (("Defence", "Défense"), ("Mr Anderson", "M. Andersson"), ("Northshire Police", "Police du Northshire"),
                 ("Soumith Chintala", "Chintala")):
        assert types(fast(same, same, source_speaker=a, target_speaker=b)) == [], (a, b)
    # two pronouns resolved to different people: the resolver's guess, not a finding
    assert types(fast(same, same, source_speaker=_said("Kate Miller", "he", "m", "pronoun"),
                      target_speaker=_said("Northwind Air", "he", "m", "pronoun"))) == []
    # each text names the other's speaker: the same attribution said two ways
    assert types(fast("Quinn of Harbor Labs said the plan is ready.", "Harbor Labs said Quinn's plan is ready.",
                      source_speaker="Quinn", target_speaker="Harbor Labs")) == []


def test_same_gender_or_unknown_gender_is_no_pronoun_finding():
    same = "The plan is ready."
    f, m = _said("Elena Marchetti", "she", "f", "pronoun"), _said("Elena Marchetti", "Marchetti")
    assert types(fast(same, same, source_speaker=f, target_speaker=m)) == []  # no gender on one side
    assert types(fast(same, same, source_speaker=f, target_speaker=_said("Marchetti", "she", "f", "pronoun"))) == []
    d = fast(same, same, source_speaker=f, target_speaker=_said("Marchetti", "he", "m", "pronoun"))
    assert [(x.type, x.source_value, x.target_value, x.source_span) for x in d.drift] == [
        ("pronoun", "she", "he", None)]  # the mention lies outside the text: no span


def test_same_name():
    for a, b in (("Defence", "Défense"), ("Mr Anderson", "M. Andersson"), ("L'Observatoire", "Observatoire"),
                 ("Bertrand Malonga", "Malongha"), ("Police du Northshire", "Northshire Police")):
        assert same_name(a, b) and same_name(b, a), (a, b)
    for a, b in (("Elena Marchetti", "Elena Ferrante"), ("Johnson", "Jackson"), ("Jim Zemlin", "Mark Zuckerberg"),
                 ("Bertrand", "Bertrand Piccard")):
        assert not same_name(a, b), (a, b)


def test_speaker_ref_of_a_claim_speaker_keeps_the_span_inside_the_text():
    sp = Speaker(text="she", start=110, end=113, name="Elena Marchetti", via="pronoun", gender="f", gender_word="she")
    ref = SpeakerRef.of(sp, offset=100, length=20)
    assert ref is not None and (ref.name, ref.gender, ref.span) == ("Elena Marchetti", "f", (10, 13))
    assert SpeakerRef.of(sp, offset=200, length=20).span is None
    assert SpeakerRef.of("Jim Zemlin") == SpeakerRef(name="Jim Zemlin", mention="Jim Zemlin")
    assert SpeakerRef.of("  ") is None and SpeakerRef.of(None) is None


# --- attribution frames ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, frames", [
    ("The talks stalled on Friday, people close to the negotiations said.", "en",
     ["people close to the negotiations said"]),
    ("Selon des personnes proches des négociations, les discussions ont calé vendredi.", "fr",
     ["Selon des personnes proches des négociations"]),
    ("Okafor said that the bridge would reopen in May.", "en", ["Okafor said that"]),
    ("Okafor said the bridge, closed since 2019, would reopen in May.", "en", ["Okafor said"]),
    ("« Le pont rouvrira en mai », a déclaré Tomas Okafor, directeur des travaux de la ville.", "fr",
     ["a déclaré Tomas Okafor", "directeur des travaux de la ville"]),
    ("The market fell sharply, he said.", "en", ["he said"]),
    ("Pour la première fois, le pont est fermé.", "fr", []),  # "pour" before no source
    ("The report says nothing about the costs.", "en", ["The report says"]),  # the rest is content
    ("The harbour chief and deputy mayor Elena Marchetti said in a statement that it was over.", "en",
     ["The harbour chief and deputy mayor Elena Marchetti said in a statement that"]),
])
def test_frames(text, lang, frames):
    side = Side(text, lang)
    assert [text[a:b] for a, b in side.frames] == frames


def test_an_attribution_to_the_same_speaker_is_not_content():
    a, b = "The bridge will reopen in May, Okafor said on Tuesday.", "The bridge will reopen in May."
    assert types(fast(a, b, source_speaker="Okafor", target_speaker="Tomas Okafor")) == []
    # another speaker: the attribution is the difference
    assert "speaker" in types(fast(a, b, source_speaker="Okafor", target_speaker="Elena Marchetti"))
    # no speaker known on one side: the added name is still a name
    assert "entity" in types(fast(a, b))


def test_a_paraphrased_anonymous_attribution_is_not_an_addition():
    a = "The two firms are close to a merger deal, people familiar with the talks said."
    b = "According to sources close to the negotiations, the two firms are close to a merger deal."
    assert not {"addition", "omission"} & set(types(fast(a, b)))
    # an added clause that is not an attribution is still found
    c = "The two firms are close to a merger deal, which the regulator opposed strongly, people familiar with the talks said."
    assert types(fast(a, c)) == ["addition"]
    # and an attribution dropped from a text that has no other is still an omission
    assert types(fast(a, "The two firms are close to a merger deal.")) == ["omission"]


# --- property: adding or dropping an attribution to the same speaker is no content change ---------

_CONTENT = {
    "en": ["The new terminal will open to passengers in the spring",
           "Ticket prices will rise for commuters on the northern line",
           "The council has approved the plan for the old harbour district"],
    "fr": ["Le nouveau terminal ouvrira aux passagers au printemps",
           "Le prix des billets augmentera pour les usagers de la ligne nord",
           "Le conseil a approuvé le projet pour l'ancien quartier du port"],
}
_NAMES = [("Tomas Okafor", "Okafor"), ("Elena Marchetti", "Marchetti"), ("Ana Lindqvist", "Lindqvist")]
_FRAMES = {
    "en": ["{c}, {n} said.", "{n} said that {lc}.", "According to {n}, {lc}.", "{c}, said {n}, the city's engineer.",
           "“{c},” {n} said in a statement."],
    "fr": ["{c}, a déclaré {n}.", "{n} a affirmé que {lc}.", "Selon {n}, {lc}.", "« {c} », a indiqué {n}, l'ingénieur de la ville.",
           "{c}, a précisé {n} dans un communiqué."],
}


@settings(max_examples=40, deadline=None)
@given(lang=st.sampled_from(["en", "fr"]), k=st.integers(0, 2), name=st.sampled_from(_NAMES),
       frame=st.integers(0, 4), short=st.booleans(), swap=st.booleans())
def test_attribution_around_the_same_speaker_is_no_content_finding(lang, k, name, frame, short, swap):
    content = _CONTENT[lang][k]
    full, surname = name
    n = surname if short else full
    framed = _FRAMES[lang][frame].format(c=content, lc=content[0].lower() + content[1:], n=n)
    plain = content + "."
    a, b, sa, sb = (plain, framed, full, n) if not swap else (framed, plain, n, full)
    d = fast(a, b, lang, lang, source_speaker=sa, target_speaker=sb)
    assert not {"entity", "addition", "omission", "speaker"} & set(types(d)), d.drift


def test_a_translated_speaker_is_the_same_speaker(use):
    en, fr = "The plan is ready.", "Le plan est prêt."
    d = ct.diff(en, fr, "en", "fr", embedder=use, source_speaker="the Ministry of Health",
                target_speaker="le ministère de la Santé")
    assert "speaker" not in types(d)
    d = ct.diff(en, fr, "en", "fr", embedder=use, source_speaker="Jim Zemlin", target_speaker="Mark Zuckerberg")
    assert "speaker" in types(d)


def test_a_quotation_is_attributed():
    # against a quotation, the attribution the other side adds is who said it
    assert not {"addition", "omission"} & set(types(fast(
        "“The two firms are close to a merger deal.”",
        "“The two firms are close to a merger deal,” people familiar with the talks said.")))
