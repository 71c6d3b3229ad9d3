import Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { migrate } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  readOnly?: boolean;
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron has its own ABI, so
   * `npm start` prepares an Electron build beside node_modules (which stays built for Node, for
   * the CLI and tests) and passes its path down; absent, better-sqlite3 loads its default build.
   */
  nativeBinding?: string;
}

/**
 * Opens the workspace database with the durability settings the data deserves: WAL for
 * concurrent readers (the CLI while the app is open), FULL sync so a power cut never
 * loses a committed change, and foreign keys on.
 */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, {
      readonly: opts.readOnly ?? false,
      fileMustExist: opts.readOnly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw openFailure(e);
  }
  try {
    if (!opts.readOnly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.function('fold_vi', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? foldForSql(s) : s,
    );
    migrate(db, { readOnly: opts.readOnly ?? false });
    return db;
  } catch (e) {
    db.close();
    if (e instanceof CoreError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw corrupt(e);
    throw e;
  }
}

const corrupt = (e: unknown) =>
  new CoreError(
    'DB_CORRUPT',
    'Tệp cơ sở dữ liệu của hồ sơ bị hỏng hoặc không phải là cơ sở dữ liệu.',
    technical(e),
  );

/**
 * A failure to open, in words a person can act on; SQLite's own (English) text goes to
 * details, for the log and support, never into the message.
 */
function openFailure(e: unknown): CoreError {
  const code = (e as NodeJS.ErrnoException).code;
  const text = (e as Error).message ?? '';
  if (
    code === 'ERR_DLOPEN_FAILED' ||
    /NODE_MODULE_VERSION|\.node\b|invalid ELF|not a valid Win32/i.test(text)
  ) {
    return new CoreError(
      'INTERNAL',
      'Thành phần cơ sở dữ liệu của ứng dụng không khớp với phiên bản đang chạy. Hãy cài đặt lại ứng dụng (hoặc chạy lại “npm install”).',
      technical(e),
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return corrupt(e);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
    return new CoreError(
      'DB_CORRUPT',
      'Không mở được tệp cơ sở dữ liệu của hồ sơ: không có quyền đọc/ghi hoặc thư mục không còn. Hãy kiểm tra thư mục hồ sơ rồi thử lại.',
      technical(e),
    );
  }
  return new CoreError(
    'DB_CORRUPT',
    'Không mở được cơ sở dữ liệu của hồ sơ; tệp có thể bị hỏng hoặc đang bị chương trình khác giữ.',
    technical(e),
  );
}

const technical = (e: unknown) => ({
  code: (e as { code?: string }).code ?? null,
  detail: (e as Error).message ?? String(e),
});

function foldForSql(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Runs fn in one IMMEDIATE transaction: either the whole change lands or none of it. */
export function tx<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
