import path from 'node:path';
import type ExcelJS from 'exceljs';
import { docTypeName } from '../../../../shared/evidence';
import type { ExportPlan } from '../plan';
import { backlogOf, breathe, throwIfAborted } from './book';
import type { WorkbookContext } from './context';
import { dossierPage, linkTarget, pageTarget, pageText } from './links';
import { FOOTER, pageSetup, S, widths } from './styles';

/** "Danh mục TLKC": one row per document link, in tree order, with real date cells. */

export const EVIDENCE_SHEET = 'Danh mục TLKC';
export const EVIDENCE_HEADER_ROW = 3;

export const EVIDENCE_HEADERS = [
  'Mã TLKC',
  'Mã tiêu chí',
  'Tiêu chí',
  'Loại văn bản',
  'Số, ký hiệu',
  'Ngày ban hành',
  'Cơ quan ban hành',
  'Trích yếu',
  'Tệp',
  'Số trang',
  'Trang liên quan',
  'Trang trong hồ sơ PDF',
  'Ghi chú',
  'SHA-256',
] as const;

const WIDTHS = [11, 9, 34, 12, 16, 11, 24, 44, 40, 7, 9, 12, 24, 20];

/** "2021-05-31" → a Date at UTC midnight, which exceljs stores as the whole day number. */
export function dateCell(iso: string | null): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export async function writeEvidenceSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: ExportPlan,
  w: WorkbookContext,
): Promise<number> {
  const last = String.fromCharCode(64 + WIDTHS.length);
  const ws = wb.addWorksheet(EVIDENCE_SHEET, {
    pageSetup: pageSetup(`${EVIDENCE_HEADER_ROW}:${EVIDENCE_HEADER_ROW}`),
    headerFooter: FOOTER,
    views: [
      {
        state: 'frozen',
        xSplit: 1,
        ySplit: EVIDENCE_HEADER_ROW,
        topLeftCell: `B${EVIDENCE_HEADER_ROW + 1}`,
      },
    ],
  });
  ws.autoFilter = `A${EVIDENCE_HEADER_ROW}:${last}${EVIDENCE_HEADER_ROW}`;
  widths(ws, WIDTHS);
  const backlog = backlogOf(ws);

  const r1 = ws.getRow(1);
  r1.getCell(1).value = `DANH MỤC TÀI LIỆU KIỂM CHỨNG NĂM ${plan.assessment.year}`;
  r1.getCell(1).style = S.titleBold;
  r1.height = 22;
  ws.mergeCells(`A1:${last}1`);
  r1.commit();
  const r2 = ws.getRow(2);
  r2.getCell(1).value =
    `${plan.unit?.name ? `${plan.unit.name} - ` : ''}${plan.assessment.frameworkName}`;
  r2.getCell(1).style = S.plainItalic;
  ws.mergeCells(`A2:${last}2`);
  r2.commit();
  const head = ws.getRow(EVIDENCE_HEADER_ROW);
  EVIDENCE_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).style = S.header;
  });
  head.height = 32;
  head.commit();

  const dir = path.dirname(w.file);
  let r = EVIDENCE_HEADER_ROW + 1;
  let count = 0;
  for (const n of plan.nodes) {
    const rows = [
      ...n.links.map((l) => ({ code: l.evidenceCode, link: l, left: null })),
      ...n.excludedLinks.map((l) => ({ code: l.evidenceCode, link: null, left: l })),
    ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const { link, left } of rows) {
      if (left) {
        // A document left out (damaged, missing, password): its row says so, and why.
        const row = ws.getRow(r++);
        const c = (i: number) => row.getCell(i);
        const d = left.doc;
        const values: [number, ExcelJS.CellValue, Partial<ExcelJS.Style>][] = [
          [1, left.evidenceCode, S.code],
          [2, n.code, S.code],
          [3, n.title, S.text],
          [4, docTypeName(d.docType) ?? d.docType ?? null, S.text],
          [5, d.number, S.text],
          [6, dateCell(d.issuedOn), S.date],
          [7, d.issuer, S.text],
          [8, d.subject, S.text],
          [9, d.originalName, S.text],
          [10, d.pages, S.center],
          [11, null, S.center],
          [12, null, S.center],
          [13, `Không đưa vào hồ sơ: ${left.reason}`, S.text],
          [14, d.sha256, S.mono],
        ];
        for (const [i, v, st] of values) {
          c(i).value = v;
          c(i).style = st;
        }
        row.commit();
        count++;
        continue;
      }
      if (!link) continue;
      const doc = plan.documents.get(link.documentId);
      if (!doc) continue;
      const row = ws.getRow(r++);
      const c = (i: number) => row.getCell(i);
      c(1).value = link.evidenceCode;
      c(1).style = S.code;
      c(2).value = n.code;
      c(2).style = S.code;
      c(3).value = n.title;
      c(3).style = S.text;
      c(4).value = docTypeName(doc.docType) ?? doc.docType ?? null;
      c(4).style = S.text;
      c(5).value = doc.number;
      c(5).style = S.text;
      c(6).value = dateCell(doc.issuedOn);
      c(6).style = S.date;
      c(7).value = doc.issuer;
      c(7).style = S.text;
      c(8).value = doc.subject;
      c(8).style = S.text;
      const rel = w.folderFiles?.get(link.evidenceCode);
      if (rel) {
        c(9).value = { text: rel, hyperlink: linkTarget(rel) };
        c(9).style = S.link;
      } else {
        c(9).value = doc.originalName;
        c(9).style = S.text;
      }
      c(10).value = doc.pages;
      c(10).style = S.center;
      c(11).value = link.pages;
      c(11).style = S.center;
      const where = w.pdfPages?.get(doc.id);
      if (where) {
        const page = dossierPage(where, link, doc);
        c(12).value = {
          text: pageText(where.file, page),
          hyperlink: pageTarget(dir, where.file, page),
        };
        c(12).style = S.linkCenter;
      } else c(12).style = S.center;
      const notes: string[] = [];
      if (link.slot) notes.push(`Mục: ${link.slot}`);
      if (link.note) notes.push(link.note);
      if (!link.first) notes.push(`Cùng tài liệu với ${doc.firstEvidenceCode}`);
      c(13).value = notes.length > 0 ? notes.join('; ') : null;
      c(13).style = S.text;
      c(14).value = doc.sha256;
      c(14).style = S.mono;
      row.commit();
      count++;
      if (count % 100 === 0) {
        throwIfAborted(w.signal);
        w.tick(100);
        await breathe(backlog);
      }
    }
  }
  w.tick(count % 100);
  ws.commit();
  return count;
}
