"""French data for the furniture stage (:class:`claimtrack.lang.schema.Furniture`)."""

from __future__ import annotations

from ..schema import Furniture
from .words import STOP_WORDS

FURNITURE = Furniture(
    furniture_patterns=(
        (r"(image|photo|illustration|crédits?|credits?)\s*(photo)?\s*:.*", "credit", "crédit photo ou image"),
        (r"source\s*:\s*(https?://|www\.)\S*", "link", "ligne de source (URL)"),
        (r"(https?://|www\.)\S+", "link", "URL seule"),
        (r"(mis à jour|publié|mise à jour)\b.{0,40}\d.*", "dateline", "date de publication ou de mise à jour"),
        (r"(par\s+)?[A-ZÉ][\w.'’-]+(\s+[A-ZÉ][\w.'’-]+){0,3}\s*[|/·•]\s*.*\d{4}", "byline", "signature : auteur et date"),
        (r"par\s+[A-ZÉ][\w.'’-]+(\s+[A-ZÉ][\w.'’-]+){0,3}", "byline", "signature"),
        (r"(abonnez-vous|inscrivez-vous|suivez-nous|partagez|partager)\b.*", "boilerplate", "invitation à s'abonner ou partager"),
        (r"rejoignez(-nous| notre communauté)\b.*", "boilerplate", "invitation à rejoindre la communauté"),
        (r"\[?cliquez\b.*", "caption", "invitation à cliquer ou légende d'image"),
        (r"(lire aussi|à lire aussi|voir aussi|sur le même sujet|articles? similaires?|catégories|mots-clés)\s*:?.*", "navigation", "navigation ou liste de catégories"),
        (r"(publicité|contenu sponsorisé)", "boilerplate", "mention publicitaire"),
        (r"(merci|merci de votre lecture)[.!]?", "boilerplate", "formule de fin"),
        (r"tous droits réservés.*|©.*", "boilerplate", "mention de droits"),
    ),
    boilerplate_openers=(
        (r"(à propos de l['’]auteur|l['’]auteur)", "encadré auteur"),
        (r"(articles? similaires|à lire aussi|sur le même sujet|articles? recommandés?)", "bloc d'articles liés"),
        (r"un message de\b.*:?", "message promotionnel"),
        (r"(laisser|laissez) un commentaire", "formulaire de commentaire"),
    ),
    heading_words=STOP_WORDS,
    html_block_headings=(
        r"(les )?(articles? )?(les )?plus (lus|partagés|commentés|populaires|consultés)",
        r"(à )?lire (aussi|également|ensuite)", r"voir aussi", r"sur le même (sujet|thème)",
        r"(articles?|contenus?) (similaires?|recommandés?|associés?)", r"(nos|vos) (articles|sélections?)\b.{0,30}",
        r"partager( cet article| l['’]article)?", r"commentaires?( \(\d+\))?", r"(à la une|les dernières infos)",
    ),
    html_boilerplate_classes=frozenset({
        "partage", "partager", "reseaux", "sociaux", "commentaires", "abonnement", "abonnez", "lire", "plus-lus",
        "populaires", "encadre-liens", "rubriques", "pied", "publicite", "pub", "menu", "fil-ariane",
    }),
)
