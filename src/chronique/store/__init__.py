"""Storage: the DuckDB store (`Store`) and its schema."""
from .duckdb import DEFAULT_DB, TABLES, Store

__all__ = ["Store", "DEFAULT_DB", "TABLES"]
