import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './db/open';
import { acquireLock } from './lock';
import { FileStore } from './store/store';
import { CoreError } from './errors';

export const DB_FILE = 'hskc.sqlite';
export const LOCK_FILE = 'hskc.lock';

export interface Workspace {
  dir: string;
  db: Db;
  store: FileStore;
  readOnly: boolean;
  close(): void;
}

/**
 * A workspace is one folder: hskc.sqlite, files/ (content-addressed) and backups/.
 * Writers hold a lock for their whole life; readers (CLI tree/verify) open read-only.
 */
export function openWorkspace(
  dir: string,
  opts: { readOnly?: boolean; nativeBinding?: string } = {},
): Workspace {
  const readOnly = opts.readOnly ?? false;
  const dbFile = path.join(dir, DB_FILE);
  if (readOnly && !existsSync(dbFile)) {
    throw new CoreError('WORKSPACE_MISSING', `Không tìm thấy hồ sơ trong thư mục “${dir}”.`);
  }
  if (!readOnly) {
    if (existsSync(dir) && !existsSync(dbFile) && !isEmptyOrOurs(dir)) {
      throw new CoreError(
        'WORKSPACE_EXISTS',
        `Thư mục “${dir}” đã có tệp khác; hãy chọn một thư mục trống cho hồ sơ mới.`,
      );
    }
    mkdirSync(dir, { recursive: true });
  }
  const release = readOnly ? () => {} : acquireLock(path.join(dir, LOCK_FILE));
  try {
    const db = openDatabase(dbFile, {
      readOnly,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    const store = new FileStore(path.join(dir, 'files'));
    if (!readOnly) mkdirSync(path.join(dir, 'backups'), { recursive: true });
    return {
      dir,
      db,
      store,
      readOnly,
      close() {
        try {
          if (!readOnly) db.pragma('wal_checkpoint(TRUNCATE)');
          db.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

function isEmptyOrOurs(dir: string): boolean {
  const ours = new Set(['files', 'backups', LOCK_FILE]);
  return readdirSync(dir).every((name) => ours.has(name) || name.startsWith('.'));
}
