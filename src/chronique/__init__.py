"""chronique: turns dated news into time-anchored facts."""
from .errors import ChroniqueError, DocumentError
from .types import Claim, Document, Edit, Entity, Figure, Timex

__all__ = ["ChroniqueError", "DocumentError", "Document", "Edit", "Timex", "Entity", "Figure", "Claim"]
__version__ = "0.1.0"
