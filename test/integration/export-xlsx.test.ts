import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewCriteriaTable } from '../../electron/core/criteria/import';
import { writeEvidenceFolder } from '../../electron/core/export/folder';
import { buildPlan, type ExportPlan, type PlanNode } from '../../electron/core/export/plan';
import {
  CHECK_SHEET,
  EVIDENCE_SHEET,
  OFFICE_SHEET,
  SCORE_SHEET,
  writeWorkbookDetailed,
  type WorkbookResult,
} from '../../electron/core/export/xlsx';
import { problemsOf, SEVERITY_LABEL } from '../../electron/core/export/xlsx/check-sheet';
import { targetPath } from '../../electron/core/export/xlsx/links';
import { COL, NOT_SCORED } from '../../electron/core/export/xlsx/score-model';
import { SCORE_HEADER_ROW } from '../../electron/core/export/xlsx/score-sheet';
import type { CheckNode, CheckScore } from '../../shared/check-model';
import type { FrameworkNode } from '../../shared/framework';
import { computeIndex } from '../../shared/scoring';
import { planFromCheckInput } from '../fixtures/export-plan';
import { buildExportWorkspace, type ExportWorkspace } from '../fixtures/export-workspace';
import { SheetEvaluator, type Value } from '../fixtures/formula-eval';
import { ctx } from '../helpers/workspace';

let x: ExportWorkspace;
let out: string;
let file: string;
let result: WorkbookResult;
let wb: ExcelJS.Workbook;
let folderFiles: Map<string, string>;
let pdfPages: Map<number, { file: string; page: number }>;

const h = (v: number) => Math.round(v * 100);
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function readWorkbook(f: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(f);
  return book;
}

/** One part of the xlsx zip, as text. */
function zipEntry(zipFile: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.replace(/^\//, '') !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in ${zipFile}`)));
      zip.readEntry();
    });
  });
}

function cellFormula(c: ExcelJS.Cell): string | undefined {
  const v = c.value as { formula?: string } | null;
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

/**
 * The cached results as stored in the sheet XML (exceljs drops falsy results such as 0 and ""
 * when it reads a file back, so they are read from the XML itself).
 */
async function cachedResults(f: string, sheet: number): Promise<Map<string, number | string>> {
  const xml = await zipEntry(f, `xl/worksheets/sheet${sheet}.xml`);
  const out = new Map<string, number | string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g)) {
    out.set(m[1]!, /t="str"/.test(m[2]!) ? m[3]! : Number(m[3]));
  }
  return out;
}

let cached: Map<string, number | string>;

function cellResult(c: ExcelJS.Cell): unknown {
  const v = c.value as { result?: unknown } | null;
  if (v && typeof v === 'object' && 'formula' in v) {
    expect(cached.has(c.address), `cached result of ${c.address}`).toBe(true);
    return cached.get(c.address);
  }
  return v;
}

function hyperlinkOf(c: ExcelJS.Cell): { text: string; hyperlink: string } | null {
  const v = c.value as { text?: unknown; hyperlink?: string } | null;
  return v && typeof v === 'object' && 'hyperlink' in v && v.hyperlink
    ? { text: String(v.text), hyperlink: v.hyperlink }
    : null;
}

beforeAll(async () => {
  x = await buildExportWorkspace();
  out = path.join(x.root, 'out');
  const folder = await writeEvidenceFolder(x.plan, { outDir: out, asciiNames: true }, ctx);
  folderFiles = folder.files;
  // The PDF dossier is another part's job: a made-up two-volume layout stands in for it.
  pdfPages = new Map();
  let page = 3;
  let vol = 1;
  for (const d of x.plan.documents.values()) {
    if (page > 12 && vol === 1) {
      vol = 2;
      page = 1;
    }
    pdfPages.set(d.id, { file: path.join(out, `Ho so TLKC 2026 - Tap ${vol}.pdf`), page });
    page += d.pages ?? 1;
  }
  file = path.join(out, 'Bang tu danh gia 2026.xlsx');
  result = await writeWorkbookDetailed(x.plan, { file, folderFiles, pdfPages }, ctx);
  wb = await readWorkbook(file);
  cached = await cachedResults(file, 1);
});

afterAll(() => x?.cleanup());

describe('export workbook: Bảng tự đánh giá', () => {
  it('has the four sheets and leaves no temporary file behind', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SCORE_SHEET,
      EVIDENCE_SHEET,
      CHECK_SHEET,
      OFFICE_SHEET,
    ]);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('has the administrative title block, Times New Roman, A4 landscape, print titles, frozen panes', async () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    expect(ws.getCell('A1').text).toBe('UBND TỈNH LẠNG SƠN');
    expect(ws.getCell('A2').text).toBe('UBND PHƯỜNG ĐÔNG KINH');
    expect(ws.getCell('F1').text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('F2').text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('F3').text).toMatch(/^Đông Kinh, ngày \d{2} tháng \d{2} năm \d{4}$/);
    expect(ws.getCell('A4').text).toBe(
      'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026',
    );
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.getRow(SCORE_HEADER_ROW).getCell(1).text).toBe('STT');
    for (const ref of ['A1', 'A4', 'B8', 'E8', 'H10'])
      expect(ws.getCell(ref).font.name).toBe('Times New Roman');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.scale).toBeGreaterThan(50);
    expect(ws.pageSetup.scale).toBeLessThan(80);
    expect(wb.getWorksheet(EVIDENCE_SHEET)!.pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?7:\$?7$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: SCORE_HEADER_ROW });
    expect(ws.getColumn(COL.title).width).toBeGreaterThan(40);
    expect(ws.getCell('B9').alignment.wrapText).toBe(true);
    const workbookXml = await zipEntry(file, 'xl/workbook.xml');
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
    expect(workbookXml).toMatch(/_xlnm\.Print_Titles[^>]*>&apos;Bảng tự đánh giá&apos;!\$7:\$7</);
  });

  it('has one row per node in tree order, with a row below for each further document', () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    let r = SCORE_HEADER_ROW + 1;
    const depth = new Map<number, number>();
    for (const n of x.plan.nodes) {
      const d = n.parentId === null ? 0 : depth.get(n.parentId)! + 1;
      depth.set(n.id, d);
      const row = ws.getRow(r);
      expect(row.getCell(COL.code).text).toBe(n.code);
      expect(row.getCell(COL.title).text).toBe(n.title);
      expect(row.getCell(COL.max).value).toBe(n.maxPoints === null ? null : n.maxPoints / 100);
      expect(row.getCell(COL.title).font.bold ?? false).toBe(d <= 1);
      expect(row.getCell(COL.code).font.bold ?? false).toBe(d <= 1);
      expect(row.outlineLevel ?? 0).toBe(Math.min(d, 7));
      expect(row.getCell(COL.kind).text).toBe(
        { self: 'Tự đánh giá', survey: 'Điều tra XHH', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' }[
          n.kind
        ],
      );
      for (let i = 1; i < n.links.length; i++) {
        const extra = ws.getRow(r + i);
        expect(extra.getCell(COL.code).text).toBe('');
        expect(extra.getCell(COL.evidence).text).toMatch(
          new RegExp(`^${n.links[i]!.evidenceCode.replace(/\./g, '\\.')}: `),
        );
        expect(extra.outlineLevel).toBe(Math.min(d + 1, 7));
      }
      r += Math.max(1, n.links.length);
    }
    expect(ws.getRow(r).getCell(COL.title).text).toBe('TỔNG CỘNG');
    expect(r).toBe(result.score.total.row);
  });

  it('shows “Không chấm” with its reason, leaves out its points, and keeps self and appraised scores', () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    const row = (code: string) => result.score.rows.find((q) => q.node.code === code)!.row;
    const na = ws.getRow(row('5.2'));
    expect(na.getCell(COL.self).value).toBe(NOT_SCORED);
    expect(na.getCell(COL.explanation).text).toBe(
      'Không chấm: Trong năm không tuyển dụng công chức',
    );
    expect(cellResult(na.getCell(COL.applicable))).toBe(0);
    const leaf = ws.getRow(row('1.1.2'));
    expect(leaf.getCell(COL.self).value).toBe(0.5);
    expect(leaf.getCell(COL.appraised).value).toBe(0);
    expect(leaf.getCell(COL.explanation).text).toBe('Hoàn thành 85% kế hoạch');
    expect(cellResult(ws.getRow(row('5')).getCell(COL.applicable))).toBe(11.5);
  });

  it('writes parents and the total as SUM formulas whose cached results are the app’s numbers', () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    expect(result.score.constants).toEqual([]);
    for (const q of result.score.rows) {
      const row = ws.getRow(q.row);
      const n = q.node;
      if (q.parent) {
        expect(cellFormula(row.getCell(COL.self))).toMatch(/SUM\(/);
        expect(cellFormula(row.getCell(COL.applicable))).toMatch(/SUM\(|C\d+/);
        expect(cellFormula(row.getCell(COL.index))).toBe(
          `IF(D${q.row}>0,IF(COUNT(E${q.row})=1,ROUND(E${q.row}/D${q.row}*100,2),""),"")`,
        );
        // Nothing scored under it: blank, as in the PDF (and as the formula computes).
        const self = cellResult(row.getCell(COL.self));
        if (n.total.scoredLeaves === 0) {
          if (!n.notApplicable) expect(self, n.code).toBe('');
          expect(cellResult(row.getCell(COL.index)), n.code).toBe('');
        } else {
          expect(h(self as number)).toBe(n.total.score);
          expect(cellResult(row.getCell(COL.index))).toBe(n.total.index ?? '');
        }
      }
      expect(h(cellResult(row.getCell(COL.applicable)) as number)).toBe(n.total.applicableMax);
      const appraised = cellResult(row.getCell(COL.appraised));
      expect(appraised === null || appraised === '' ? null : h(appraised as number)).toBe(
        n.total.appraised,
      );
    }
    const total = ws.getRow(result.score.total.row);
    const s = x.plan.check.summary;
    expect(cellFormula(total.getCell(COL.self))).toMatch(
      /^IF\(COUNT\(E\d+(,E\d+)*\)=0,"",SUM\(E\d+(,E\d+)*\)\)$/,
    );
    expect(h(cellResult(total.getCell(COL.self)) as number)).toBe(s.score);
    expect(h(cellResult(total.getCell(COL.applicable)) as number)).toBe(s.applicableMax);
    expect(cellResult(total.getCell(COL.index))).toBe(s.index);
    // Bonus and penalty sit on top of the 100 points.
    expect(cellResult(total.getCell(COL.max))).toBe(100);
  });

  it('formulas compute the app’s numbers, and the totals move when an appraiser changes a score', () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    const col = (c: number) => String.fromCharCode(64 + c);
    const num = (v: Value) => (typeof v === 'number' ? h(v) : v);
    const ev = new SheetEvaluator(ws);
    for (const q of result.score.rows) {
      const n = q.node;
      expect(num(ev.value(`${col(COL.applicable)}${q.row}`)), n.code).toBe(n.total.applicableMax);
      if (!n.notApplicable) {
        const self = ev.value(`${col(COL.self)}${q.row}`);
        // Blank (as the PDF shows it) exactly when nothing under it is scored.
        if (q.parent) expect(self === '', n.code).toBe(n.total.scoredLeaves === 0);
        expect(self === null || self === '' ? 0 : num(self), n.code).toBe(n.total.score);
      }
      if (q.parent) {
        expect(ev.value(`${col(COL.index)}${q.row}`), n.code).toBe(
          n.total.scoredLeaves === 0 ? '' : (n.total.index ?? ''),
        );
        const a = ev.value(`${col(COL.appraised)}${q.row}`);
        expect(a === '' ? null : num(a), n.code).toBe(n.total.appraised);
      }
    }
    const t = result.score.total.row;
    const s = x.plan.check.summary;
    expect(num(ev.value(`E${t}`))).toBe(s.score);
    expect(num(ev.value(`D${t}`))).toBe(s.applicableMax);
    expect(ev.value(`G${t}`)).toBe(s.index);
    // Bonus capped at its 2 points though its items add up to 3; the penalty subtracts.
    const rowOf = (code: string) => result.score.rows.find((q) => q.node.code === code)!.row;
    expect(ev.value(`E${rowOf('10')}`)).toBe(2);
    expect(ev.value(`E${rowOf('11')}`)).toBe(-0.5);

    // The appraiser gives 1.1.2 its full point: area 1, the total and the index follow.
    const r112 = rowOf('1.1.2');
    const moved = new SheetEvaluator(ws, new Map<string, Value>([[`E${r112}`, 1]]));
    expect(num(moved.value(`E${rowOf('1')}`))).toBe(
      x.plan.nodes.find((n) => n.code === '1')!.total.score + 50,
    );
    expect(num(moved.value(`E${t}`))).toBe(s.score + 50);
    expect(moved.value(`G${t}`)).toBe(computeIndex(s.score + 50, s.applicableMax));
    // …or marks it “Không chấm”: its point leaves the applicable maximum.
    const na = new SheetEvaluator(ws, new Map<string, Value>([[`E${r112}`, NOT_SCORED]]));
    expect(num(na.value(`D${t}`))).toBe(s.applicableMax - 100);
    expect(num(na.value(`E${t}`))).toBe(s.score - 50);
    expect(na.value(`G${t}`)).toBe(computeIndex(s.score - 50, s.applicableMax - 100));
  });

  it('links each document to its file in the export folder and to its page in the PDF dossier', () => {
    const ws = wb.getWorksheet(SCORE_SHEET)!;
    let checked = 0;
    for (const q of result.score.rows) {
      q.links.forEach((link, i) => {
        const row = ws.getRow(q.row + i);
        const doc = x.plan.documents.get(link.documentId)!;
        const fileLink = hyperlinkOf(row.getCell(COL.evidence));
        expect(fileLink, link.evidenceCode).not.toBeNull();
        expect(fileLink!.text).toContain(link.evidenceCode);
        if (doc.number) expect(fileLink!.text).toContain(doc.number);
        if (doc.issuedOn)
          expect(fileLink!.text).toContain(doc.issuedOn.split('-').reverse().join('/'));
        const target = path.join(out, targetPath(fileLink!.hyperlink));
        expect(existsSync(target), target).toBe(true);
        expect(sha(target)).toBe(doc.sha256);
        const pageLink = hyperlinkOf(row.getCell(COL.page));
        const where = pdfPages.get(doc.id)!;
        expect(pageLink!.hyperlink).toBe(
          `${path.basename(where.file).replace(/ /g, '%20')}#page=${where.page}`,
        );
        expect(pageLink!.text).toBe(`Tập ${/Tap (\d)/.exec(where.file)![1]}, tr. ${where.page}`);
        checked++;
      });
    }
    expect(checked).toBe(x.plan.nodes.reduce((s, n) => s + n.links.length, 0));
  });

  it('writes no internal hyperlink relationships and no validations or conditional formats (Excel refuses those mixes)', async () => {
    for (const i of [1, 2, 3, 4]) {
      const sheetXml = await zipEntry(file, `xl/worksheets/sheet${i}.xml`);
      expect(sheetXml).not.toMatch(/<dataValidations|<conditionalFormatting/);
      // Open groups: no row claims to be folded.
      expect(sheetXml).not.toMatch(/collapsed="1"/);
      // <sheetPr> children in schema order (exceljs puts pageSetUpPr first; Excel then calls the file damaged).
      const sheetPr = /<sheetPr>(.*?)<\/sheetPr>/.exec(sheetXml)?.[1] ?? '';
      expect(sheetPr).toMatch(/^(<tabColor[^>]*\/>)?(<outlinePr[^>]*\/>)?(<pageSetUpPr[^>]*\/>)?$/);
    }
    for (const i of [1, 2]) {
      const rels = await zipEntry(file, `xl/worksheets/_rels/sheet${i}.xml.rels`);
      expect(rels).not.toMatch(/Target="#/);
      expect(rels).toMatch(
        /Target="TLKC\/2\/2\.1\.1\/2\.1\.1-01_[^"]+\.png" TargetMode="External"/,
      );
    }
  });

  it('re-imports with the criteria importer to the same tree', async () => {
    const preview = await previewCriteriaTable(readFileSync(file), path.basename(file));
    expect(preview.sheet).toBe(SCORE_SHEET);
    expect(preview.headerRow).toBe(SCORE_HEADER_ROW);
    expect(Object.fromEntries(preview.columns.map((c) => [c.field, c.column]))).toMatchObject({
      code: 'A',
      title: 'B',
      maxPoints: 'C',
      evidenceGuide: 'H',
      leadOffice: 'K',
      kind: 'L',
    });
    // The only remark: the bonus group's items may add up to more than its cap (that is what caps are for).
    expect(preview.warnings.map((w) => w.message)).toEqual([
      'Lĩnh vực 10: tổng điểm các tiêu chí thành phần (3) khác điểm tối đa (2)',
    ]);
    expect(preview.stats).toEqual({
      nodes: x.plan.nodes.length,
      leaves: x.plan.nodes.filter((n) => n.isLeaf).length,
      maxPoints: 100,
    });
    const flat: {
      code: string;
      title: string;
      maxPoints: number | null;
      kind: string;
      parent: string | null;
      office: string | null;
    }[] = [];
    const walk = (ns: FrameworkNode[], parent: string | null) => {
      for (const n of ns) {
        flat.push({
          code: n.code,
          title: n.title,
          maxPoints: n.maxPoints ?? null,
          kind: n.kind ?? 'self',
          parent,
          office: n.leadOffice ?? null,
        });
        walk(n.children ?? [], n.code);
      }
    };
    walk(preview.nodes, null);
    const codeOf = new Map(x.plan.nodes.map((n) => [n.id, n.code]));
    expect(flat).toEqual(
      x.plan.nodes.map((n) => ({
        code: n.code,
        title: n.title,
        maxPoints: n.maxPoints === null ? null : n.maxPoints / 100,
        kind: n.kind,
        parent: n.parentId === null ? null : codeOf.get(n.parentId)!,
        office: n.leadOfficeInherited ? null : n.leadOffice,
      })),
    );
  });
});

describe('export workbook: the other sheets', () => {
  it('Danh mục TLKC: one row per document link, real date cells, links to files, SHA-256', () => {
    const ws = wb.getWorksheet(EVIDENCE_SHEET)!;
    const header = ws.getRow(3);
    expect(header.getCell(1).text).toBe('Mã TLKC');
    expect(ws.autoFilter).toBeTruthy();
    let r = 4;
    for (const n of x.plan.nodes) {
      for (const link of n.links) {
        const row = ws.getRow(r++);
        const doc = x.plan.documents.get(link.documentId)!;
        expect(row.getCell(1).text).toBe(link.evidenceCode);
        expect(row.getCell(2).text).toBe(n.code);
        expect(row.getCell(5).text).toBe(doc.number ?? '');
        const date = row.getCell(6);
        if (doc.issuedOn) {
          expect(date.value).toBeInstanceOf(Date);
          expect((date.value as Date).toISOString().slice(0, 10)).toBe(doc.issuedOn);
          expect(date.numFmt).toBe('dd/mm/yyyy');
        } else expect(date.value).toBeNull();
        expect(row.getCell(8).text).toBe(doc.subject ?? '');
        const link9 = hyperlinkOf(row.getCell(9))!;
        expect(link9.text).toBe(folderFiles.get(link.evidenceCode));
        expect(sha(path.join(out, targetPath(link9.hyperlink)))).toBe(doc.sha256);
        expect(row.getCell(10).value).toBe(doc.pages);
        expect(row.getCell(11).text).toBe(link.pages ?? '');
        expect(hyperlinkOf(row.getCell(12))!.hyperlink).toMatch(/#page=\d+$/);
        expect(row.getCell(14).text).toBe(doc.sha256);
        if (!link.first)
          expect(row.getCell(13).text).toContain(`Cùng tài liệu với ${doc.firstEvidenceCode}`);
      }
    }
    expect(r - 4).toBe(result.evidenceRows);
    expect(ws.getRow(r).getCell(1).text).toBe('');
  });

  it('Kiểm tra: every problem with its severity, node code (linked to its row) and message', () => {
    const ws = wb.getWorksheet(CHECK_SHEET)!;
    const problems = problemsOf(x.plan);
    expect(problems.length).toBeGreaterThan(10);
    expect(result.problems).toBe(problems.length);
    problems.forEach((p, i) => {
      const row = ws.getRow(5 + i);
      expect(row.getCell(2).text).toBe(SEVERITY_LABEL[p.severity]);
      expect(row.getCell(4).text).toBe(p.message);
      expect(row.getCell(5).text).toBe(p.rule);
      if (p.code && p.nodeId !== null) {
        const target = result.score.rows.find((q) => q.node.id === p.nodeId)!.row;
        expect(cellFormula(row.getCell(3))).toBe(
          `HYPERLINK("#'${SCORE_SHEET}'!A${target}","${p.code}")`,
        );
        expect((row.getCell(3).value as { result?: unknown }).result).toBe(p.code);
      }
    });
    expect(new Set(problems.map((p) => SEVERITY_LABEL[p.severity]))).toEqual(
      new Set(['Lỗi', 'Cảnh báo', 'Lưu ý']),
    );
    expect(ws.getCell('A2').text).toMatch(/^Lỗi: \d+ .*Cảnh báo: \d+ .*Lưu ý: \d+/);
  });

  it('Theo đơn vị: leaves assigned, complete, errors and points at risk per office', () => {
    const ws = wb.getWorksheet(OFFICE_SHEET)!;
    const offices = x.plan.check.byOffice;
    offices.forEach((o, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(2).text).toBe(o.name);
      expect(row.getCell(3).value).toBe(o.leaves);
      expect(row.getCell(4).value).toBe(o.complete);
      expect(row.getCell(7).value).toBe(o.errors);
      expect(row.getCell(9).value).toBe(o.percent);
      expect(row.getCell(10).value).toBe(o.pointsAtRisk / 100);
    });
    const total = ws.getRow(4 + offices.length);
    expect(total.getCell(2).text).toBe('TỔNG CỘNG');
    expect(total.getCell(3).value).toBe(x.plan.check.summary.leaves);
    expect(total.getCell(10).value).toBe(x.plan.check.summary.pointsAtRisk / 100);
  });
});

describe('export workbook: selections, names, cancel', () => {
  it('a selection that leaves out some children writes the app’s numbers, not wrong sums', async () => {
    const office = x.plan.nodes.find((n) => n.code === '3.3')!.leadOfficeId!;
    const plan: ExportPlan = buildPlan(x.ws.db, x.ws.store, { offices: [office] });
    const f = path.join(x.root, 'sel', 'Bang.xlsx');
    const r = await writeWorkbookDetailed(
      plan,
      { file: f, folderFiles: null, pdfPages: null },
      ctx,
    );
    expect(r.score.constants.map((c) => c.code)).toContain('3');
    const ws = (await readWorkbook(f)).getWorksheet(SCORE_SHEET)!;
    const ev = new SheetEvaluator(ws);
    for (const q of r.score.rows) {
      const self = ev.value(`E${q.row}`);
      if (!q.node.notApplicable)
        expect(self === null ? 0 : h(self as number), q.node.code).toBe(q.node.total.score);
      expect(h(ev.value(`D${q.row}`) as number), q.node.code).toBe(q.node.total.applicableMax);
    }
    // Without the folder part, the evidence column still names each document.
    const linked: PlanNode = plan.nodes.find((n) => n.links.length > 0)!;
    const row = r.score.rows.find((q) => q.node.id === linked.id)!.row;
    const code = linked.links[0]!.evidenceCode.replace(/[.)]/g, '\\$&');
    expect(ws.getRow(row).getCell(COL.evidence).text).toMatch(new RegExp(`^${code}: `));
    expect(hyperlinkOf(ws.getRow(row).getCell(COL.evidence))).toBeNull();
  });

  it('links files with Vietnamese names and spaces (escaped spaces, letters kept)', async () => {
    const vOut = path.join(x.root, 'out-vi');
    const folder = await writeEvidenceFolder(x.plan, { outDir: vOut, asciiNames: false }, ctx);
    const f = path.join(vOut, 'Bảng tự đánh giá 2026.xlsx');
    await writeWorkbookDetailed(
      x.plan,
      { file: f, folderFiles: folder.files, pdfPages: null },
      ctx,
    );
    const ws = (await readWorkbook(f)).getWorksheet(EVIDENCE_SHEET)!;
    const link = hyperlinkOf(ws.getRow(4).getCell(9))!;
    expect(link.hyperlink).toContain('%20');
    expect(link.hyperlink).toMatch(/[ạ-ỹ]/u);
    expect(existsSync(path.join(vOut, targetPath(link.hyperlink)))).toBe(true);
  });

  it('cancel: nothing under the final name and no temporary file', async () => {
    const dir = mkdtempSync(path.join(x.root, 'cancel-'));
    const f = path.join(dir, 'Bang.xlsx');
    const ac = new AbortController();
    await expect(
      writeWorkbookDetailed(
        x.plan,
        { file: f, folderFiles, pdfPages },
        { signal: ac.signal, progress: () => ac.abort() },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('export workbook: shapes at the limits', () => {
  it('nests SUM past 255 arguments and clamps outline levels at 7 (Excel shows 8)', async () => {
    const nodes: CheckNode[] = [];
    const scores: CheckScore[] = [];
    const node = (
      id: number,
      parentId: number | null,
      code: string,
      maxPoints: number | null,
    ): CheckNode => ({
      id,
      parentId,
      code,
      title: `Nội dung ${code}`,
      kind: 'self',
      maxPoints,
      step: null,
      mayBeNotApplicable: true,
      leadOfficeId: null,
      deadline: null,
      evidenceSlots: [],
      scoringOptions: [],
    });
    // Area 1: 300 criteria of one sub-criterion each, so no two children are adjacent rows.
    nodes.push(node(1, null, '1', 600));
    for (let i = 1; i <= 300; i++) {
      nodes.push(node(1 + 2 * i - 1, 1, `1.${i}`, 2));
      nodes.push(node(1 + 2 * i, 1 + 2 * i - 1, `1.${i}.1`, 2));
      scores.push({
        nodeId: 1 + 2 * i,
        selfScore: i % 3 === 0 ? 100 : 200,
        notApplicable: i === 7,
        naReason: i === 7 ? 'Không phát sinh' : null,
        explanation: null,
        appraised: null,
        lastYear: null,
      });
    }
    // Area 2: ten levels deep.
    let parent: number | null = null;
    for (let d = 0; d < 10; d++) {
      const id = 1000 + d;
      nodes.push(node(id, parent, d === 0 ? '2' : `2${'.1'.repeat(d)}`, 100));
      parent = id;
    }
    scores.push({
      nodeId: 1009,
      selfScore: 50,
      notApplicable: false,
      naReason: null,
      explanation: null,
      appraised: 25,
      lastYear: null,
    });
    const plan = planFromCheckInput({
      year: 2024,
      today: '2024-11-01',
      uploadLimitBytes: 0,
      nodes,
      scores,
      documents: [],
      links: [],
      offices: [],
    });
    const f = path.join(x.root, 'limits', 'Bang.xlsx');
    const r = await writeWorkbookDetailed(
      plan,
      { file: f, folderFiles: null, pdfPages: null },
      ctx,
    );
    expect(r.score.constants).toEqual([]);
    expect(r.score.maxOutline).toBe(7);
    const ws = (await readWorkbook(f)).getWorksheet(SCORE_SHEET)!;
    const area1 = r.score.rows[0]!;
    expect(cellFormula(ws.getCell(`E${area1.row}`))).toMatch(
      /^IF\(COUNT\(E\d+,.*=0,"",SUM\(SUM\(E\d+,/,
    );
    const ev = new SheetEvaluator(ws);
    for (const q of r.score.rows) {
      expect(h(ev.value(`D${q.row}`) as number), q.node.code).toBe(q.node.total.applicableMax);
      if (!q.node.notApplicable)
        expect(h(Number(ev.value(`E${q.row}`) ?? 0)), q.node.code).toBe(q.node.total.score);
      expect(ws.getRow(q.row).outlineLevel ?? 0).toBe(Math.min(q.depth, 7));
    }
    const t = r.score.total.row;
    expect(h(ev.value(`E${t}`) as number)).toBe(plan.check.summary.score);
    expect(h(ev.value(`D${t}`) as number)).toBe(plan.check.summary.applicableMax);
    expect(ev.value(`G${t}`)).toBe(plan.check.summary.index);
    expect(ev.value(`F${r.score.rows.find((q) => q.node.code === '2')!.row}`)).toBe(0.25);
  });
});

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const soffice = which('soffice') ?? which('libreoffice');

/**
 * A LibreOffice profile that recalculates every formula of an .xlsx on load. By default it
 * trusts the cached values we wrote, which would make the cross-check prove nothing. The
 * setting only sticks in a profile LibreOffice has already created.
 */
function recalculatingProfile(root: string): string {
  const dir = path.join(root, 'profile');
  const url = `file://${dir}`;
  execFileSync(soffice!, [`-env:UserInstallation=${url}`, '--headless', '--terminate_after_init'], {
    timeout: 120_000,
    stdio: 'ignore',
  });
  const xcu = path.join(dir, 'user', 'registrymodifications.xcu');
  const always =
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">' +
    '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>';
  writeFileSync(xcu, readFileSync(xcu, 'utf8').replace('</oor:items>', `${always}\n</oor:items>`));
  return url;
}

/** The first sheet of `xlsx` as CSV rows, computed by LibreOffice with `profile`. */
function csvByLibreOffice(profile: string, xlsx: string, outDir: string): string[][] {
  execFileSync(
    soffice!,
    [
      '--headless',
      `-env:UserInstallation=${profile}`,
      '--convert-to',
      // Comma, double quote, UTF-8 (76), from line 1: the default charset is the system's.
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      outDir,
      xlsx,
    ],
    { timeout: 120_000, stdio: 'ignore' },
  );
  const csv = readFileSync(path.join(outDir, `${path.basename(xlsx, '.xlsx')}.csv`), 'utf8');
  return csv.split(/\r?\n/).map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

describe('export workbook in LibreOffice', () => {
  if (!soffice) {
    it.skip('LibreOffice (soffice) is not installed: skipped recomputing the totals in LibreOffice', () => {});
    return;
  }
  it('LibreOffice recomputes the formulas and gets the same totals as the app', async () => {
    const dir = mkdtempSync(path.join(x.root, 'lo-'));
    const profile = recalculatingProfile(dir);
    // Control: a cached result that is wrong on purpose must come back recomputed.
    const control = new ExcelJS.Workbook();
    const sheet = control.addWorksheet('a');
    sheet.getCell('A1').value = 3;
    sheet.getCell('A2').value = { formula: 'A1*2', result: 99 };
    const controlFile = path.join(dir, 'control.xlsx');
    await control.xlsx.writeFile(controlFile);
    expect(csvByLibreOffice(profile, controlFile, dir)[1]?.[0]).toBe('6');

    const csv = csvByLibreOffice(profile, file, dir);
    const line = csv.find((cells) => cells.some((c) => c.includes('TỔNG CỘNG')));
    // A criterion with nothing scored under it stays blank after recalculation, as in the PDF.
    const blank = x.plan.nodes.find(
      (n) => !n.isLeaf && !n.notApplicable && n.total.scoredLeaves === 0,
    )!;
    const blankLine = csv.find((cells) => cells[0] === blank.code);
    expect(blankLine, blank.code).toBeDefined();
    expect(blankLine![COL.self - 1]).toBe('');
    expect(blankLine![COL.index - 1]).toBe('');
    expect(line, 'TỔNG CỘNG row in the CSV').toBeDefined();
    const s = x.plan.check.summary;
    expect(h(Number(line![COL.self - 1]))).toBe(s.score);
    expect(h(Number(line![COL.applicable - 1]))).toBe(s.applicableMax);
    expect(Number(line![COL.index - 1])).toBeCloseTo(s.index!, 2);
  });
});
