import type { Migration } from './index';

export const m0003Scores: Migration = {
  name: 'scores',
  up(db) {
    db.exec(`
      -- One row per scored node; points are integer hundredths. A row exists once anything
      -- about the node's score was entered (self-score, N/A, explanation, appraisal…).
      CREATE TABLE score (
        node_id INTEGER PRIMARY KEY REFERENCES node(id) ON DELETE CASCADE,
        self_score INTEGER,
        not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
        na_reason TEXT,
        explanation TEXT,
        appraised INTEGER,
        last_year INTEGER,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      -- What the last full verification found for each stored file, so the completeness check
      -- can report corrupt files without re-hashing gigabytes on every look.
      CREATE TABLE file_status (
        sha256 TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('ok', 'missing', 'corrupt')),
        checked_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
