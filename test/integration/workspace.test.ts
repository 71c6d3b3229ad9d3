import os from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePoints } from '../../shared/points';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { FileStore } from '../../electron/core/store/store';
import { ctx, tempDir, testCore } from '../helpers/workspace';
import { z } from 'zod';
import { createCore } from '../../electron/core';
import { CoreError } from '../../electron/core/errors';
import { describeZodError } from '../../electron/core/validation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function fresh() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('demo workspace', () => {
  it('holds a ward, its offices and a 9-area, 100-point tree', async () => {
    const dir = fresh();
    const core = testCore(dir);
    cleanups.unshift(() => core.close());
    const info = await core.handlers['workspace.demo']({}, ctx);
    expect(info.initialized).toBe(true);
    expect(info.unit?.name).toBe('UBND phường Đông Kinh');
    expect(info.unit?.level).toBe('xa');
    expect(info.offices.map((o) => o.name)).toContain('Văn phòng HĐND và UBND');
    expect(info.offices.find((o) => o.isCoordinator)?.name).toBe('Văn phòng HĐND và UBND');
    expect(JSON.stringify([info.unit, info.offices])).not.toMatch(/huyện/i);

    const tree = await core.handlers['criteria.tree']({}, ctx);
    expect(tree.assessment.illustrative).toBe(true);
    const areas = tree.nodes.filter((n) => n.level === 1);
    expect(areas.map((a) => a.maxPoints)).toEqual(
      ['10', '7', '16', '9,5', '12', '8,5', '10', '7', '20'].map(parsePoints),
    );
    expect(areas.reduce((s, a) => s + a.maxPoints!, 0)).toBe(10000);
    // Every parent's max equals the sum of its children's, exactly.
    for (const n of tree.nodes.filter((x) => !x.isLeaf)) {
      const kids = tree.nodes.filter((c) => c.parentId === n.id);
      expect(
        kids.reduce((s, c) => s + (c.maxPoints ?? 0), 0),
        n.code,
      ).toBe(n.maxPoints);
    }
    // Tree order: a child always follows its parent, and levels follow the codes.
    const seen = new Set<number>();
    for (const n of tree.nodes) {
      if (n.parentId) expect(seen.has(n.parentId)).toBe(true);
      seen.add(n.id);
      expect(n.code.split('.').length).toBe(n.level);
    }
    // Lead offices are inherited unless a node overrides.
    const n331 = tree.nodes.find((n) => n.code === '3.3.1')!;
    expect(n331.leadOffice).toBe('Trung tâm Phục vụ hành chính công');
    const n311 = tree.nodes.find((n) => n.code === '3.1.1')!;
    expect(n311).toMatchObject({ leadOffice: 'Văn phòng HĐND và UBND', leadOfficeInherited: true });

    const detail = await core.handlers['criteria.node'](
      { nodeId: tree.nodes.find((n) => n.code === '1.1.2')!.id },
      ctx,
    );
    expect(detail.scoringOptions).toEqual([
      { label: 'Hoàn thành 100% kế hoạch', points: 100 },
      { label: 'Từ 80% đến dưới 100%', points: 50 },
      { label: 'Dưới 80%', points: 0 },
    ]);
    expect(detail.path.map((p) => p.code)).toEqual(['1', '1.1']);

    const audit = await core.handlers['workspace.audit']({ limit: 10 }, ctx);
    expect(audit[0]).toMatchObject({
      action: 'workspace.demo',
      actor: 'Kiểm thử',
      office: 'Văn phòng HĐND và UBND',
    });
  });

  it('refuses a second demo on the same workspace and changes nothing', async () => {
    const core = testCore(fresh());
    cleanups.unshift(() => core.close());
    await core.dispatch('workspace.demo', {});
    const before = await core.dispatch('criteria.tree', {});
    const r = await core.dispatch('workspace.demo', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKSPACE_EXISTS' } });
    expect(await core.dispatch('criteria.tree', {})).toEqual(before);
  });

  it('init creates a unit from any built-in framework, with offices as data', async () => {
    const core = testCore(fresh());
    cleanups.unshift(() => core.close());
    const r = await core.dispatch('workspace.init', {
      frameworkId: 'demo-par-phuong-minh-hoa',
      year: 2027,
      unit: { name: 'Sở Tư pháp tỉnh Lạng Sơn', level: 'so' },
      offices: ['Văn phòng Sở', 'Phòng Hành chính tư pháp'],
    });
    expect(r.ok).toBe(true);
    const info = await core.handlers['workspace.info']({}, ctx);
    expect(info.unit).toMatchObject({ name: 'Sở Tư pháp tỉnh Lạng Sơn', level: 'so' });
    expect(info.offices[0]).toMatchObject({ name: 'Văn phòng Sở', isCoordinator: true });
    expect(info.assessments[0]?.year).toBe(2027);
    const bad = await core.dispatch('workspace.init', {
      frameworkId: 'khong-co',
      year: 2027,
      unit: { name: 'X', level: 'xa' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(bad.ok || bad.error.message).toMatch(/Không có bộ tiêu chí “khong-co”/);
  });
});

describe('storage', () => {
  it('opens SQLite in WAL with foreign keys, FULL sync and STRICT tables at the current schema', () => {
    const dir = fresh();
    testCore(dir).close();
    const db = new Database(path.join(dir, 'hskc.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // FTS5 virtual tables and their shadow tables belong to SQLite and cannot be STRICT.
    const tables = (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
        sql: string;
      }[]
    ).filter((t) => !t.sql.startsWith('CREATE VIRTUAL TABLE') && !t.name.includes('_fts_'));
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('refuses a database from a newer version of the app', () => {
    const dir = fresh();
    testCore(dir).close();
    const db = new Database(path.join(dir, 'hskc.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => testCore(dir)).toThrow(/phiên bản mới hơn của ứng dụng/);
    // The refusal released the lock: an older schema number opens again.
    const db2 = new Database(path.join(dir, 'hskc.sqlite'));
    db2.pragma(`user_version = ${SCHEMA_VERSION}`);
    db2.close();
    testCore(dir).close();
  });

  it('refuses a file that is not a database', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'hskc.sqlite'), 'không phải cơ sở dữ liệu'.repeat(100));
    expect(() => testCore(dir)).toThrow(/bị hỏng hoặc không phải là cơ sở dữ liệu/);
  });

  it('lets one writer at a time, with a clear message, and readers alongside', async () => {
    const dir = fresh();
    const writer = testCore(dir);
    cleanups.unshift(() => writer.close());
    await writer.dispatch('workspace.demo', {});
    expect(() => testCore(dir)).toThrow(/đang được mở ở một cửa sổ khác/);
    const reader = testCore(dir, { readOnly: true });
    const tree = await reader.dispatch('criteria.tree', {});
    expect(tree.ok).toBe(true);
    const write = await reader.dispatch('workspace.demo', {});
    expect(write).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    reader.close();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    // PID 2^22+7 is above Linux's default pid_max, so it cannot be alive.
    writeFileSync(
      path.join(dir, 'hskc.lock'),
      JSON.stringify({ pid: 4194311, host: os.hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    const core = testCore(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'hskc.lock'), 'utf8')).pid).toBe(process.pid);
    core.close();
    expect(existsSync(path.join(dir, 'hskc.lock'))).toBe(false);
  });

  it('refuses to turn a folder of other files into a workspace', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'bao-cao.docx'), 'x');
    expect(() => testCore(dir)).toThrow(/đã có tệp khác/);
  });
});

describe('file store', () => {
  it('stores content once by SHA-256 and verifies by re-hashing', async () => {
    const dir = fresh();
    const store = new FileStore(path.join(dir, 'files'));
    const src = path.join(dir, 'a.pdf');
    writeFileSync(src, Buffer.alloc(3 * 1024 * 1024, 7));
    const a = await store.putFile(src);
    expect(a.sha256).toBe(createHash('sha256').update(readFileSync(src)).digest('hex'));
    expect(a).toMatchObject({ size: 3 * 1024 * 1024, existed: false });
    const b = await store.putBytes(readFileSync(src));
    expect(b).toMatchObject({ sha256: a.sha256, existed: true });
    expect(await store.verify(a.sha256)).toBe('ok');
    writeFileSync(store.pathOf(a.sha256), 'hỏng');
    expect(await store.verify(a.sha256)).toBe('corrupt');
    await store.remove(a.sha256);
    expect(await store.verify(a.sha256)).toBe('missing');
  });

  it('leaves nothing behind when a write is cancelled or too large', async () => {
    const dir = fresh();
    const store = new FileStore(path.join(dir, 'files'));
    const src = path.join(dir, 'big.bin');
    writeFileSync(src, Buffer.alloc(5 * 1024 * 1024, 1));
    await expect(store.putFile(src, { maxBytes: 1024 * 1024 })).rejects.toThrow(
      /vượt quá giới hạn 1 MB/,
    );
    const ac = new AbortController();
    ac.abort();
    await expect(store.putFile(src, { signal: ac.signal })).rejects.toThrow(/Đã hủy/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.join(dir, 'files', '.tmp'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'files')).filter((f) => f !== '.tmp')).toEqual([]);
  });

  it('verify reports the database as sound on a new workspace', async () => {
    const core = testCore(fresh());
    cleanups.unshift(() => core.close());
    await core.dispatch('workspace.demo', {});
    const docs = await core.dispatch('evidence.list', {});
    expect(docs.ok).toBe(true);
    const r = await core.dispatch('workspace.verify', {});
    expect(r).toMatchObject({
      ok: true,
      data: { ok: true, database: 'ok', files: { missing: 0, corrupt: 0 } },
    });
    expect((r as { data: { files: { checked: number } } }).data.files.checked).toBeGreaterThan(0);
  });
});

describe('settings', () => {
  it('takes a LibreOffice path only where a program is, and reports which one the export runs', async () => {
    const dir = fresh();
    const core = testCore(dir);
    cleanups.unshift(() => core.close());
    await core.handlers['workspace.demo']({}, ctx);
    const before = await core.dispatch('settings.get', {});

    const wrong = path.join(dir, 'khong-co', 'soffice');
    const refused = await core.dispatch('settings.set', {
      libreOfficePath: wrong,
      uploadWarnMb: 5,
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Không có chương trình LibreOffice (soffice) tại “${wrong}”.`,
      },
    });
    // Nothing of the refused change was kept, not even the valid part.
    expect(await core.dispatch('settings.get', {})).toEqual(before);

    const fake = path.join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    await core.handlers['settings.set']({ libreOfficePath: fake, uploadWarnMb: 5 }, ctx);
    expect(await core.handlers['export.tools']({}, ctx)).toEqual({
      libreOffice: fake,
      configuredMissing: false,
    });
    expect((await core.handlers['settings.get']({}, ctx)).uploadWarnMb).toBe(5);

    // Uninstalled later: the export falls back to the usual places and says so.
    rmSync(fake);
    const tools = await core.handlers['export.tools']({}, ctx);
    expect(tools.configuredMissing).toBe(true);
    expect(tools.libreOffice).not.toBe(fake);
  });
});

describe('an Electron build of better-sqlite3 (nativeBinding)', () => {
  const nodeBuild = path.join(
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );

  it('opens the workspace through the binding file the caller names', async () => {
    const dir = fresh();
    // A copy of the Node build stands in for the Electron one `npm start` prepares.
    const binding = path.join(fresh(), 'better_sqlite3.node');
    writeFileSync(binding, readFileSync(nodeBuild));
    const core = createCore({ dataDir: dir, validateOutput: true, nativeBinding: binding });
    cleanups.unshift(() => core.close());
    const info = await core.dispatch('workspace.demo', {});
    expect(info).toMatchObject({ ok: true, data: { initialized: true } });
  });

  it('names a binding that cannot load in Vietnamese, without the loader’s text', () => {
    const dir = fresh();
    const binding = path.join(fresh(), 'better_sqlite3.node');
    writeFileSync(binding, 'không phải thư viện');
    let error: unknown;
    try {
      createCore({ dataDir: dir, nativeBinding: binding }).close();
    } catch (e) {
      error = e;
    }
    // The option reached better-sqlite3: the default (working) build was not used.
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toMatch(
      /^Thành phần cơ sở dữ liệu của ứng dụng không khớp/,
    );
    expect((error as CoreError).message).not.toMatch(/[a-z]+\.node|ELF|dlopen/i);
    // The refusal released the lock.
    testCore(dir).close();
  });
});

describe('messages a person reads when a workspace cannot open', () => {
  it('names the machine and local time of the lock holder, not its process id', () => {
    const dir = fresh();
    const writer = testCore(dir);
    cleanups.unshift(() => writer.close());
    let message = '';
    try {
      testCore(dir).close();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      new RegExp(
        `^Hồ sơ đang được mở ở một cửa sổ khác .*trên máy ${os.hostname()} từ \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.`,
      ),
    );
    expect(message).not.toContain(String(process.pid));
  });

  it('keeps SQLite’s English out of a damaged database message', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'hskc.sqlite'), 'SQLite format 3\0'.padEnd(4096, 'x'));
    let error: unknown;
    try {
      testCore(dir).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_CORRUPT');
    expect((error as CoreError).message).not.toMatch(/database|file|malformed|disk/i);
  });

  it('names input fields in Vietnamese, never by their schema keys', async () => {
    const dir = fresh();
    const core = testCore(dir);
    cleanups.unshift(() => core.close());
    const init = (input: unknown) => core.dispatch('workspace.init', input);
    const base = {
      frameworkId: 'demo-par-phuong-minh-hoa',
      year: 2026,
      unit: { name: 'UBND xã A', level: 'xa' },
    };
    expect(await init({ ...base, unit: { ...base.unit, name: '  ' } })).toMatchObject({
      error: { message: 'Dữ liệu không hợp lệ: “Tên đơn vị” không được để trống.' },
    });
    expect(await init({ ...base, year: 1999 })).toMatchObject({
      error: { message: 'Dữ liệu không hợp lệ: “Năm đánh giá” phải từ 2000 trở lên.' },
    });
    expect(await init({ ...base, year: undefined })).toMatchObject({
      error: { message: 'Dữ liệu không hợp lệ: thiếu “Năm đánh giá”.' },
    });
    const odd = await core.dispatch('workspace.audit', { limit: 'nhiều' });
    expect(odd).toMatchObject({
      error: { message: expect.stringMatching(/“Số dòng” phải là một số/) },
    });
    const unknown = await core.dispatch('settings.set', { mysteryKey: 1 });
    expect(unknown.ok).toBe(false);
    expect(JSON.stringify(unknown)).not.toContain('mysteryKey');
    expect(
      describeZodError(z.object({ weirdKey: z.string() }).safeParse({ weirdKey: 1 }).error!),
    ).toBe('Dữ liệu không hợp lệ: “Giá trị nhập vào” phải là một đoạn chữ.');
  });
});
