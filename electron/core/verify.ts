import type { CallContext } from '../../shared/api';
import type { VerifyReport } from '../../shared/models';
import type { Workspace } from './workspace';

/**
 * Checks the database (integrity_check, foreign keys) and re-hashes every stored file that
 * a row points at. Tables that reference the store register their hash columns here.
 */
export const STORED_FILE_QUERIES: string[] = ['SELECT sha256 FROM document'];

export async function verifyWorkspace(ws: Workspace, ctx: CallContext): Promise<VerifyReport> {
  const integrity = ws.db.pragma('integrity_check', { simple: true }) as string;
  const fkProblems = ws.db.pragma('foreign_key_check') as unknown[];
  const database =
    integrity !== 'ok'
      ? `Cơ sở dữ liệu bị hỏng: ${integrity}`
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
  for (const sha of hashes) {
    if (ctx.signal.aborted) break;
    const status = await ws.store.verify(sha);
    if (status === 'missing') missing++;
    if (status === 'corrupt') corrupt++;
    // Remembered so the completeness check can name a corrupt file without re-hashing it.
    remember?.run(sha, status, new Date().toISOString());
    checked++;
    ctx.progress(checked, hashes.size, 'Kiểm tra tệp');
  }
  return {
    ok: database === 'ok' && missing === 0 && corrupt === 0,
    database,
    files: { checked, missing, corrupt },
  };
}
