import type { Migration } from './index';

export const m0001Initial: Migration = {
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- The assessed unit: one per workspace (UBND xã/phường, a sở, a former huyện).
      CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('xa', 'so', 'huyen', 'tinh')),
        parent_body TEXT,
        place TEXT
      ) STRICT;

      CREATE TABLE office (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        short_name TEXT,
        is_coordinator INTEGER NOT NULL DEFAULT 0 CHECK (is_coordinator IN (0, 1)),
        position INTEGER NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX office_name ON office(name) WHERE deleted_at IS NULL;

      CREATE TABLE assessment (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        framework_id TEXT NOT NULL,
        framework_name TEXT NOT NULL,
        index_kind TEXT NOT NULL,
        scored INTEGER NOT NULL CHECK (scored IN (0, 1)),
        source TEXT,
        illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE node (
        id INTEGER PRIMARY KEY,
        assessment_id INTEGER NOT NULL REFERENCES assessment(id),
        parent_id INTEGER REFERENCES node(id),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        max_points INTEGER,
        kind TEXT NOT NULL DEFAULT 'self' CHECK (kind IN ('self', 'survey', 'bonus', 'penalty')),
        may_be_na INTEGER NOT NULL DEFAULT 0 CHECK (may_be_na IN (0, 1)),
        step INTEGER,
        lead_office_id INTEGER REFERENCES office(id),
        scoring_guide TEXT,
        evidence_guide TEXT,
        task TEXT,
        target TEXT,
        deadline TEXT,
        note TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX node_tree ON node(assessment_id, parent_id, position);

      CREATE TABLE node_coop_office (
        node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
        office_id INTEGER NOT NULL REFERENCES office(id),
        PRIMARY KEY (node_id, office_id)
      ) STRICT;

      CREATE TABLE node_option (
        node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        points INTEGER NOT NULL,
        PRIMARY KEY (node_id, position)
      ) STRICT;

      CREATE TABLE node_slot (
        node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (node_id, position)
      ) STRICT;

      CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        office TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        detail TEXT
      ) STRICT;
    `);
  },
};
