"""Corpus-level work: fingerprints and duplicates, stories, entity timelines, the claims ledger."""
