import Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens the workspace database with the durability settings the data deserves: WAL for
 * concurrent readers (the CLI while the app is open), FULL sync so a power cut never
 * loses a committed change, and foreign keys on.
 */
export function openDatabase(file: string, opts: { readOnly?: boolean } = {}): Db {
  let db: Db;
  try {
    db = new Database(file, {
      readonly: opts.readOnly ?? false,
      fileMustExist: opts.readOnly ?? false,
    });
  } catch (e) {
    throw new CoreError(
      'DB_CORRUPT',
      `Không mở được cơ sở dữ liệu của hồ sơ (${(e as Error).message}).`,
    );
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
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new CoreError(
        'DB_CORRUPT',
        'Tệp cơ sở dữ liệu của hồ sơ bị hỏng hoặc không phải là cơ sở dữ liệu.',
      );
    }
    throw e;
  }
}

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
