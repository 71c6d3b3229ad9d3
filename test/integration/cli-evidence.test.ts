import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvidenceCorpus, type EvidenceCorpus } from '../fixtures/evidence-corpus';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';

const tmp = tempDir('hskc-cli-evidence-');
const ws = path.join(tmp.dir, 'ws');
let corpus: EvidenceCorpus;
const doc = (name: string) => corpus.docs.find((d) => d.fileName === name)!.path;

beforeAll(async () => {
  corpus = await writeEvidenceCorpus(path.join(tmp.dir, 'corpus'));
  const r = await runCli(
    'init',
    ws,
    '--framework',
    'demo-par-phuong-minh-hoa',
    '--year',
    '2026',
    '--unit',
    'UBND phường Đông Kinh',
  );
  expect(r.code).toBe(0);
});
afterAll(() => tmp.cleanup());

interface AttachJson {
  code: string;
  nodeId: number;
  files: {
    fileName: string;
    documentId: number;
    sha256: string;
    pages: number | null;
    duplicate: boolean;
    linked: boolean;
    metadata: {
      type: string | null;
      number: string | null;
      date: string | null;
      issuer: string | null;
      subject: string | null;
      draft: boolean;
    };
    warnings: string[];
  }[];
  refused: { fileName: string; reason: string }[];
}

describe('hskc attach / docs', () => {
  it('lists the commands', async () => {
    const r = await runCli('--help');
    expect(r.out).toMatch(
      /^ {2}attach \[options\] <dir> <code> <files\.\.\.> +Thêm tài liệu kiểm chứng/m,
    );
    expect(r.out).toMatch(/^ {2}docs \[options\] <dir> +Liệt kê tài liệu/m);
  });

  it('attach --json prints each file with its metadata; options win over what was read', async () => {
    const kh = doc('154_KH-UBND_PAPI_2021.pdf');
    const r = await runCli('attach', ws, '1.1.1', kh, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const out = JSON.parse(r.out) as AttachJson;
    expect(out).toMatchObject({ code: '1.1.1', refused: [] });
    expect(out.files).toEqual([
      {
        fileName: '154_KH-UBND_PAPI_2021.pdf',
        documentId: 1,
        sha256: createHash('sha256').update(readFileSync(kh)).digest('hex'),
        pages: 1,
        duplicate: false,
        linked: true,
        metadata: {
          type: 'KH',
          number: '154/KH-UBND',
          date: '2021-05-31',
          issuer: 'Ủy ban nhân dân huyện Vị Xuyên',
          subject:
            'Cải thiện và nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) trên địa bàn huyện Vị Xuyên năm 2021',
          draft: false,
        },
        warnings: [],
      },
    ]);

    const given = await runCli(
      'attach',
      ws,
      '1.2.1',
      doc('HD08.pdf'),
      '--type',
      'BC',
      '--number',
      '12/BC-UBND',
      '--date',
      '5/1/2026',
      '--issuer',
      'UBND phường Đông Kinh',
      '--subject',
      'Báo cáo quý IV',
      '--json',
    );
    expect(given.code).toBe(0);
    expect((JSON.parse(given.out) as AttachJson).files[0]!.metadata).toEqual({
      type: 'BC',
      number: '12/BC-UBND',
      date: '2026-01-05',
      issuer: 'UBND phường Đông Kinh',
      subject: 'Báo cáo quý IV',
      draft: false,
    });
  });

  it('reports duplicates, and exits 1 with one Vietnamese line per refused file', async () => {
    const r = await runCli(
      'attach',
      ws,
      '1.3.1',
      doc('154_KH-UBND_PAPI_2021.pdf'),
      corpus.special.exeAsPdf,
      corpus.special.empty,
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'ke-hoach-2024.pdf: Tệp thực thi (.exe) không được nhận làm tài liệu kiểm chứng.',
      'rong.pdf: Tệp rỗng (0 byte), không có nội dung để làm tài liệu kiểm chứng.',
    ]);
    const out = JSON.parse(r.out) as AttachJson;
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatchObject({ documentId: 1, duplicate: true, linked: true });
    expect(out.refused.map((x) => x.fileName)).toEqual(['ke-hoach-2024.pdf', 'rong.pdf']);

    const text = await runCli('attach', ws, '1.3.1', doc('154_KH-UBND_PAPI_2021.pdf'));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /“154_KH-UBND_PAPI_2021\.pdf”: Tệp này đã có trong thư viện \(Kế hoạch số 154\/KH-UBND\)/,
    );
  });

  it('refuses an unknown code or date with a clear message', async () => {
    const code = await runCli('attach', ws, '9.9.9', doc('HD08.pdf'), '--json');
    expect(code.code).toBe(1);
    expect(code.err.trim()).toBe('Không có tiêu chí mã “9.9.9” trong kỳ đánh giá năm 2026.');
    expect(JSON.parse(code.out)).toEqual({
      error: { code: 'NOT_FOUND', message: code.err.trim() },
    });
    const date = await runCli('attach', ws, '1.1.1', doc('HD08.pdf'), '--date', '31/02/2026');
    expect(date.code).toBe(1);
    expect(date.err.trim()).toBe('Ngày “31/02/2026” không hợp lệ (ví dụ đúng: 31/05/2021).');
    const usage = await runCli('attach', ws, '1.1.1');
    expect(usage.code).toBe(2);
  });

  it('docs lists the library, as JSON and as a table with dd/mm/yyyy dates', async () => {
    const r = await runCli('docs', ws, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      total: number;
      documents: {
        id: number;
        type: string | null;
        number: string | null;
        date: string | null;
        subject: string | null;
        linkedCodes: string[];
      }[];
    };
    expect(out.total).toBe(2);
    expect(out.documents.map((d) => [d.id, d.type, d.number, d.date, d.linkedCodes])).toEqual([
      [2, 'BC', '12/BC-UBND', '2026-01-05', ['1.2.1']],
      [1, 'KH', '154/KH-UBND', '2021-05-31', ['1.1.1', '1.3.1']],
    ]);
    const search = await runCli('docs', ws, '--search', 'vi xuyen', '--json');
    expect(JSON.parse(search.out).documents.map((d: { id: number }) => d.id)).toEqual([1]);
    const text = await runCli('docs', ws);
    expect(text.out).toMatch(
      /^1 +KH +154\/KH-UBND +31\/05\/2021 +Cải thiện .* +1\.1\.1, 1\.3\.1$/m,
    );
    const none = await runCli('docs', ws, '--search', 'khong co gi');
    expect(none.out.trim()).toBe('Không tìm thấy tài liệu nào khớp “khong co gi”.');
  });

  it('attach of a file already in the library applies the given options to it, and says so', async () => {
    const hd = doc('HD08.pdf');
    const before = await runCli('docs', ws, '--json');
    const r = await runCli(
      'attach',
      ws,
      '1.2.1',
      hd,
      '--number',
      '13/BC-UBND',
      '--subject',
      'Báo cáo quý IV năm 2025',
      '--date',
      '05/01/2026',
      '--json',
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    const out = JSON.parse(r.out) as AttachJson;
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatchObject({ duplicate: true, linked: false });
    expect(out.files[0]!.metadata).toEqual({
      type: 'BC',
      number: '13/BC-UBND',
      date: '2026-01-05',
      issuer: 'UBND phường Đông Kinh',
      subject: 'Báo cáo quý IV năm 2025',
      draft: false,
    });
    // One document still, edited in place; the unchanged date is not reported as updated.
    const after = await runCli('docs', ws, '--json');
    expect((JSON.parse(after.out) as unknown[]).length).toBe(
      (JSON.parse(before.out) as unknown[]).length,
    );
    const db = new Database(path.join(ws, 'hskc.sqlite'), { readonly: true });
    try {
      const last = db
        .prepare(
          "SELECT action, entity_id, detail FROM audit WHERE action = 'evidence.update' ORDER BY id DESC",
        )
        .get() as { action: string; entity_id: number; detail: string };
      expect(last.entity_id).toBe(out.files[0]!.documentId);
      expect(JSON.parse(last.detail)).toEqual({
        number: '13/BC-UBND',
        subject: 'Báo cáo quý IV năm 2025',
        duplicateOf: 'HD08.pdf',
      });
      expect(
        db
          .prepare('SELECT metadata_source FROM document WHERE id = ?')
          .pluck()
          .get(out.files[0]!.documentId),
      ).toBe('user');
    } finally {
      db.close();
    }

    const text = await runCli(
      'attach',
      ws,
      '1.3.1',
      hd,
      '--issuer',
      'Văn phòng HĐND và UBND phường',
    );
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      '“HD08.pdf”: Tệp này đã có trong thư viện (Báo cáo số 13/BC-UBND); đã liên kết tài liệu sẵn có. Đã cập nhật cơ quan ban hành theo thông tin vừa nhập.',
    );
    // Nothing given, or the same values again: nothing updated, nothing said.
    const same = await runCli('attach', ws, '1.3.1', hd, '--number', '13/BC-UBND');
    expect(same.code).toBe(0);
    expect(same.out).not.toMatch(/Đã cập nhật/);
  });
});
