import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CallContext } from '../../shared/api';
import type { FileProblem, VerifyReport } from '../../shared/models';
import { FileStore } from './store/store';
import type { Workspace } from './workspace';

/**
 * Checks the database (integrity_check, foreign keys) and re-hashes every stored file that
 * a row points at. Tables that reference the store register their hash columns here.
 */
export const STORED_FILE_QUERIES: string[] = ['SELECT sha256 FROM document'];

export async function verifyWorkspace(ws: Workspace, ctx: CallContext): Promise<VerifyReport> {
  // SQLite describes damage in English page terms; a person reads how much, and what to do.
  const integrity = (ws.db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  const fkProblems = ws.db.pragma('foreign_key_check') as unknown[];
  const database =
    integrity.length !== 1 || integrity[0] !== 'ok'
      ? `Cơ sở dữ liệu bị hỏng (${integrity.length} lỗi toàn vẹn); hãy khôi phục từ bản sao lưu`
      : fkProblems.length > 0
        ? `Có ${fkProblems.length} liên kết dữ liệu bị hỏng`
        : 'ok';
  const hashes = new Set<string>();
  for (const sql of STORED_FILE_QUERIES) {
    for (const r of ws.db.prepare(sql).pluck().all() as string[]) hashes.add(r);
  }
  const remember = ws.readOnly
    ? null
    : ws.db.prepare(
        `INSERT INTO file_status (sha256, status, checked_at) VALUES (?, ?, ?)
         ON CONFLICT(sha256) DO UPDATE SET status = excluded.status, checked_at = excluded.checked_at`,
      );
  let missing = 0;
  let corrupt = 0;
  let checked = 0;
  const problems: FileProblem[] = [];
  for (const sha of hashes) {
    if (ctx.signal.aborted) break;
    const status = await ws.store.verify(sha);
    if (status === 'missing') missing++;
    if (status === 'corrupt') corrupt++;
    if (status !== 'ok') problems.push({ status, sha256: sha, documents: documentsOf(ws, sha) });
    // Remembered so the completeness check can name a corrupt file without re-hashing it.
    remember?.run(sha, status, new Date().toISOString());
    checked++;
    ctx.progress(checked, hashes.size, 'Kiểm tra tệp');
  }
  return {
    ok: database === 'ok' && missing === 0 && corrupt === 0,
    database,
    files: { checked, missing, corrupt },
    problems,
  };
}

function documentsOf(ws: Workspace, sha256: string): FileProblem['documents'] {
  return (
    ws.db
      // Named as the completeness check names documents: the subject, else the file name.
      .prepare(
        'SELECT id, COALESCE(subject, original_name) AS name FROM document WHERE sha256 = ? ORDER BY id',
      )
      .all(sha256) as FileProblem['documents']
  );
}

/**
 * When the database cannot be read, what can still be said about the files: each one in the
 * store is re-hashed against its name. Which documents are missing needs the database, so
 * missing stays 0 and the report is never ok.
 */
export async function verifyStoreOnly(
  dir: string,
  database: string,
  ctx: CallContext,
): Promise<VerifyReport> {
  const store = new FileStore(path.join(dir, 'files'));
  const hashes: string[] = [];
  const list = (d: string) => {
    try {
      return readdirSync(d, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const a of list(store.root)) {
    if (!a.isDirectory() || !/^[0-9a-f]{2}$/.test(a.name)) continue;
    for (const b of list(path.join(store.root, a.name))) {
      const sha = a.name + b.name;
      if (b.isFile() && /^[0-9a-f]{64}$/.test(sha)) hashes.push(sha);
    }
  }
  let checked = 0;
  let corrupt = 0;
  const problems: FileProblem[] = [];
  for (const sha of hashes) {
    if (ctx.signal.aborted) break;
    if ((await store.verify(sha)) === 'corrupt') {
      corrupt++;
      problems.push({ status: 'corrupt', sha256: sha, documents: [] });
    }
    checked++;
    ctx.progress(checked, hashes.length, 'Kiểm tra tệp');
  }
  return { ok: false, database, files: { checked, missing: 0, corrupt }, problems };
}
