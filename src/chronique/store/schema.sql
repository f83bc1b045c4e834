-- chronique store, schema version 1. One table per type; every row is keyed by the
-- document id (a content hash), so re-ingesting the same input inserts nothing.
-- `start`/`end` are reserved words in SQL: spans use span_start/span_end.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    dct VARCHAR,             -- TIMEX3 value with its own granularity
    dct_date DATE,           -- first day of the dct, for ordering and windows
    lang VARCHAR,
    title VARCHAR,
    url VARCHAR,
    raw VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    warnings VARCHAR[]
);

CREATE TABLE IF NOT EXISTS edits (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    kind VARCHAR, span_start INTEGER, span_end INTEGER,
    raw_start INTEGER, raw_end INTEGER, replacement VARCHAR, reason VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS timexes (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    id VARCHAR, span_start INTEGER, span_end INTEGER, text VARCHAR, type VARCHAR,
    value VARCHAR, mod VARCHAR, quant VARCHAR, freq VARCHAR, anchor VARCHAR,
    interval_start VARCHAR, interval_end VARCHAR, rule VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    id VARCHAR, span_start INTEGER, span_end INTEGER, text VARCHAR, label VARCHAR, key VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS figures (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    span_start INTEGER, span_end INTEGER, text VARCHAR, kind VARCHAR, value VARCHAR,
    unit VARCHAR, currency VARCHAR, mod VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- Claims keep their full JSON in `data` (fields added later survive) and the columns
-- the timeline and the ledger query on.
CREATE TABLE IF NOT EXISTS claims (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    id VARCHAR, span_start INTEGER, span_end INTEGER, text VARCHAR,
    subject_key VARCHAR, subject_name VARCHAR, predicate VARCHAR, key VARCHAR, about VARCHAR,
    modality VARCHAR, polarity VARCHAR, forward BOOLEAN,
    target_value VARCHAR, target_mod VARCHAR, target_start VARCHAR, target_end VARCHAR,
    source_who VARCHAR, source_via VARCHAR,
    data VARCHAR,
    embedding BLOB,          -- multilingual embedding of the claim text (float32 bytes): links it across reports
    PRIMARY KEY (doc_id, idx)
);

-- Corpus-level inputs computed once per document in the workers.
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id VARCHAR PRIMARY KEY,
    text_hash VARCHAR NOT NULL,     -- exact duplicates share it
    minhash UINTEGER[],             -- near duplicates: MinHash of word 5-shingles
    embedding BLOB                  -- stories: multilingual lede embedding, float32 bytes (may be NULL)
);

-- A copy points at its original (the earliest report); facts of copies are not counted.
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id VARCHAR PRIMARY KEY,
    original_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,          -- exact | near
    similarity DOUBLE
);

CREATE TABLE IF NOT EXISTS stories (
    doc_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS chains (
    id VARCHAR PRIMARY KEY,
    subject_key VARCHAR, subject_name VARCHAR, key VARCHAR, about VARCHAR
);

CREATE TABLE IF NOT EXISTS chain_members (
    doc_id VARCHAR NOT NULL,
    claim_idx INTEGER NOT NULL,
    chain_id VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, claim_idx)
);

CREATE TABLE IF NOT EXISTS errors (
    id VARCHAR PRIMARY KEY,         -- hash of source, code and reason: a re-run adds nothing
    source VARCHAR, doc_id VARCHAR, code VARCHAR, reason VARCHAR
);
