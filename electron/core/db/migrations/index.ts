import type { Db } from '../open';
import { CoreError } from '../../errors';
import { m0001Initial } from './0001-initial';
import { m0002Evidence } from './0002-evidence';
import { m0003Scores } from './0003-scores';

export interface Migration {
  name: string;
  up: (db: Db) => void;
}

/** Ordered; the position (1-based) is the schema version stored in PRAGMA user_version. */
export const MIGRATIONS: Migration[] = [m0001Initial, m0002Evidence, m0003Scores];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Db, opts: { readOnly: boolean }): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new CoreError(
      'DB_TOO_NEW',
      `Hồ sơ này được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${current}, ứng dụng hỗ trợ đến ${SCHEMA_VERSION}). Hãy cập nhật ứng dụng.`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  if (opts.readOnly) {
    throw new CoreError('READ_ONLY', 'Hồ sơ cần được nâng cấp; hãy mở nó một lần bằng ứng dụng.');
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const m = MIGRATIONS[v]!;
    // Each step and its version bump commit together, so a crash never leaves a half-migrated file.
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
