"""French data for the words stage (:class:`claimtrack.lang.schema.Words`)."""

from __future__ import annotations

from ..schema import Words

STOP_WORDS: frozenset[str] = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces",
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "son", "sa", "ses", "leur",
    "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "et", "ou", "mais", "donc", "or",
    "ni", "car", "si", "quand", "lorsque", "puisque", "depuis", "après", "avant", "pendant",
    "dans", "en", "sur", "sous", "par", "pour", "avec", "sans", "selon", "chez", "entre", "vers",
    "aujourd", "aujourd’hui", "aujourd'hui", "hier", "demain", "ainsi", "alors", "aussi", "enfin",
    "cependant", "toutefois", "néanmoins", "plus", "moins", "tous", "toutes", "tout", "toute",
    "chaque", "aucun", "aucune", "certains", "certaines", "plusieurs", "ces", "qui", "que", "quoi",
    "où", "comment", "pourquoi", "garder", "la", "en", "nous", "sa", "ces",
})
"""The stop words: frequent function words, a capitalised one no name.
One set serves several stages (:attr:`Words.common_words`,
:attr:`Names.not_name_words`, :attr:`Furniture.heading_words`,
:attr:`Scopes.chunk_stopwords`), each of which may part from it."""

WORDS = Words(
    common_words=STOP_WORDS,
    elisions=frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}),
    function_words=frozenset("""
        le la les l un une des du de d au aux ce cet cette ces ça cela ceci celui celle ceux celles
        je j me m moi tu te t toi il elle on nous vous ils elles lui leur leurs eux se s soi
        mon ma mes ton ta tes son sa ses notre nos votre vos y en
        qui que qu quoi dont où lequel laquelle lesquels lesquelles duquel auquel auxquels
        à dans par pour sur sous avec sans chez entre vers envers contre depuis pendant durant avant
        après devant derrière parmi selon malgré hormis outre via jusque jusqu dès lors
        et ou ni mais or donc car si comme quand lorsque lorsqu puisque puisqu quoique
        être suis es est sommes êtes sont étais était étions étiez étaient été fut furent sera seront
        serait seraient soit soient avoir ai as a avons avez ont avais avait avions aviez avaient eu eut
        eurent aura auront aurait auraient ait aient
        ne n pas plus jamais rien aucun aucune personne non
        aussi également encore déjà alors ainsi même mêmes très trop tout tous toute toutes tant
        autre autres tel telle tels telles plusieurs certains certaines chaque quelque quelques
        ici là puis ensuite cependant pourtant toutefois néanmoins donc ailleurs enfin surtout
        moins peu beaucoup bien assez presque seulement
        peut peuvent pouvait pouvaient pourra pourront pourrait pourraient doit doivent devait devaient
        devra devront devrait devraient peut-être lui-même elle-même eux-mêmes elles-mêmes toujours près
        dehors afin notamment pourquoi comment combien quel quelle quels quelles voici voilà
        faut fallait faudra faudrait
    """.split()),
)
