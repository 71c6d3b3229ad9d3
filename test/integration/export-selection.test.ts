/**
 * Exporting part of the index (some areas, or what some offices lead), from the CLI as a person
 * would: the cover says which part, the score table and the workbook sum the part under
 * "Cộng các lĩnh vực đã chọn" and claim no overall index; the whole export keeps "TỔNG CỘNG"
 * and its index. Offices are chosen by name, matched as `hskc assign` matches them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportWorkspace, type ExportWorkspace } from '../fixtures/export-workspace';
import { runCli } from '../helpers/cli';
import { pageTexts } from '../helpers/pdf';

let x: ExportWorkspace;
let wsDir: string;

interface Json {
  pdf: string[];
  xlsx: string | null;
  folder: string | null;
  zip?: string;
  pages: number;
}

async function exportJson(name: string, ...args: string[]): Promise<Json> {
  const out = path.join(x.root, name);
  const r = await runCli('export', wsDir, '--out', out, '--pdf', '--xlsx', '--json', ...args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Json;
}

async function totalRow(xlsx: string): Promise<{ label: string; index: unknown; title: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('Bảng tự đánh giá')!;
  let found: { label: string; index: unknown } | null = null;
  ws.eachRow((row) => {
    const label = row.getCell(2).value;
    if (typeof label === 'string' && /^(TỔNG CỘNG|Cộng các)/.test(label)) {
      const v = row.getCell(7).value as { result?: unknown } | null;
      found = { label, index: v && typeof v === 'object' ? v.result : v };
    }
  });
  expect(found).not.toBeNull();
  return { ...found!, title: String(ws.getRow(5).getCell(1).value) };
}

beforeAll(async () => {
  x = await buildExportWorkspace();
  wsDir = path.join(x.root, 'ws');
}, 180_000);

afterAll(() => x?.cleanup());

describe('export of selected areas', () => {
  it('says on the cover, in the score table and in the workbook that it is a part', async () => {
    const area = x.plan.nodes.find((n) => n.parentId === null && n.code === '1')!;
    const r = await exportJson('areas-1', '--areas', '1');
    const pages = await pageTexts(r.pdf[0]!);
    expect(pages[0]).toContain(`Phần: Lĩnh vực 1. ${area.title}`);
    const table = pages.filter((p) => p.includes('BẢNG') || p.includes('Cộng các')).join(' ');
    expect(table).toContain('Cộng các lĩnh vực đã chọn');
    expect(table).toContain('không phải toàn bộ bộ chỉ số, nên không tính Chỉ số chung');
    expect(pages.join(' ')).not.toContain('TỔNG CỘNG');
    expect(pages.join(' ')).not.toContain('Chỉ số (điểm tự đánh giá');

    const t = await totalRow(r.xlsx!);
    expect(t.label).toBe('Cộng các lĩnh vực đã chọn');
    expect(t.index ?? null).toBeNull();
    expect(t.title).toContain(`Phần: Lĩnh vực 1. ${area.title}`);
  }, 120_000);

  it('keeps "TỔNG CỘNG" and the index for the whole index (control)', async () => {
    const r = await exportJson('whole');
    const pages = await pageTexts(r.pdf[0]!);
    expect(pages[0]).not.toContain('Phần:');
    expect(pages.join(' ')).toContain('TỔNG CỘNG');
    expect(pages.join(' ')).toContain('Chỉ số (điểm tự đánh giá');
    const t = await totalRow(r.xlsx!);
    expect(t.label).toBe('TỔNG CỘNG');
    expect(t.index).toBe(x.plan.check.summary.index);
    expect(t.title).not.toContain('Phần:');
  }, 120_000);
});

describe('export of what some offices lead', () => {
  beforeAll(async () => {
    const a = await runCli('assign', wsDir, '2.1', 'Phòng Văn hóa - Xã hội');
    expect(a.code, a.err).toBe(0);
  });

  it('takes offices by name (case and diacritics aside) and exports only their part', async () => {
    const r = await exportJson('offices', '--offices', 'phong van hoa;  ');
    const pages = await pageTexts(r.pdf[0]!);
    expect(pages[0]).toContain('Phần: các nội dung do Phòng Văn hóa - Xã hội chủ trì');
    const all = pages.join(' ');
    expect(all).toContain('Cộng các nội dung đã chọn');
    // 2.1.1's evidence is in; 2.2.2's (another office, or none) is not.
    expect(all).toContain('TLKC 2.1.1-01');
    expect(all).not.toContain('TLKC 2.2.2-01');
    const t = await totalRow(r.xlsx!);
    expect(t.label).toBe('Cộng các nội dung đã chọn');
    expect(t.title).toContain('do Phòng Văn hóa - Xã hội chủ trì');
  }, 120_000);

  it('refuses an unknown or ambiguous office in Vietnamese, listing the offices', async () => {
    const out = path.join(x.root, 'offices-bad');
    const unknown = await runCli(
      'export',
      wsDir,
      '--out',
      out,
      '--offices',
      'Văn phòng;Phòng Tài chính',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('Không có phòng ban “Phòng Tài chính”. Các phòng ban:');
    expect(unknown.err).toContain('Văn phòng HĐND và UBND');
    const ambiguous = await runCli('export', wsDir, '--out', out, '--offices', 'Phòng');
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.err).toMatch(/Tên “Phòng” khớp với \d phòng ban: .+\. Hãy ghi rõ hơn\./);
  });
});

describe('--zip alone', () => {
  it('leaves the ZIP and no TLKC folder, as the JSON says', async () => {
    const out = path.join(x.root, 'zip-only');
    const r = await runCli('export', wsDir, '--out', out, '--zip', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.folder).toBeNull();
    expect(j.zip).toBe(path.join(out, 'TLKC 2026.zip'));
    expect(existsSync(path.join(out, 'TLKC'))).toBe(false);
    expect(readdirSync(out)).toEqual(['TLKC 2026.zip']);
  }, 120_000);
});
