import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { analyseFile, TEXT_CAP } from '../../electron/core/evidence/analysis';
import { api, type Input, type Method, type Output } from '../../shared/api';
import { textPdf } from '../fixtures/pdf-bytes';
import { tempDir, testCore } from '../helpers/workspace';

/** Full-text search reaches a spreadsheet's cells and the late pages of a long PDF. */

const tmp = tempDir('hskc-search-text-');
let core: Core;
const file = (name: string) => path.join(tmp.dir, name);

async function call<M extends Method>(m: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.dispatch(m, input);
  if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
  return api[m].output.parse(r.data) as Output<M>;
}

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Bảng điểm');
  a.addRow(['STT', 'Tiêu chí', 'Điểm tối đa', 'Tự đánh giá']);
  a.addRow([1, 'Công tác chỉ đạo, điều hành CCHC', 10, 9.5]);
  const b = wb.addWorksheet('Phụ lục');
  for (let i = 0; i < 40; i++) b.addRow([i + 1, `Hồ sơ số ${i + 1}`]);
  b.getCell('C37').value = { richText: [{ text: 'Thủ tục ' }, { text: 'Chứng thực điện tử' }] };
  b.getCell('D38').value = { formula: 'A38*2', result: 76 };
  await wb.xlsx.writeFile(file('bang-diem.xlsx'));
  return file('bang-diem.xlsx');
}

function longPdf(): string {
  const pages = Array.from({ length: 15 }, (_, i) => [
    `Trang ${i + 1}`,
    i === 11 ? 'Ket qua khao sat muc do hai long: xuatsac-muoihai' : 'Noi dung bao cao chung',
  ]);
  writeFileSync(file('bao-cao-15-trang.pdf'), textPdf(pages));
  return file('bao-cao-15-trang.pdf');
}

beforeAll(async () => {
  core = testCore(path.join(tmp.dir, 'ws'));
  await call('workspace.init', {
    frameworkId: 'demo-par-phuong-minh-hoa',
    year: 2026,
    unit: { name: 'UBND phường Đông Kinh', level: 'xa' },
    offices: ['Văn phòng HĐND và UBND'],
  });
});
afterAll(() => {
  core?.close();
  tmp.cleanup();
});

describe('search over document text', () => {
  let xlsxId = 0;
  let pdfId = 0;
  it('indexes cell text of every sheet of an XLSX and every page of a 15-page PDF', async () => {
    const r = await call('evidence.add', {
      files: [{ path: await workbook() }, { path: longPdf() }],
      analyse: 'wait',
    });
    expect(r.summary).toMatchObject({ added: 2, refused: 0 });
    const [x, p] = r.results;
    expect(x!.document).toMatchObject({ fileKind: 'xlsx', hasText: true });
    expect(p!.document).toMatchObject({ fileKind: 'pdf', pages: 15, hasText: true });
    xlsxId = x!.document!.id;
    pdfId = p!.document!.id;
    const text = await call('evidence.text', { documentId: xlsxId });
    expect(text.text).toContain('Công tác chỉ đạo, điều hành CCHC');
    expect(text.text).toContain('Thủ tục Chứng thực điện tử');
  });

  it('finds a word from a cell of the second sheet, without diacritics', async () => {
    const found = await call('evidence.list', { search: 'chung thuc dien tu' });
    expect(found.items.map((d) => d.id)).toEqual([xlsxId]);
    const first = await call('evidence.list', { search: 'Tự đánh giá' });
    expect(first.items.map((d) => d.id)).toEqual([xlsxId]);
  });

  it('finds a word printed only on page 12 of the PDF', async () => {
    const found = await call('evidence.list', { search: 'xuatsac-muoihai' });
    expect(found.items.map((d) => d.id)).toEqual([pdfId]);
  });

  it('caps the text read from a large workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    const long = 'Dữ liệu khảo sát sự hài lòng của người dân '.repeat(4);
    for (let i = 0; i < 3000; i++) ws.addRow([i, long, long]);
    await wb.xlsx.writeFile(file('lon.xlsx'));
    const a = await analyseFile(file('lon.xlsx'), 'xlsx', 'lon.xlsx');
    expect(a.error).toBeNull();
    expect(a.text!.length).toBeLessThanOrEqual(TEXT_CAP);
    expect(a.text!.length).toBeGreaterThan(TEXT_CAP * 0.9);
  });
});
