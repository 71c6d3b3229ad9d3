import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { NodeKind } from '../../../../shared/framework';
import type { ExportPlan, PlanLink } from '../plan';
import { backlogOf, breathe, throwIfAborted } from './book';
import { evidenceLine, linkTarget, pageTarget, pageText, dossierPage } from './links';
import {
  buildScoreModel,
  COL,
  MAX_OUTLINE,
  NOT_SCORED,
  type Cell,
  type ScoreModel,
} from './score-model';
import { FOOTER, pageSetup, S, setOutline, titleStyle, widths } from './styles';
import type { WorkbookContext } from './context';

/** "Bảng tự đánh giá": the self-assessment table, re-importable with the criteria importer. */

export const SCORE_SHEET = 'Bảng tự đánh giá';
/** The header row; the title block above it. */
export const SCORE_HEADER_ROW = 7;

export const SCORE_HEADERS = [
  'STT',
  'Nội dung',
  'Điểm tối đa',
  'Điểm tối đa áp dụng',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Tỷ lệ đạt (%)',
  'Tài liệu kiểm chứng',
  'Trang trong hồ sơ PDF',
  'Giải trình',
  'Đơn vị chủ trì',
  'Loại',
] as const;

const WIDTHS = [9, 52, 8, 9, 9, 9, 8, 42, 12, 32, 20, 12];

/** What the criteria importer reads back in the "Loại" column. */
export const KIND_CELL: Record<NodeKind, string> = {
  self: 'Tự đánh giá',
  survey: 'Điều tra XHH',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};

const INDEX_NAME: Record<string, string> = {
  PAR: 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
  PAPI: 'CHỈ SỐ PAPI',
  SIPAS: 'CHỈ SỐ SIPAS',
  DDCI: 'CHỈ SỐ DDCI',
};

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

function dateLine(place: string | null, d: Date): string {
  return `${place ? `${place}, ` : ''}ngày ${String(d.getDate()).padStart(2, '0')} tháng ${String(d.getMonth() + 1).padStart(2, '0')} năm ${d.getFullYear()}`;
}

/** " – Phần: Lĩnh vực 1. Công tác chỉ đạo…" for an export of selected areas or offices. */
function partialText(plan: ExportPlan, lead = ' – Phần:'): string {
  const p = plan.partial;
  if (!p) return '';
  const parts: string[] = [];
  if (p.areas.length)
    parts.push(p.areas.map((a) => `Lĩnh vực ${a.code.replace(/\.$/, '')}. ${a.title}`).join('; '));
  if (p.offices.length) parts.push(`do ${p.offices.join(', ')} chủ trì`);
  return `${lead} ${parts.join(', ')}`;
}

function put(cell: ExcelJS.Cell, value: Cell, style: Partial<ExcelJS.Style>): void {
  if (value !== null) cell.value = value as ExcelJS.CellValue;
  cell.style = style;
}

export async function writeScoreSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: ExportPlan,
  w: WorkbookContext,
): Promise<ScoreModel> {
  const model = buildScoreModel(plan, SCORE_HEADER_ROW + 1);
  const ws = wb.addWorksheet(SCORE_SHEET, {
    properties: {
      outlineLevelRow: model.maxOutline,
      outlineProperties: { summaryBelow: false, summaryRight: false },
    } as Partial<ExcelJS.WorksheetProperties>,
    pageSetup: pageSetup(`${SCORE_HEADER_ROW}:${SCORE_HEADER_ROW}`, WIDTHS),
    headerFooter: FOOTER,
    views: [
      {
        state: 'frozen',
        xSplit: 2,
        ySplit: SCORE_HEADER_ROW,
        topLeftCell: `C${SCORE_HEADER_ROW + 1}`,
      },
    ],
  });
  widths(ws, WIDTHS);
  const backlog = backlogOf(ws);
  const last = String.fromCharCode(64 + WIDTHS.length);

  // Title block: issuing body left, national motto right, then the title.
  const unit = plan.unit;
  const r1 = ws.getRow(1);
  r1.getCell(1).value = upper(unit?.parentBody ?? '');
  r1.getCell(1).style = S.plainCenter;
  r1.getCell(6).value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  r1.getCell(6).style = S.plainCenterBold;
  ws.mergeCells('A1:D1');
  ws.mergeCells(`F1:${last}1`);
  r1.commit();
  const r2 = ws.getRow(2);
  r2.getCell(1).value = upper(unit?.name ?? '');
  r2.getCell(1).style = S.plainCenterBold;
  r2.getCell(6).value = 'Độc lập - Tự do - Hạnh phúc';
  r2.getCell(6).style = S.plainCenterBold;
  ws.mergeCells('A2:D2');
  ws.mergeCells(`F2:${last}2`);
  r2.commit();
  const r3 = ws.getRow(3);
  r3.getCell(6).value = dateLine(unit?.place ?? null, w.now);
  r3.getCell(6).style = S.plainItalic;
  ws.mergeCells(`F3:${last}3`);
  r3.commit();
  const r4 = ws.getRow(4);
  const indexName = INDEX_NAME[plan.assessment.indexKind] ?? upper(plan.assessment.frameworkName);
  r4.getCell(1).value = `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM ${indexName} NĂM ${plan.assessment.year}`;
  r4.getCell(1).style = S.titleBold;
  r4.height = 24;
  ws.mergeCells(`A4:${last}4`);
  r4.commit();
  const r5 = ws.getRow(5);
  r5.getCell(1).value = `(Bộ tiêu chí: ${plan.assessment.frameworkName})${partialText(plan)}`;
  r5.getCell(1).style = S.plainItalic;
  ws.mergeCells(`A5:${last}5`);
  r5.commit();

  const head = ws.getRow(SCORE_HEADER_ROW);
  SCORE_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).style = S.header;
  });
  head.height = 32;
  head.commit();

  const dir = path.dirname(w.file);
  const evidenceCells = (row: ExcelJS.Row, link: PlanLink) => {
    const doc = plan.documents.get(link.documentId);
    if (!doc) return;
    const cell = row.getCell(COL.evidence);
    const text = evidenceLine(link, doc);
    const rel = w.folderFiles?.get(link.evidenceCode);
    if (rel) {
      cell.value = { text, hyperlink: linkTarget(rel) };
      cell.style = S.link;
    } else {
      cell.value = text;
      cell.style = S.text;
    }
    const where = w.pdfPages?.get(doc.id);
    if (where) {
      const page = dossierPage(where, link, doc);
      const pc = row.getCell(COL.page);
      pc.value = {
        text: pageText(where.file, page),
        hyperlink: pageTarget(dir, where.file, page),
      };
      pc.style = S.linkCenter;
    }
  };

  let done = 0;
  for (const x of model.rows) {
    const n = x.node;
    const bold = x.depth <= 1;
    const row = ws.getRow(x.row);
    setOutline(row, x.outline);
    put(row.getCell(COL.code), n.code, bold ? S.codeBold : S.code);
    put(row.getCell(COL.title), n.title, titleStyle(x.depth, bold));
    put(row.getCell(COL.max), x.max, bold ? S.pointsBold : S.points);
    put(row.getCell(COL.applicable), x.applicable, bold ? S.pointsBold : S.points);
    put(row.getCell(COL.self), x.self, bold ? S.pointsBold : S.points);
    put(row.getCell(COL.appraised), x.appraised, bold ? S.pointsBold : S.points);
    put(row.getCell(COL.index), x.index, bold ? S.indexBold : S.index);
    row.getCell(COL.evidence).style = S.text;
    row.getCell(COL.page).style = S.center;
    const s = n.score;
    const explanation = n.notApplicable
      ? `${NOT_SCORED}${s?.naReason ? `: ${s.naReason}` : ''}`
      : (s?.explanation ?? null);
    put(row.getCell(COL.explanation), explanation, S.text);
    // Only an office named on the node itself: inherited ones stay inherited when re-imported.
    put(row.getCell(COL.office), n.leadOfficeInherited ? null : n.leadOffice, S.text);
    put(row.getCell(COL.kind), KIND_CELL[n.kind], S.center);
    const [first, ...more] = x.links;
    if (first) evidenceCells(row, first);
    row.commit();
    more.forEach((link, i) => {
      const extra = ws.getRow(x.row + 1 + i);
      setOutline(extra, Math.min(x.outline + 1, MAX_OUTLINE));
      for (let c = 1; c <= WIDTHS.length; c++) extra.getCell(c).style = S.text;
      evidenceCells(extra, link);
      extra.commit();
    });
    done++;
    if (done % 50 === 0) {
      throwIfAborted(w.signal);
      w.tick(50);
      await breathe(backlog);
    }
  }
  w.tick(done % 50);

  const t = model.total;
  const tr = ws.getRow(t.row);
  for (let c = 1; c <= WIDTHS.length; c++) tr.getCell(c).style = S.textBold;
  put(
    tr.getCell(COL.title),
    plan.partial
      ? plan.partial.areas.length
        ? 'Cộng các lĩnh vực đã chọn'
        : 'Cộng các nội dung đã chọn'
      : 'TỔNG CỘNG',
    S.centerBold,
  );
  put(tr.getCell(COL.max), t.max, S.pointsBold);
  put(tr.getCell(COL.applicable), t.applicable, S.pointsBold);
  put(tr.getCell(COL.self), t.self, S.pointsBold);
  put(tr.getCell(COL.appraised), t.appraised, S.pointsBold);
  put(tr.getCell(COL.index), t.index, S.indexBold);
  tr.commit();

  // Notes (the importer stops at "Ghi chú"), then the signature block.
  const notes = [
    'Ghi chú:',
    `- Tỷ lệ đạt (chỉ số) = điểm tự đánh giá ÷ điểm tối đa áp dụng × 100; tiêu chí “${NOT_SCORED}” không tính vào điểm tối đa áp dụng. Điểm của lĩnh vực, tiêu chí và dòng TỔNG CỘNG là công thức cộng từ các mục con: sửa điểm một tiêu chí thành phần thì tổng tự tính lại.`,
    '- Mã tài liệu kiểm chứng “1.2.3-02” là tài liệu thứ 2 của tiêu chí 1.2.3; bấm vào để mở tệp trong thư mục TLKC đi kèm (giữ tệp Excel này cùng thư mục với thư mục TLKC và hồ sơ PDF).',
  ];
  if (plan.partial) {
    notes.push(
      `- Bảng này chỉ gồm ${plan.partial.areas.length ? 'các lĩnh vực đã chọn' : 'các nội dung đã chọn'}${partialText(plan, ':')}, không phải toàn bộ bộ chỉ số: dòng cộng là của phần này, không phải Chỉ số chung.`,
    );
  }
  if (model.constants.length > 0) {
    notes.push(
      `- Điểm của ${model.constants.map((c) => c.code).join(', ')} ghi theo số liệu của ứng dụng (không phải công thức) vì bảng này chỉ gồm một phần các mục con.`,
    );
  }
  let r = t.row + 2;
  for (const text of notes) {
    const nr = ws.getRow(r);
    nr.getCell(1).value = text;
    nr.getCell(1).style = text === 'Ghi chú:' ? S.plainLeftBoldItalic : S.plainLeftItalic;
    if (text.length > 150) nr.height = 32;
    ws.mergeCells(`A${r}:${last}${r}`);
    nr.commit();
    r++;
  }
  r++;
  const sig = ws.getRow(r);
  sig.getCell(1).value = 'NGƯỜI LẬP BIỂU';
  sig.getCell(1).style = S.plainCenterBold;
  sig.getCell(8).value = 'THỦ TRƯỞNG ĐƠN VỊ';
  sig.getCell(8).style = S.plainCenterBold;
  ws.mergeCells(`A${r}:C${r}`);
  ws.mergeCells(`H${r}:${last}${r}`);
  sig.commit();
  const sig2 = ws.getRow(r + 1);
  sig2.getCell(1).value = '(Ký, ghi rõ họ tên)';
  sig2.getCell(1).style = S.plainItalic;
  sig2.getCell(8).value = '(Ký tên, đóng dấu)';
  sig2.getCell(8).style = S.plainItalic;
  ws.mergeCells(`A${r + 1}:C${r + 1}`);
  ws.mergeCells(`H${r + 1}:${last}${r + 1}`);
  sig2.commit();
  ws.commit();
  return model;
}
