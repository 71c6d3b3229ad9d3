import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/workspace';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';

const tmp = tempDir('hskc-cli-');
afterAll(() => tmp.cleanup());
const ws = (name: string) => path.join(tmp.dir, name);

describe('hskc', () => {
  it('lists its commands in Vietnamese', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    for (const c of ['demo', 'init', 'frameworks', 'tree', 'verify'])
      expect(r.out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.out).toMatch(/^Cách dùng: hskc \[tùy chọn\] \[lệnh\]/);
    expect(r.out).toMatch(/^Lệnh:/m);
  });

  it('demo → tree --json keeps the documented shape', async () => {
    const dir = ws('demo');
    const d = await runCli('demo', dir);
    expect(d).toMatchObject({ code: 0, err: '' });
    expect(d.out).toMatch(/Đã tạo hồ sơ mẫu tại .*UBND phường Đông Kinh/);
    const r = await runCli('tree', dir, '--json');
    expect(r.code).toBe(0);
    const tree = JSON.parse(r.out) as {
      assessment: { id: number; year: number; unit: string; framework: string };
      nodes: {
        code: string;
        title: string;
        level: number;
        parentCode: string | null;
        isLeaf: boolean;
        maxPoints: number | null;
        leadOffice: string | null;
      }[];
    };
    expect(tree.assessment).toEqual({
      id: 1,
      year: 2026,
      unit: 'UBND phường Đông Kinh',
      framework: 'demo-par-phuong-minh-hoa',
    });
    expect(tree.nodes[0]).toEqual({
      code: '1',
      title: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      level: 1,
      parentCode: null,
      isLeaf: false,
      maxPoints: 10,
      leadOffice: 'Văn phòng HĐND và UBND',
    });
    expect(tree.nodes.find((n) => n.code === '4')?.maxPoints).toBe(9.5);
    expect(tree.nodes.find((n) => n.code === '1.1.1')).toMatchObject({
      parentCode: '1.1',
      level: 3,
      isLeaf: true,
    });
    const text = await runCli('tree', dir);
    expect(text.out).toMatch(/^ {2}1\.2 Báo cáo cải cách hành chính định kỳ \(1,5 điểm\)$/m);
  });

  it('init builds a workspace from a framework id', async () => {
    const dir = ws('init');
    const r = await runCli(
      'init',
      dir,
      '--framework',
      'par-huyen-9-linh-vuc',
      '--year',
      '2024',
      '--unit',
      'UBND huyện Văn Quan',
      '--level',
      'huyen',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).unit.name).toBe('UBND huyện Văn Quan');
    const t = JSON.parse((await runCli('tree', dir, '--json')).out) as {
      nodes: { maxPoints: number }[];
    };
    expect(t.nodes.reduce((s, n) => s + (n.maxPoints ?? 0), 0)).toBe(100);
  });

  it('frameworks --json lists id, name, nodes and maxPoints', async () => {
    const r = await runCli('frameworks', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as {
      id: string;
      name: string;
      nodes: number;
      maxPoints: number | null;
    }[];
    const demo = list.find((f) => f.id === 'demo-par-phuong-minh-hoa');
    expect(demo).toMatchObject({ nodes: 86, maxPoints: 100 });
    expect(list.find((f) => f.id === 'papi-vi-xuyen-2021')?.maxPoints).toBeNull();
  });

  it('verify --json reports database and files', async () => {
    const r = await runCli('verify', ws('demo'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      ok: boolean;
      database: string;
      files: { checked: number };
    };
    expect(report).toMatchObject({ ok: true, database: 'ok', files: { missing: 0, corrupt: 0 } });
    // The demo's evidence files are each re-hashed.
    expect(report.files.checked).toBeGreaterThan(0);
  });

  it('fails with one Vietnamese line and a JSON error', async () => {
    const missing = await runCli('tree', ws('khong-co'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/Không tìm thấy hồ sơ/);
    expect(JSON.parse(missing.out)).toEqual({
      error: { code: 'WORKSPACE_MISSING', message: missing.err.trim() },
    });

    const again = await runCli('demo', ws('demo'));
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toMatch(/đã có hồ sơ/);

    const usage = await runCli('init', ws('x'), '--framework', 'demo-par-phuong-minh-hoa');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Thiếu tùy chọn bắt buộc “--year <YYYY>”/);

    const year = await runCli(
      'init',
      ws('y'),
      '--framework',
      'demo-par-phuong-minh-hoa',
      '--year',
      '20x6',
      '--unit',
      'A',
    );
    expect(year.code).toBe(1);
    expect(year.err).toMatch(/Năm “20x6” không hợp lệ/);

    expect((await runCli('lung-tung')).err).toMatch(/Không có lệnh “lung-tung”/);
  });

  it('runs as a real program through bin/hskc.mjs', () => {
    const bin = path.resolve('bin/hskc.mjs');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    const r = spawnSync(process.execPath, [bin, 'tree', ws('khong-co')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Không tìm thấy hồ sơ trong thư mục/);
  });
});

describe('hskc init defaults and messages', () => {
  it('takes the level from the framework and marks a coordinator among default offices', async () => {
    const huyen = await runCli(
      'init',
      ws('init-huyen'),
      '--framework',
      'par-huyen-9-linh-vuc',
      '--year',
      '2024',
      '--unit',
      'UBND huyện Văn Quan',
      '--json',
    );
    expect(huyen.code).toBe(0);
    const h = JSON.parse(huyen.out) as {
      unit: { level: string };
      offices: { name: string; isCoordinator: boolean }[];
    };
    expect(h.unit.level).toBe('huyen');
    expect(h.offices.filter((o) => o.isCoordinator).map((o) => o.name)).toEqual(['Phòng Nội vụ']);

    const xa = await runCli(
      'init',
      ws('init-xa'),
      '--framework',
      'demo-par-phuong-minh-hoa',
      '--year',
      '2026',
      '--unit',
      'UBND phường A',
      '--json',
    );
    const x = JSON.parse(xa.out) as typeof h;
    expect(x.unit.level).toBe('xa');
    expect(x.offices.filter((o) => o.isCoordinator).map((o) => o.name)).toEqual([
      'Văn phòng HĐND và UBND',
    ]);

    // An explicit --level still wins.
    const so = await runCli(
      'init',
      ws('init-so'),
      '--framework',
      'par-huyen-9-linh-vuc',
      '--year',
      '2024',
      '--unit',
      'Sở Tư pháp',
      '--level',
      'so',
      '--json',
    );
    expect(JSON.parse(so.out).unit.level).toBe('so');
  });

  it('refuses an empty framework skeleton before creating anything', async () => {
    const dir = ws('init-tinh');
    const r = await runCli(
      'init',
      dir,
      '--framework',
      'par-tinh-8-linh-vuc',
      '--year',
      '2026',
      '--unit',
      'UBND tỉnh A',
    );
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /“par-tinh-8-linh-vuc” mới là khung, chưa có lĩnh vực hay tiêu chí nào.*hskc import-criteria/,
    );
    expect(existsSync(dir)).toBe(false);
    const unknown = await runCli(
      'init',
      dir,
      '--framework',
      'khong-co',
      '--year',
      '2026',
      '--unit',
      'A',
    );
    expect(unknown.err).toMatch(/^Không có bộ tiêu chí “khong-co”. Các bộ có sẵn: /);
    expect(existsSync(dir)).toBe(false);
  });

  it('names fields in Vietnamese when the input is refused', async () => {
    const base = ['--framework', 'demo-par-phuong-minh-hoa', '--year', '2026'];
    const blank = await runCli('init', ws('blank'), ...base, '--unit', '  ');
    expect(blank.err.trim()).toBe('Dữ liệu không hợp lệ: “Tên đơn vị” không được để trống.');
    const old = await runCli(
      'init',
      ws('old'),
      '--framework',
      'demo-par-phuong-minh-hoa',
      '--year',
      '1999',
      '--unit',
      'A',
    );
    expect(old.err.trim()).toBe('Dữ liệu không hợp lệ: “Năm đánh giá” phải từ 2000 trở lên.');
    // Refused before the folder is made: nothing left behind.
    expect(existsSync(ws('old'))).toBe(false);
  });
});

describe('hskc verify', () => {
  it('names the documents whose files are missing or damaged', async () => {
    const dir = ws('verify-files');
    expect((await runCli('demo', dir)).code).toBe(0);
    const store = path.join(dir, 'files');
    const stored = readdirSync(store)
      .filter((d) => /^[0-9a-f]{2}$/.test(d))
      .flatMap((d) => readdirSync(path.join(store, d)).map((f) => path.join(store, d, f)))
      .sort();
    rmSync(stored[0]!);
    writeFileSync(stored[1]!, 'hỏng');
    const r = await runCli('verify', dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      ok: boolean;
      database: string;
      files: { checked: number; missing: number; corrupt: number };
      problems: { status: string; sha256: string; documents: { id: number; name: string }[] }[];
    };
    expect(report).toMatchObject({ ok: false, database: 'ok', files: { missing: 1, corrupt: 1 } });
    expect(report.problems.map((p) => p.status).sort()).toEqual(['corrupt', 'missing']);
    for (const p of report.problems) {
      expect(p.documents.length).toBeGreaterThan(0);
      expect(p.documents[0]).toEqual({ id: expect.any(Number), name: expect.any(String) });
    }
    const text = await runCli('verify', dir);
    expect(text.out).toMatch(/^ {2}Thiếu: tài liệu #\d+ “[^”]+”$/m);
    expect(text.out).toMatch(/^ {2}Hỏng: tài liệu #\d+ “[^”]+”$/m);
  });

  it('reports an unreadable database in the documented shape, in Vietnamese', async () => {
    const dir = ws('verify-db');
    expect((await runCli('demo', dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'hskc.sqlite'), 'không phải cơ sở dữ liệu'.repeat(100));
    const r = await runCli('verify', dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      ok: boolean;
      database: string;
      files: { checked: number; missing: number; corrupt: number };
    };
    expect(report.ok).toBe(false);
    expect(report.database).toMatch(/^Tệp cơ sở dữ liệu của hồ sơ bị hỏng/);
    expect(report.files).toEqual({ checked: expect.any(Number), missing: 0, corrupt: 0 });
    expect(report.files.checked).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toMatch(/file is not a database|SQLITE/);
  });
});

describe('hskc verify → hskc check', () => {
  /** A stored file of a linked document, with the document's id and its node's code. */
  function linkedStoredFile(dir: string) {
    const db = new Database(path.join(dir, 'hskc.sqlite'), { readonly: true });
    try {
      const r = db
        .prepare(
          `SELECT d.id, d.sha256, n.code FROM document d JOIN document_link l ON l.document_id = d.id
           JOIN node n ON n.id = l.node_id WHERE d.deleted_at IS NULL ORDER BY d.id, n.id LIMIT 1`,
        )
        .get() as { id: number; sha256: string; code: string };
      return {
        documentId: r.id,
        code: r.code,
        file: path.join(dir, 'files', r.sha256.slice(0, 2), r.sha256.slice(2)),
      };
    } finally {
      db.close();
    }
  }
  type Report = {
    problems: {
      rule: string;
      code: string | null;
      nodeId: number | null;
      documentId?: number;
      message: string;
    }[];
  };
  const corruptIn = async (dir: string) =>
    (JSON.parse((await runCli('check', dir, '--json')).out) as Report).problems.filter(
      (p) => p.rule === 'evidence.file_corrupt',
    );

  it('a file changed in the store is recorded by verify and named by check with its node', async () => {
    const dir = ws('verify-check');
    expect((await runCli('demo', dir)).code).toBe(0);
    const { documentId, code, file } = linkedStoredFile(dir);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('%% sửa tay')]));
    expect(await corruptIn(dir)).toEqual([]); // nothing recorded yet

    const v = await runCli('verify', dir, '--json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.out)).toMatchObject({ files: { corrupt: 1 }, saved: true });
    const found = await corruptIn(dir);
    // One error per node linking the document, each naming the node first, then the document.
    expect(found.every((p) => p.documentId === documentId && p.nodeId !== null)).toBe(true);
    const own = found.find((p) => p.code === code)!;
    expect(own).toMatchObject({ code, documentId, nodeId: expect.any(Number) });
    expect(own.message).toMatch(new RegExp(`^${code.replace(/\./g, '\\.')} “`));
    expect(own.message).toMatch(/tệp của tài liệu .+ bị hỏng hoặc đã bị thay đổi/);
    expect((await runCli('check', dir)).out).toMatch(/^LỖI: .*bị hỏng hoặc đã bị thay đổi/m);

    // Put back: the next verify clears it.
    writeFileSync(file, original);
    const again = await runCli('verify', dir);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/Lưu ý/);
    expect(await corruptIn(dir)).toEqual([]);
  });

  it('while the app holds the workspace it checks read-only and says nothing was saved', async () => {
    const dir = ws('verify-locked');
    expect((await runCli('demo', dir)).code).toBe(0);
    const { file } = linkedStoredFile(dir);
    writeFileSync(file, 'hỏng');
    const app = openWorkspace(dir); // holds hskc.lock, as the open app does
    try {
      const text = await runCli('verify', dir);
      expect(text.code).toBe(1);
      expect(text.err).toBe('');
      const lines = text.out.trim().split('\n');
      expect(lines.filter((l) => /Lưu ý/.test(l))).toEqual([
        expect.stringMatching(/^Lưu ý: hồ sơ đang được mở .* kết quả kiểm tra không được lưu/),
      ]);
      expect(text.out).toMatch(/^ {2}Hỏng: tài liệu #\d+/m);
      const json = JSON.parse((await runCli('verify', dir, '--json')).out);
      expect(json).toMatchObject({ saved: false, files: { corrupt: 1 } });
      expect(await corruptIn(dir)).toEqual([]);
    } finally {
      app.close();
    }
    expect(JSON.parse((await runCli('verify', dir, '--json')).out).saved).toBe(true);
    expect((await corruptIn(dir)).length).toBeGreaterThan(0);
  });
});
