"""Facts: entities, figures and claims (subject, predicate, target timex, modality, source)."""
from .step import FactStep, extract

__all__ = ["FactStep", "extract"]
