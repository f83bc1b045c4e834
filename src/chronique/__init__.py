"""chronique: turns dated news into time-anchored facts.

    >>> import chronique
    >>> doc = chronique.process("Xiaomi vise 2024.", dct="2021-10")
"""
from .api import make_document, process, read
from .errors import ChroniqueError, DocumentError
from .pipeline import Pipeline
from .process import build_pipeline
from .types import Claim, Document, Edit, Entity, Figure, Timex

__all__ = [
    "process", "read", "make_document", "build_pipeline", "Pipeline",
    "ChroniqueError", "DocumentError",
    "Document", "Edit", "Timex", "Entity", "Figure", "Claim",
]
__version__ = "0.1.0"
