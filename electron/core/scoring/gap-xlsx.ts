import ExcelJS from 'exceljs';
import type { GapAnalysis } from '../../../shared/contract/scoring';
import { gapAreaFigures, gapTotals } from '../../../shared/gap-view';
import type { Hundredths } from '../../../shared/points';

/**
 * Number format for a point value: "10" for whole points, "9,5" / "0,25" otherwise (Excel puts
 * the reader's decimal comma). A single `0.##` would show whole numbers as "10.".
 */
export function pointsNumFmt(h: Hundredths): string {
  return h % 100 === 0 ? '0' : h % 10 === 0 ? '0.0' : '0.00';
}

/** The gap analysis as a workbook an office can print: one row per area, its losing leaves below. */
export async function gapWorkbook(gap: GapAnalysis, frameworkName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phân tích điểm', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  const font = { name: 'Times New Roman', size: 12 };
  ws.columns = [
    { width: 9 },
    { width: 60 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 10 },
    { width: 28 },
    { width: 50 },
  ];
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = `PHÂN TÍCH ĐIỂM ${frameworkName.toUpperCase()} NĂM ${gap.year}`;
  ws.getCell('A1').font = { ...font, size: 14, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const header = ws.getRow(3);
  header.values = [
    'Mã',
    'Nội dung',
    'Điểm tối đa',
    'Tự đánh giá',
    'Thẩm định',
    'Năm trước',
    'Bị mất',
    'Đơn vị chủ trì',
    'Giải trình / lý do không chấm',
  ];
  header.font = { ...font, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  /** Points in columns C–G (hundredths; null leaves the cell empty), each with its format. */
  const putPoints = (row: ExcelJS.Row, values: (Hundredths | null)[]) => {
    values.forEach((h, k) => {
      if (h === null) return;
      const cell = row.getCell(3 + k);
      cell.value = h / 100;
      cell.numFmt = pointsNumFmt(h);
    });
  };
  type Row = GapAnalysis['areas'][number]['losers'][number];
  const add = (r: Row, lost: Hundredths, bold: boolean) => {
    const row = ws.addRow([
      r.code,
      r.title,
      null,
      null,
      null,
      null,
      null,
      r.office ?? '',
      r.naReason ? `Không chấm: ${r.naReason}` : (r.explanation ?? ''),
    ]);
    putPoints(row, [r.applicableMax, r.selfScore, r.appraised, r.lastYear, lost]);
    row.font = { ...font, bold };
    row.alignment = { wrapText: true, vertical: 'top' };
    if (!bold) row.outlineLevel = 1;
  };
  // Lost points as the screen computes them (shared/gap-view.ts): an area loses what its
  // scored sub-criteria lost; items not scored yet are not counted as lost.
  for (const area of gap.areas) {
    add(area, gapAreaFigures(area).lost, true);
    for (const l of area.losers) add(l, l.lost, false);
  }
  const t = gap.total;
  const total = ws.addRow(['', 'TỔNG']);
  putPoints(total, [t.applicableMax, t.selfScore, t.appraised, t.lastYear, gapTotals(gap).lost]);
  total.font = { ...font, bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
