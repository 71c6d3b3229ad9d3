import { promises as fsp } from 'node:fs';
import type { HandlersOf } from '../../../shared/api';
import type { evidenceApi } from '../../../shared/contract/evidence';
import { proposeCode } from '../../../shared/evidence';
import { foldVi } from '../../../shared/text';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { getAssessment, loadTree } from '../criteria/repo';
import { tx } from '../db/open';
import { CoreError, notFound } from '../errors';
import { readSettings } from '../settings';
import { AnalysisQueue } from './analysis';
import {
  metadataColumns,
  purgeDocuments,
  removeUnusedFiles,
  restoreDocument,
  trashDocument,
  updateDocument,
} from './edit';
import { addFiles, ShaClaims } from './intake';
import { addLink, getLinkOrThrow, nodeRef, removeLink, reorderLinks, updateLink } from './links';
import { listDocuments } from './list';
import {
  DOCUMENT_SELECT,
  documentRow,
  linksOfDocument,
  linksOfNode,
  liveRow,
  toDocument,
  type DocumentRow,
} from './repo';

/** Previews travel as base64 inside one message; bigger files are opened another way. */
const CONTENT_CAP_MB = 50;

export function evidenceHandlers(c: CoreContext): HandlersOf<typeof evidenceApi> {
  const queue = new AnalysisQueue(c);
  const claims = new ShaClaims();
  const warnMb = () => readSettings(c.ws().db).uploadWarnMb;
  const doc = (id: number) => {
    const row = documentRow(c.ws().db, id);
    if (!row) throw notFound(`tài liệu số ${id}`);
    return toDocument(row, warnMb());
  };
  const nodeDocuments = (nodeId: number) => {
    const db = c.ws().db;
    nodeRef(db, nodeId);
    const mb = warnMb();
    return linksOfNode(db, nodeId).flatMap((link) => {
      const row = documentRow(db, link.documentId);
      return row && !row.deleted_at ? [{ link, document: toDocument(row, mb) }] : [];
    });
  };
  /** One transaction, one audit row per call, then every open view refreshes. */
  const change = <T>(fn: (db: ReturnType<CoreContext['writable']>['db']) => T): T => {
    const db = c.writable().db;
    const out = tx(db, () => fn(db));
    c.changed('evidence');
    return out;
  };

  return {
    'evidence.add': (input, ctx) => addFiles(c, queue, claims, input, ctx),

    'evidence.proposeNodes': async (input) => {
      const db = c.ws().db;
      const assessment = getAssessment(db, input.assessmentId);
      const byCode = new Map(loadTree(db, assessment.id).map((n) => [n.code, n]));
      return input.names.map((name) => {
        const code = proposeCode(name);
        const node = code ? byCode.get(code) : undefined;
        return {
          name,
          code: node ? node.code : null,
          nodeId: node?.id ?? null,
          title: node?.title ?? null,
          isLeaf: node?.isLeaf ?? false,
        };
      });
    },

    'evidence.list': async (input) => {
      queue.kick();
      return listDocuments(c.ws().db, input, warnMb());
    },

    'evidence.get': async (input) => {
      const db = c.ws().db;
      const d = doc(input.documentId);
      const textLength = db
        .prepare(
          'SELECT coalesce((SELECT length(text) FROM document_text WHERE document_id = ?), 0)',
        )
        .pluck()
        .get(input.documentId) as number;
      return { ...d, links: linksOfDocument(db, input.documentId), textLength };
    },

    'evidence.nodeDocuments': async (input) => nodeDocuments(input.nodeId),

    'evidence.text': async (input) => {
      const row = c
        .ws()
        .db.prepare(
          `SELECT substr(coalesce(t.text, ''), ?, ?) AS text, coalesce(length(t.text), 0) AS total,
             d.has_text FROM document d LEFT JOIN document_text t ON t.document_id = d.id
           WHERE d.id = ?`,
        )
        .get(input.offset + 1, input.limit, input.documentId) as
        { text: string; total: number; has_text: number | null } | undefined;
      if (!row) throw notFound(`tài liệu số ${input.documentId}`);
      return { text: row.text, total: row.total, hasText: row.has_text === 1 };
    },

    'evidence.content': async (input) => {
      const w = c.ws();
      const d = doc(input.documentId);
      if (d.size > CONTENT_CAP_MB * 1048576) {
        throw new CoreError(
          'TOO_LARGE',
          `Tệp lớn hơn ${CONTENT_CAP_MB} MB nên không xem trước được trong ứng dụng.`,
        );
      }
      let bytes: Buffer;
      try {
        bytes = await fsp.readFile(w.store.pathOf(d.sha256));
      } catch {
        throw new CoreError(
          'NOT_FOUND',
          `Không tìm thấy tệp của tài liệu “${d.originalName}” trong thư mục hồ sơ. Hãy chạy kiểm tra hồ sơ hoặc thêm lại tệp.`,
        );
      }
      return {
        name: d.originalName,
        mime: d.mime,
        size: bytes.length,
        base64: bytes.toString('base64'),
      };
    },

    'evidence.update': async (input) => {
      change((db) => {
        if (updateDocument(db, input.documentId, input.metadata, input.officeId)) {
          audit(db, c.actor(), 'evidence.update', 'document', input.documentId, {
            ...metadataColumns(input.metadata),
            ...(input.officeId !== undefined ? { office_id: input.officeId } : {}),
          });
        }
      });
      return doc(input.documentId);
    },

    'evidence.bulkUpdate': async (input) => {
      const updated = change((db) => {
        let n = 0;
        for (const id of new Set(input.documentIds)) {
          if (updateDocument(db, id, input.metadata, input.officeId)) n++;
        }
        audit(db, c.actor(), 'evidence.bulkUpdate', 'document', null, {
          documentIds: input.documentIds,
          ...metadataColumns(input.metadata),
          ...(input.officeId !== undefined ? { office_id: input.officeId } : {}),
        });
        return n;
      });
      return { updated };
    },

    'evidence.link': async (input) => {
      const actor = c.actor();
      return change((db) => {
        const d = liveRow(db, input.documentId);
        const node = nodeRef(db, input.nodeId);
        const fields = { slot: input.slot, pages: input.pages, note: input.note };
        if (!addLink(db, node, d.id, d.pages, fields, actor.name))
          updateLink(db, node, d.id, d.pages, fields);
        audit(db, actor, 'evidence.link', 'document', d.id, { nodeId: node.id, code: node.code });
        return getLinkOrThrow(db, node.id, d.id);
      });
    },

    'evidence.updateLink': async (input) =>
      change((db) => {
        const d = liveRow(db, input.documentId);
        const node = nodeRef(db, input.nodeId);
        getLinkOrThrow(db, node.id, d.id);
        updateLink(db, node, d.id, d.pages, {
          slot: input.slot,
          pages: input.pages,
          note: input.note,
        });
        audit(db, c.actor(), 'evidence.updateLink', 'document', d.id, {
          nodeId: node.id,
          code: node.code,
        });
        return getLinkOrThrow(db, node.id, d.id);
      }),

    'evidence.unlink': async (input) => {
      const unlinked = change((db) => {
        const node = nodeRef(db, input.nodeId);
        const removed = removeLink(db, node.id, input.documentId);
        if (removed)
          audit(db, c.actor(), 'evidence.unlink', 'document', input.documentId, {
            nodeId: node.id,
            code: node.code,
          });
        return removed;
      });
      return { unlinked };
    },

    'evidence.reorderLinks': async (input) => {
      change((db) => {
        const node = nodeRef(db, input.nodeId);
        reorderLinks(db, node.id, input.documentIds);
        audit(db, c.actor(), 'evidence.reorderLinks', 'node', node.id, {
          documentIds: input.documentIds,
        });
      });
      return nodeDocuments(input.nodeId);
    },

    'evidence.delete': async (input) => {
      const deleted = change((db) => {
        let n = 0;
        for (const id of new Set(input.documentIds)) {
          if (!documentRow(db, id)) throw notFound(`tài liệu số ${id}`);
          if (trashDocument(db, id)) {
            audit(db, c.actor(), 'evidence.delete', 'document', id);
            n++;
          }
        }
        return n;
      });
      return { deleted };
    },

    'evidence.restore': async (input) => {
      const restored = change((db) => {
        let n = 0;
        for (const id of new Set(input.documentIds)) {
          if (restoreDocument(db, id)) {
            audit(db, c.actor(), 'evidence.restore', 'document', id);
            n++;
          }
        }
        return n;
      });
      return { restored };
    },

    'evidence.trash': async (input) => {
      const db = c.ws().db;
      const mb = warnMb();
      const rows = db
        .prepare(
          `${DOCUMENT_SELECT} WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC LIMIT ? OFFSET ?`,
        )
        .all(input.limit, input.offset) as DocumentRow[];
      const total = db
        .prepare('SELECT count(*) FROM document WHERE deleted_at IS NOT NULL')
        .pluck()
        .get() as number;
      return { items: rows.map((r) => toDocument(r, mb)), total };
    },

    'evidence.purge': async (input) => {
      const w = c.writable();
      const { purged, hashes } = change((db) => {
        const r = purgeDocuments(db, [...new Set(input.documentIds)]);
        for (const id of r.purged) audit(db, c.actor(), 'evidence.purge', 'document', id);
        return r;
      });
      const filesRemoved = removeUnusedFiles(w.db, w.store, hashes, (h) => claims.has(h));
      return { purged: purged.length, filesRemoved };
    },

    'evidence.issuers': async (input) => {
      const q = input.query ? `%${foldVi(input.query).replace(/[\\%_]/g, '\\$&')}%` : null;
      return c
        .ws()
        .db.prepare(
          `SELECT issuer AS name, count(*) AS count FROM document
           WHERE deleted_at IS NULL AND issuer IS NOT NULL
             ${q ? "AND fold_vi(issuer) LIKE ? ESCAPE '\\'" : ''}
           GROUP BY issuer ORDER BY count DESC, issuer LIMIT ?`,
        )
        .all(...(q ? [q] : []), input.limit) as { name: string; count: number }[];
    },

    'evidence.reanalyse': async (input) => {
      const queued = change((db) => {
        const r = db
          .prepare(
            `UPDATE document SET analysis_status = 'pending', analysis_error = NULL
             WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
          )
          .run(JSON.stringify(input.documentIds));
        audit(db, c.actor(), 'evidence.reanalyse', 'document', null, {
          documentIds: input.documentIds,
        });
        return r.changes;
      });
      queue.kick();
      return { queued };
    },

    'evidence.analysisStatus': async (input) => queue.status(input.waitMs),
  };
}
