"""What the ingest tests share: sample paragraphs in three languages and a file writer."""

from __future__ import annotations

from pathlib import Path

from ..conftest import DATA as _DATA

DATA = _DATA / "ingest"

FR = (
    "Le président a déclaré que le gouvernement était prêt à coopérer avec ses partenaires européens. "
    "« C’est une étape importante pour nous », a-t-il ajouté devant les journalistes."
)
EN = (
    "The president said that the government was ready to work with its European partners. "
    "“This is an important step for us,” he told reporters on Monday."
)
DE = (
    "Der Präsident sagte, dass die Regierung bereit sei, mit den europäischen Partnern zusammenzuarbeiten. "
    "Das ist ein wichtiger Schritt für uns, sagte er am Montag vor Journalisten."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


