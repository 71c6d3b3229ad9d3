import type ExcelJS from 'exceljs';
import { toNumber } from '../../../../shared/points';
import type { ExportPlan } from '../plan';
import type { WorkbookContext } from './context';
import { FOOTER, pageSetup, S, widths } from './styles';

/** "Theo đơn vị": per lead office, how far its sub-criteria are and what is at risk. */

export const OFFICE_SHEET = 'Theo đơn vị';
export const OFFICE_HEADER_ROW = 3;
export const OFFICE_HEADERS = [
  'STT',
  'Đơn vị chủ trì',
  'Tiêu chí được giao',
  'Hoàn thành',
  'Chưa bắt đầu',
  'Không chấm',
  'Lỗi',
  'Cảnh báo',
  'Tỷ lệ hoàn thành (%)',
  'Điểm có nguy cơ bị trừ',
] as const;
const WIDTHS = [6, 40, 11, 11, 11, 11, 8, 10, 12, 13];

export function writeOfficeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: ExportPlan,
  w: WorkbookContext,
): number {
  const last = String.fromCharCode(64 + WIDTHS.length);
  const ws = wb.addWorksheet(OFFICE_SHEET, {
    pageSetup: pageSetup(`${OFFICE_HEADER_ROW}:${OFFICE_HEADER_ROW}`),
    headerFooter: FOOTER,
    views: [
      { state: 'frozen', ySplit: OFFICE_HEADER_ROW, topLeftCell: `A${OFFICE_HEADER_ROW + 1}` },
    ],
  });
  widths(ws, WIDTHS);
  const r1 = ws.getRow(1);
  r1.getCell(1).value =
    `TIẾN ĐỘ THEO ĐƠN VỊ CHỦ TRÌ (toàn bộ kỳ đánh giá năm ${plan.assessment.year})`;
  r1.getCell(1).style = S.titleBold;
  r1.height = 22;
  ws.mergeCells(`A1:${last}1`);
  r1.commit();
  const head = ws.getRow(OFFICE_HEADER_ROW);
  OFFICE_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).style = S.header;
  });
  head.height = 32;
  head.commit();

  let r = OFFICE_HEADER_ROW + 1;
  const line = (
    label: string | number | null,
    name: string,
    g: (typeof plan.check.byOffice)[number] | typeof plan.check.summary,
    bold: boolean,
  ) => {
    const row = ws.getRow(r++);
    const values = [
      label,
      name,
      g.leaves,
      g.complete,
      g.notStarted,
      g.notApplicable,
      g.errors,
      g.warnings,
      g.percent,
      toNumber(g.pointsAtRisk),
    ];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = i === 1 ? (bold ? S.textBold : S.text) : bold ? S.centerBold : S.center;
    });
    row.commit();
  };
  plan.check.byOffice.forEach((o, i) => line(i + 1, o.name, o, false));
  line(null, 'TỔNG CỘNG', plan.check.summary, true);
  w.tick(plan.check.byOffice.length + 1);
  ws.commit();
  return plan.check.byOffice.length;
}
