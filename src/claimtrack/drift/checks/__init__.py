"""The drift checks, one module each; :data:`CHECKS` is the registry (check
name -> instance, in reporting order), as sacreBLEU's ``METRICS``."""

from ..check import DriftCheck
from .date import DateCheck
from .entity import EntityCheck
from .modality import ModalityCheck
from .negation import NegationCheck
from .number import NumberCheck
from .omission import OmissionCheck
from .qualifier import QualifierCheck
from .speaker import SpeakerCheck

__all__ = ["CHECKS"]

CHECKS: dict[str, DriftCheck] = {
    c.name: c
    for c in (NumberCheck(), QualifierCheck(), DateCheck(), NegationCheck(), EntityCheck(), SpeakerCheck(),
              ModalityCheck(), OmissionCheck())
}
"""The registry: check name -> instance, in reporting order."""
