import ExcelJS from 'exceljs';
import type { GapAnalysis } from '../../../shared/contract/scoring';

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
  const num = (h: number | null) => (h === null ? null : h / 100);
  const add = (r: GapAnalysis['areas'][number]['losers'][number], bold: boolean) => {
    const row = ws.addRow([
      r.code,
      r.title,
      num(r.applicableMax),
      num(r.selfScore),
      num(r.appraised),
      num(r.lastYear),
      num(r.lost),
      r.office ?? '',
      r.naReason ? `Không chấm: ${r.naReason}` : (r.explanation ?? ''),
    ]);
    row.font = { ...font, bold };
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const col of [3, 4, 5, 6, 7]) row.getCell(col).numFmt = '0.##';
    if (!bold) row.outlineLevel = 1;
  };
  for (const area of gap.areas) {
    add(area, true);
    for (const l of area.losers) add(l, false);
  }
  const t = gap.total;
  const total = ws.addRow([
    '',
    'TỔNG',
    num(t.applicableMax),
    num(t.selfScore),
    num(t.appraised),
    num(t.lastYear),
  ]);
  total.font = { ...font, bold: true };
  for (const col of [3, 4, 5, 6]) total.getCell(col).numFmt = '0.##';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
