import type { Migration } from './index';

export const m0002Evidence: Migration = {
  name: 'evidence',
  up(db) {
    db.exec(`
      -- One row per document in the library; the bytes live in the store under sha256.
      -- Metadata columns are NULL while unknown: background analysis fills only NULLs, so
      -- whatever a person typed (or gave at intake) is never overwritten.
      CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        file_kind TEXT NOT NULL
          CHECK (file_kind IN ('pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls', 'odt', 'ods')),
        mime TEXT NOT NULL,
        original_name TEXT NOT NULL,
        pages INTEGER CHECK (pages IS NULL OR pages >= 0),
        encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
        damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1)),
        has_text INTEGER CHECK (has_text IN (0, 1)),
        doc_type TEXT,
        number TEXT,
        issued_on TEXT CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        issuer TEXT,
        subject TEXT,
        draft INTEGER CHECK (draft IN (0, 1)),
        note TEXT,
        metadata_source TEXT NOT NULL DEFAULT 'auto' CHECK (metadata_source IN ('auto', 'user')),
        analysis_status TEXT NOT NULL DEFAULT 'pending'
          CHECK (analysis_status IN ('pending', 'done', 'failed')),
        analysis_error TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        office_id INTEGER REFERENCES office(id),
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      -- The same content is one live document; a trashed copy may coexist until purged.
      CREATE UNIQUE INDEX document_live_sha ON document(sha256) WHERE deleted_at IS NULL;
      CREATE INDEX document_sha ON document(sha256);
      CREATE INDEX document_pending ON document(id) WHERE analysis_status = 'pending';
      CREATE INDEX document_issued ON document(issued_on);
      CREATE INDEX document_office ON document(office_id);

      -- The extracted text (NFC, capped at 200 000 characters), one row per document that has
      -- any. Kept out of document so that its rows stay small: counting and filtering 20 000
      -- documents then reads a few MB instead of the first kilobytes of every text.
      CREATE TABLE document_text (
        document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;

      CREATE TABLE document_link (
        id INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        slot TEXT,
        pages TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        UNIQUE (node_id, document_id)
      ) STRICT;
      CREATE INDEX document_link_document ON document_link(document_id);

      -- Search: "body" is the NFC text, "folded" the same with diacritics and đ folded away
      -- (unicode61 cannot fold đ). Contentless: the text is already in document.text; rows
      -- are written by the core in the same transaction as the document (evidence/search.ts);
      -- documents in the trash are left out.
      CREATE VIRTUAL TABLE document_fts USING fts5(
        body, folded,
        tokenize = 'unicode61 remove_diacritics 2',
        content = '', contentless_delete = 1
      );
    `);
  },
};
