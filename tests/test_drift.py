"""Unit tests of the drift checks (EN-EN and FR-FR with a cheap embedder,
EN-FR / FR-EN with the real one) and of the seed-corpus cases."""

from __future__ import annotations

import numpy as np
import pytest

import claimtrack as ct
from claimtrack.drift import CHECKS, DEFAULT_THRESHOLD, config, diff, diff_claims, diff_many
from claimtrack.models import Claim, PairDiff, Speaker

from .conftest import seed_path
from .drift_helpers import BagOfWordsEmbedder

BOW = BagOfWordsEmbedder()


@pytest.fixture(scope="module")
def use():
    from claimtrack.embed import USEEmbedder

    return USEEmbedder(threads=1)


def types(d: PairDiff) -> list[str]:
    return [f.type for f in d.drift]


def fast(a: str, b: str, la: str = "en", lb: str = "en", **kw) -> PairDiff:
    return diff(a, b, la, lb, embedder=BOW, **kw)


def check_spans(d: PairDiff) -> None:
    for f in d.drift:
        assert f.explanation.endswith(".") and f.explanation
        if f.source_span is not None:
            s, e = f.source_span
            assert 0 <= s < e <= len(d.source)
            if f.source_value and f.type not in ("qualifier", "number", "date", "speaker"):
                assert d.source[s:e] == f.source_value
        if f.target_span is not None:
            s, e = f.target_span
            assert 0 <= s < e <= len(d.target)
            if f.target_value and f.type not in ("qualifier", "number", "date", "speaker"):
                assert d.target[s:e] == f.target_value


# --- public surface ------------------------------------------------------------------

def test_public_api_and_config():
    assert ct.diff is diff
    assert set(CHECKS) == {"number", "qualifier", "date", "negation", "entity", "speaker", "modality", "omission"}
    cfg = config()
    assert cfg["threshold"] == DEFAULT_THRESHOLD and "w_similarity" in cfg
    d = fast("Over 2,400 contributors joined.", "Over 2,400 contributors joined.")
    assert d.signature and "threshold=0.5" in d.signature and "bow-test" in d.signature
    assert PairDiff.model_validate_json(d.model_dump_json()) == d


def test_identical_text_gives_nothing():
    t = "Meta said that more than 150,000 projects will not use Google Cloud, which surprised analysts."
    d = fast(t, t)
    assert d.drift == () and not d.divergent and d.similarity == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    "a,b,la,lb",
    [
        ("Over 2,400 contributors joined.", "Over 2 400 contributors joined", "en", "en"),
        ("“It is a true honor,” she said.", '"it is a true honor," she said', "en", "en"),
        ("Plus de 2 400 contributeurs ont rejoint le projet.", "Plus de 2\u202f400 contributeurs ont rejoint le projet.", "fr", "fr"),
        ("Meta has 80 % of the market.", "Meta has 80 percent of the market.", "en", "en"),
        ("Some 4.6 thousand comments.", "About 4,600 comments.", "en", "en"),
        ("The port logged over 48,000 crossings , she said .", "The port logged over 48,000 crossings, she said.", "en", "en"),
    ],
)
def test_formatting_never_drifts(a, b, la, lb):
    assert types(fast(a, b, la, lb)) == []


# --- number / qualifier ------------------------------------------------------------------

def test_number_changed_and_one_sided():
    d = fast("The project has 2,400 contributors and 150 maintainers.", "The project has 2,500 contributors.")
    nums = [(f.source_value, f.target_value) for f in d.drift if f.type == "number"]
    assert ("2,400", "2,500") in nums and ("150", None) in nums
    check_spans(d)


def test_number_fr_fr_words_equal_figures():
    assert "number" not in types(fast("Il y a deux mille quatre cents projets.", "Il y a 2 400 projets.", "fr", "fr"))


def test_qualifier_changes_class_only():
    d = fast("It has more than 150,000 projects.", "It has nearly 150,000 projects.")
    assert types(d) == ["qualifier"]
    assert "lower bound" in d.drift[0].explanation and "approximation" in d.drift[0].explanation
    assert types(fast("It has more than 150,000 projects.", "It has at least 150,000 projects.")) == []


def test_seed_style_qualifier_en_fr(use):
    d = diff("more than 150,000 projects", "près de 154 000 projets", embedder=use)
    assert d.source_lang == "en" and d.target_lang == "fr"
    assert ("number", "150,000", "154,000") in [(f.type, f.source_value, f.target_value) for f in d.drift]
    assert "qualifier" in types(d)
    assert types(diff("over 2,400 contributors", "plus de 2 400 contributeurs", "en", "fr", embedder=use)) == []


# --- negation ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "a,b,la,lb",
    [
        ("The merger will require changes to the timetable.", "The merger will not require changes to the timetable.", "en", "en"),
        ("They don't offer food.", "They offer food.", "en", "en"),
        ("La fusion exigera des modifications de l’horaire.", "La fusion n’exigera aucune modification de l’horaire.", "fr", "fr"),
    ],
)
def test_negation_one_side(a, b, la, lb):
    d = fast(a, b, la, lb)
    assert "negation" in types(d)
    check_spans(d)


def test_negation_equivalents_en_fr(use):
    d = diff("The merger will not require any changes to the timetable.",
             "La fusion n’exigera aucune modification de l’horaire.", "en", "fr", embedder=use)
    assert "negation" not in types(d)
    d = diff("La fusion n’exigera aucune modification de l’horaire.",
             "The merger will require changes to the timetable.", "fr", "en", embedder=use)
    assert "negation" in types(d)
    assert "negation" not in types(fast("Not only Meta but Google joined.", "Meta and Google joined."))


def test_rank_and_failure_are_read_right():
    assert "negation" not in types(fast("The single reached No. 1 in Thailand.", "The single reached No. 1 there."))
    rank = fast("The second single reached No. 1 in Thailand.",
                "Le second single atteint la première place en Thaïlande.", "en", "fr", checks=["number", "entity"])
    assert rank.drift == ()  # "No." is not a name, "première" states the 1
    d = fast("After failing to convince her, they return home.",
             "Après avoir échoué à la convaincre, ils rentrent.", "en", "fr", checks=["negation"])
    assert d.drift == ()
    d = fast("By fixing forever on paper what had varied.", "En fixant à jamais sur papier ce qui variait.",
             "en", "fr", checks=["negation"])
    assert d.drift == ()
    d = fast("The castle was built in the fifteenth century.", "Le château fut construit au XVe siècle.",
             "en", "fr", checks=["number"])
    assert d.drift == ()
    d = fast("Nobles were appointed regardless of experience.", "Des nobles étaient nommés sans égard pour leur "
             "expérience.", "en", "fr", checks=["negation"])
    assert d.drift == ()


def test_a_replaced_word_inside_a_shared_name_is_found(use):
    # the shared words "IT Month" must not make the names look translated
    d = diff("L'ASUS Eee PC est devenu un sujet brûlant lors du Taipei IT Month de 2007.",
             "The ASUS Eee PC became a hot topic during the 2007 Singapore IT Month.", "fr", "en", embedder=use)
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [
        ("entity", "Taipei IT Month", "Singapore IT Month")
    ]
    # a name translated word for word still is not drift
    d = diff("L’Union européenne a publié le groupe d’étude sur l’Irak.",
             "The European Union published the Iraq Study Group.", "fr", "en", embedder=use)
    assert "entity" not in types(d)


def test_negation_words_inside_names_and_titles_are_not_negations():
    from claimtrack.drift.checks.negation import negation_markers

    def words(text, lang="en"):
        return [text[a:b] for a, b in negation_markers(text, lang)]

    assert words("They have played in Faith No More since 1983.") == []
    assert words('His single "You Can\'t Get In My Head" sold well.') == []
    assert words("No one came, and he did NOT go.") == ["No one", "NOT"]
    assert words("He said: No, it is not.") == ["No", "not"]
    assert words("« Non, jamais », a-t-il dit.", "fr") == ["Non", "jamais"]


def test_approximate_numbers_compare_as_figures():
    same = fast("The rock rises about fifty metres above the city.",
                "Le rocher domine la cité d'une cinquantaine de mètres.", "en", "fr", checks=["number", "qualifier"])
    assert same.drift == ()
    bound = fast("The rock rises fifty metres above the city.",
                 "Le rocher domine la cité d'une cinquantaine de mètres.", "en", "fr", checks=["number", "qualifier"])
    assert [(f.type, f.source_value, f.target_value) for f in bound.drift] == [("qualifier", "none", "about")]
    crowd = fast("Hundreds of protesters marched.", "Des milliers de manifestants ont défilé.", "en", "fr",
                 checks=["number"])
    assert [(f.type, f.source_value, f.target_value) for f in crowd.drift] == [("number", "100", "1,000")]


def test_a_figure_the_other_side_spells_without_a_noun_is_not_missing():
    en = "He was singing in a choir by six and at 11 or 12 he had memorized the songs."
    fr = "Il chante dans un chœur dès ses six ans et vers onze ou douze ans, il a mémorisé les chansons."
    assert fast(en, fr, "en", "fr", checks=["number"]).drift == ()
    en = "While both subspecies look alike, the female is paler."
    fr = "Les deux sous-espèces se ressemblent, mais la femelle est plus pâle."
    assert fast(en, fr, "en", "fr", checks=["number"]).drift == ()
    # a figure really missing is still found
    assert "number" in types(fast("The 12 subspecies look alike.", "Les sous-espèces se ressemblent.", "en", "fr",
                                  checks=["number"]))


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        ("The city will never again be cut in two.", "La ville ne sera plus jamais coupée en deux."),
        ("He never said anything.", "Il n’a jamais rien dit."),
        ("No one will ever come back.", "Personne ne reviendra plus jamais."),
        ("Nothing has changed.", "Rien n’a changé."),
        ("Since 2000, nothing.", "Depuis l’an 2000, rien."),  # a verbless "rien" is "nothing"
        ("Nothing new here.", "Rien de neuf ici."),
    ],
)
def test_a_chain_of_french_negation_words_is_one_negation(en, fr):
    assert "negation" not in types(fast(en, fr, "en", "fr", checks=["negation"]))
    positive = en.replace("never again ", "").replace("never ", "").replace("No one", "Everyone").replace(
        "Nothing has", "Everything has").replace("nothing", "everything").replace("Nothing new", "Everything new")
    assert "negation" in types(fast(positive, fr, "en", "fr", checks=["negation"]))


# --- entity -----------------------------------------------------------------------------

def test_entity_generalisation_vs_replacement():
    d = fast("Representatives from Google Cloud and Microsoft Azure joined.",
             "Representatives from Google and Microsoft joined.")
    ent = [f for f in d.drift if f.type == "entity"]
    assert len(ent) == 2 and all("generalised" in f.explanation for f in ent)
    d = fast("Representatives from Google joined the board.", "Representatives from Oracle joined the board.")
    ent = [f for f in d.drift if f.type == "entity"]
    assert [(f.source_value, f.target_value) for f in ent] == [("Google", "Oracle")]
    assert "replaced" in ent[0].explanation
    check_spans(d)


def test_entity_added_dropped_and_translated(use):
    d = fast("Meta and Nvidia joined the board.", "Meta joined the board.")
    assert [(f.source_value, f.target_value) for f in d.drift if f.type == "entity"] == [("Nvidia", None)]
    d = diff("PyTorch joins the Linux Foundation.", "PyTorch rejoint la Fondation Linux.", "en", "fr", embedder=use)
    assert "entity" not in types(d)
    d = diff("PyTorch rejoint la Fondation Linux.", "PyTorch joins the Apache Foundation.", "fr", "en", embedder=use)
    assert "entity" in types(d)


# --- date / time scope ----------------------------------------------------------------------

def test_date_and_time_scope():
    d = fast("From March 2023 through March 2024, the port logged over 48,000 crossings.",
             "The port logged over 48,000 crossings.")
    assert "time_scope" in types(d) and "omission" not in types(d)
    d = fast("The blockade began in 2007.", "The blockade began in 2008.")
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [("date", "2007", "2008")]


def test_time_scope_forms_and_words():
    # "since 2016" is a scope too, and says what "since its launch in 2016" says
    for fr, en in (("PyTorch a grandi depuis son lancement en 2016.", "PyTorch has grown since 2016."),
                   ("PyTorch a grandi depuis 2016.", "PyTorch has grown since its launch in 2016."),
                   ("Depuis l'an 2000, le port grandit.", "Since 2000, the port has grown.")):
        assert types(diff(fr, en, "fr", "en", embedder=BOW, checks=["date"])) == [], (fr, en)
    d = diff("PyTorch a grandi depuis 2016.", "PyTorch has grown over the last five years.", "fr", "en",
             embedder=BOW, checks=["date"])
    assert [(f.type, f.source_value) for f in d.drift] == [("time_scope", "depuis 2016")]
    # a scope without a figure is there when the other side holds a word of its kind
    assert types(diff("La reprise est évidente depuis la rentrée.",
                      "The recovery is evident since the start of the school year.", "fr", "en",
                      embedder=BOW, checks=["date"])) == []
    d = diff("PyTorch a grandi depuis son lancement.", "PyTorch has grown.", "fr", "en", embedder=BOW,
             checks=["date"])
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [("time_scope", "depuis son lancement", None)]


def test_names_written_in_lower_case_are_present(use):
    # case is formatting: a lower-cased copy holds the same names and months
    src = ("L'opéra de Camille Saint-Saens a été joué le mardi 15 octobre par l'Athletico de Kolkata "
           "et le Parti Travailliste.")
    tgt = "the opera by camille saint-saens was played on tuesday 15 october by athletico kolkata and the labour party."
    d = diff(src, tgt, "fr", "en", embedder=use, checks=["entity", "date"])
    assert d.drift == (), [(f.type, f.source_value, f.target_value) for f in d.drift]


def test_ferry_strike_fixture_shows_its_drift(use):
    """The fixture pair written for these drift types: every aligned pair
    carries exactly the findings fixtures/README.md says it shows."""
    from .conftest import FIXTURES

    en = ct.read_article(FIXTURES / "ferry-strike" / "en-gazette.txt")
    fr = ct.read_article(FIXTURES / "ferry-strike" / "fr-quotidien.txt")
    comparison = ct.compare(en, fr, embedder=use)
    (pair,) = comparison.alignments
    found = {(d.type, d.source_value, d.target_value) for al in pair.alignments for d in al.drift}
    assert found == {
        ("time_scope", "Since 2022", "Ces deux dernières années"),
        ("negation", "not", None),
        ("speaker", "Adebayo", "Marc Delorme"),
        ("entity", "Calder Marine Group", "Calder Marine"),
    }
    assert len(pair.alignments) == 6 and not comparison.unmatched


def test_speaker_change_is_said_once():
    # the replaced name and the added attribution restate the speaker finding
    d = diff("“We will not wait any longer,” Adebayo said.",
             "« Nous n'attendrons pas plus longtemps », a déclaré Marc Delorme.",
             "en", "fr", embedder=BOW, source_speaker="Adebayo", target_speaker="Marc Delorme")
    changes = [(f.type, f.source_value, f.target_value) for f in d.drift if f.type in ("speaker", "entity", "addition")]
    assert changes == [("speaker", "Adebayo", "Marc Delorme")]
    # a passage that only shares a particle with a speaker's name is not an attribution
    d = diff("Le port a fermé ses quais, de la gare maritime, a dit le maire.", "Le port a fermé ses quais, a dit le maire.",
             "fr", "fr", embedder=BOW, source_speaker="Charles de Gaulle", target_speaker="Marc Delorme")
    assert ("omission", "de la gare maritime") in [(f.type, f.source_value) for f in d.drift]


class _CountingEmbedder(BagOfWordsEmbedder):
    """Counts the characters it is asked to encode."""

    def __init__(self) -> None:
        self.chars = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.chars += sum(map(len, texts))
        return super().encode(texts)


def test_encoding_cost_grows_linearly_with_passage_length():
    """The leave-one-out test re-encodes one sentence per candidate chunk, not
    the whole passage: characters encoded stay proportional to the input."""
    def tag(k: int) -> str:  # 0 -> "a", 27 -> "bb": letters only, so no shared digit tokens
        return "".join(chr(97 + int(d, 36)) for d in np.base_repr(k, 26).lower())

    def passage(n: int, words: tuple[str, ...]) -> str:
        w = words
        return " ".join(f"{w[0].title()}{tag(k)} {w[1]}{tag(k)} {w[2]}{tag(k)}, {w[3]}{tag(k)} {w[4]}{tag(k)} "
                        f"{w[5]}{tag(k)}." for k in range(n))

    ratios = []
    for n in (10, 40):
        emb = _CountingEmbedder()
        a = passage(n, ("harbour", "crews", "checked", "while", "inspectors", "waited"))
        b = passage(n, ("orchard", "pickers", "gathered", "whereas", "farmers", "rested"))
        diff(a, b, "en", "en", embedder=emb)  # nothing matches: every chunk is left out in turn
        ratios.append(emb.chars / (len(a) + len(b)))
    assert ratios[1] <= ratios[0] * 1.25, ratios  # a quadratic cost would quadruple it
    assert ratios[1] < 10, ratios


def test_omission_inside_a_passage_of_several_sentences(use):
    """In a passage, a chunk is left out of its own sentence and compared with
    the other side's closest sentence: a clause dropped from the middle
    sentence is found, and chunks never run across a sentence end."""
    en = ("The bridge opened in March, after three years of work. The mayor praised the workers, who had braved "
          "a harsh winter on the river. Traffic is expected to double.")
    fr = "Le pont a ouvert en mars, après trois ans de travaux. Le maire a salué les ouvriers. Le trafic devrait doubler."
    d = diff(en, fr, "en", "fr", embedder=use, checks=["omission"])
    assert [(f.type, f.source_value) for f in d.drift] == [("omission", "who had braved a harsh winter on the river")]
    back = diff(fr, en, "fr", "en", embedder=use, checks=["omission"])
    assert [(f.type, f.target_value) for f in back.drift] == [("addition", "who had braved a harsh winter on the river")]


def test_time_scope_en_fr(use):
    d = diff("Since its launch in 2016, PyTorch has gathered 2,400 contributors.",
             "Ces cinq dernières années, PyTorch a réuni 2 400 contributeurs.", "en", "fr", embedder=use)
    assert "time_scope" in types(d) and "number" not in types(d)


# --- speaker / pronoun / modality ------------------------------------------------------------

def test_pronoun_and_speaker(use):
    d = fast("“It is an honor,” she said.", "“It is an honor,” he said.")
    assert types(d) == ["pronoun"] and d.drift[0].source_value == "she"
    d = diff("« C'est un honneur », a-t-il déclaré.", "“It is an honor,” she said.", "fr", "en", embedder=use)
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [("pronoun", "il", "she")]
    d = fast("It is an honor.", "It is an honor.", source_speaker="Jim Zemlin", target_speaker="Mark Zuckerberg")
    assert types(d) == ["speaker"]
    assert types(fast("It is an honor.", "It is an honor.", source_speaker="Soumith Chintala",
                      target_speaker="Chintala")) == []


def pronouns(d: PairDiff) -> list[tuple[str | None, str | None]]:
    return [(f.source_value, f.target_value) for f in d.drift if f.type == "pronoun"]


def test_pronoun_evidence_across_languages():
    # an elided subject pronoun counts ("qu'elle")
    d = diff("Ce qu'elle disait, c'est que la loi change.", "What he was saying is that the law changes.", "fr", "en",
             embedder=BOW, checks=["speaker"])
    assert pronouns(d) == [("elle", "he")]
    # a possessive or object pronoun is no evidence across languages: French
    # possessives agree with the thing owned, and "her" may be someone else
    assert pronouns(diff("Son amour pour le Japon est connu.", "Her love for Japan is well known.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    assert pronouns(diff("Il la trouve dans sa retraite et tombe amoureux.",
                         "He finds her in her retreat and falls in love.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    # ... but within one language it is
    assert pronouns(fast("His plan is ready.", "Her plan is ready.", checks=["speaker"])) == [("His", "Her")]
    # an impersonal "il" and a set phrase stand for no one
    for fr in ("Elle a dit qu'il y avait dix blessés.", "Elle a dit qu'il est évident que dix sont blessés.",
               "Elle défend les droits de l'homme."):
        en = "She said ten were hurt." if "droits" not in fr else "She defends human rights."
        assert pronouns(diff(fr, en, "fr", "en", embedder=BOW, checks=["speaker"])) == [], fr
    assert pronouns(diff("Il a dit qu'il y avait dix blessés.", "She said ten were hurt.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == [("Il", "She")]
    assert pronouns(diff("Y a-t-il des blessés ? demande-t-elle.", "Is anyone hurt? she asks.", "fr", "en",
                         embedder=BOW, checks=["speaker"])) == []
    # ... but a verb that can be impersonal is personal without "que" / "de" after it
    for fr, en in (("Il arrive demain à Paris.", "She arrives in Paris tomorrow."),
                   ("Il semble fatigué.", "She seems tired."),
                   ("Il est difficile à convaincre.", "She is hard to convince.")):
        assert pronouns(diff(fr, en, "fr", "en", embedder=BOW, checks=["speaker"])) == [("Il", "She")], fr


def test_modality():
    d = fast("Meta will reach 2,400 contributors.", "Meta could reach 2,400 contributors.")
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == [("modality", "will", "could")]
    assert types(fast("Meta will reach 2,400 contributors in May.", "Meta reaches 2,400 contributors in May.")) == []


def test_modality_fr_en(use):
    d = diff("Meta va atteindre 2 400 contributeurs.", "Meta could reach 2,400 contributors.", "fr", "en", embedder=use)
    assert "modality" in types(d)


# --- omission / addition ---------------------------------------------------------------------

def test_omission_and_addition_en_en():
    full = ("We thank the crews at Harlow Yard, where the bridge deck was welded and painted over two winters, "
            "for handing the city this remarkable structure.")
    short = "We thank the crews at Harlow Yard for handing the city this remarkable structure."
    d = fast(full, short, checks=["omission"])
    om = [f for f in d.drift if f.type == "omission"]
    assert len(om) == 1 and "welded" in om[0].source_value and om[0].target_span is None
    check_spans(d)
    back = fast(short, full, checks=["omission"])
    assert [(f.type, f.target_value) for f in back.drift] == [("addition", om[0].source_value)]


def test_omission_inside_a_quote_with_its_attribution(use):
    # the short attribution stays its own chunk (a quotation mark is a hard
    # break), so the dropped clause is found and its "not" is not a negation
    src = "“We built it to last, where the old ferry could not even run in a storm,” Okafor said."
    tgt = "« Nous l’avons construit pour durer », a déclaré Tomas Okafor."
    d = diff(src, tgt, "en", "fr", embedder=use)
    assert [(f.type, f.source_value) for f in d.drift] == [
        ("omission", "where the old ferry could not even run in a storm")
    ]


def test_omission_en_fr_real_embedder(use):
    src = ("Le développement a débuté en 2016, après une longue campagne de recrutement de bénévoles dans les "
           "universités et les laboratoires de recherche.")
    tgt = "Development began in 2016."
    d = diff(src, tgt, "fr", "en", embedder=use)
    assert "omission" in types(d)


# --- mirroring, batching, claims ----------------------------------------------------------------

def test_mirrored_findings():
    a = "Meta will reach more than 2,400 contributors, she said, not counting Google Cloud."
    b = "Meta could reach nearly 2,500 contributors, he said, with Google."
    d1, d2 = fast(a, b), fast(b, a)
    swap = {"omission": "addition", "addition": "omission"}
    m1 = {(swap.get(f.type, f.type), f.target_value, f.source_value, f.target_span, f.source_span) for f in d1.drift}
    m2 = {(f.type, f.source_value, f.target_value, f.source_span, f.target_span) for f in d2.drift}
    assert m1 == m2 and len(m1) >= 4
    assert d1.divergence == d2.divergence


def test_diff_many_matches_diff_and_caches():
    from claimtrack.embed import EmbeddingCache

    pairs = [("It has 2,400 users.", "It has 2,500 users."), ("It has 2,400 users.", "It has 2,400 users.")]
    cache = EmbeddingCache()
    many = diff_many(pairs, "en", "en", embedder=BOW, cache=cache)
    assert [types(x) for x in many] == [["number"], []]
    misses = cache.misses
    assert fast(*pairs[0], cache=cache) == many[0] and cache.misses == misses


def test_diff_claims_uses_claim_fields():
    from claimtrack.extract.entities import extract_entities
    from claimtrack.extract.quantities import extract_quantities

    def claim(text: str, start: int, speaker: str) -> Claim:
        pad = "x" * start
        return Claim(id=f"c{start}", article_id="a", lang="en", text=text, start=start, end=start + len(text),
                     kind="quote", speaker=Speaker(text=speaker, start=0, end=len(speaker), name=speaker),
                     quantities=tuple(extract_quantities(text, "en", offset=start)),
                     entities=tuple(extract_entities(text, "en", offset=start)),
                     sentence_index=0)

    a = claim("We count 2,400 users of Google Cloud.", 10, "Jim Zemlin")
    b = claim("We count 2,500 users of Google.", 50, "Mark Zuckerberg")
    d = diff_claims(a, b, embedder=BOW)
    got = {(f.type, f.source_value, f.target_value) for f in d.drift}
    assert {("number", "2,400", "2,500"), ("speaker", "Jim Zemlin", "Mark Zuckerberg"),
            ("entity", "Google Cloud", "Google")} <= got
    num = next(f for f in d.drift if f.type == "number")
    assert a.text[num.source_span[0]:num.source_span[1]] == "2,400"


# --- seed corpus ---------------------------------------------------------------------------------

def _sentence(key: str, prefix: str, end: str = ".") -> str:
    text = seed_path(key).read_text(encoding="utf-8")
    i = text.index(prefix)
    return text[i : text.index(end, i + len(prefix)) + len(end)]


def test_seed_150000_vs_154000(use):
    d = diff(_sentence("000", "“PyTorch has become one", "statement."),
             _sentence("004", "Ces cinq dernières années", "…"), embedder=use)
    assert ("number", "150,000", "154,000") in [(f.type, f.source_value, f.target_value) for f in d.drift]
    q = [f for f in d.drift if f.type == "qualifier"]
    assert q and (q[0].source_value, q[0].target_value) == ("more_than", "nearly")


def test_seed_chintala_she_vs_he(use):
    d = diff(_sentence("002", "\"The business governance", "post."),
             _sentence("003", "However, the technical decisions"), embedder=use)
    assert [(f.source_value, f.target_value) for f in d.drift if f.type == "pronoun"] == [("she", "he")]


def test_seed_governing_board_generalisations(use):
    d = diff(_sentence("002", "The new PyTorch Foundation will now control"),
             _sentence("004", "Le conseil d’administration"), embedder=use)
    gen = {(f.source_value, f.target_value) for f in d.drift if f.type == "entity" and "generalised" in f.explanation}
    assert gen == {("Google Cloud", "Google"), ("Microsoft Azure", "Microsoft")}
    assert not [f for f in d.drift if f.type == "entity" and "generalised" not in f.explanation]


def test_seed_65000_commits_verbatim(use):
    a = _sentence("001", "From August 2021 through")
    b = _sentence("003", "From August 2021 through")
    assert a == b
    d = diff(a, b, embedder=use)
    assert d.drift == () and not d.divergent


# --- figures outside quantities: times, decades, ranges, ordinals -------------------------------

@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        ("Pendant les années 1980, il a travaillé sur des spectacles.", "During the 1960s he worked on shows.",
         [("number", "1980", "1960")]),
        ("Les pompiers ont éteint le feu à 23h35.", "The crews put the fire out by 11:45 pm.",
         [("number", "23h35", "11:45 pm")]),
        ("Le travail prend 3-4 heures.", "The work takes 3-5 hours.", [("number", "4", "5")]),
        ("Il a culminé au XIVe siècle.", "It peaked in the 15th century.", [("number", "XIVe", "15")]),
    ],
)
def test_figures_outside_quantities_are_compared(fr, en, expected):
    d = diff(fr, en, "fr", "en", checks=["number"])
    assert [(f.type, f.source_value, f.target_value) for f in d.drift] == expected


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        ("Le programme a commencé à 20h30 heure locale (15h00 UTC).", "The program started at 8:30 p.m. local time (15.00 UTC)."),
        ("Les pompiers ont éteint le feu à 23h35.", "The crews put the fire out by 11:35 pm."),
        ("Il a culminé entre le Xe–XIe siècle et le XIVe siècle.", "It peaked between the 10th-11th centuries and the 14th century."),
        ("Il a 5 ans.", "He is five."),
        ("Le Ce Ve livre.", "The book."),
    ],
)
def test_same_figures_in_other_forms_are_not_drift(fr, en):
    d = diff(fr, en, "fr", "en", checks=["number", "entity"])
    assert d.drift == ()


def test_empty_text_is_refused():
    import claimtrack as ct

    with pytest.raises(ct.EmptyInputError, match="source text is empty"):
        diff("", "The bridge opened.", "en", "en", embedder=BOW)
    with pytest.raises(ct.EmptyInputError, match="pair 1: the target text is empty"):
        diff_many([("a b", "a b"), ("a b", "  \n")], "en", "en", embedder=BOW)
    with pytest.raises(TypeError):
        diff(None, "x", "en", "en", embedder=BOW)  # type: ignore[arg-type]
