import type ExcelJS from 'exceljs';
import type { Problem, Severity } from '../../../../shared/completeness';
import type { ExportPlan } from '../plan';
import type { WorkbookContext } from './context';
import { FOOTER, pageSetup, S, widths } from './styles';

/** "Kiểm tra": the completeness problems of the exported part, worst first within tree order. */

export const CHECK_SHEET = 'Kiểm tra';
export const CHECK_HEADER_ROW = 4;
export const CHECK_HEADERS = ['STT', 'Mức độ', 'Mã tiêu chí', 'Nội dung', 'Quy tắc'] as const;
const WIDTHS = [6, 11, 11, 100, 26];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Lưu ý',
};

/**
 * Problems about the exported nodes; problems about documents as such (unlinked, scanned,
 * linked too often) when the whole tree is exported, else only about documents it includes.
 */
export function problemsOf(plan: ExportPlan): Problem[] {
  const nodes = new Set(plan.nodes.map((n) => n.id));
  const whole = plan.nodes.length === plan.check.nodeStatus.size;
  return plan.check.problems.filter((p) =>
    p.nodeId !== null
      ? nodes.has(p.nodeId)
      : whole || p.documentId === undefined || plan.documents.has(p.documentId),
  );
}

/** An in-workbook link as a formula: the streaming writer can only write external links. */
export function jumpFormula(sheet: string, row: number, text: string): string {
  const q = (s: string) => s.replace(/"/g, '""');
  return `HYPERLINK("#'${q(sheet.replace(/'/g, "''"))}'!A${row}","${q(text)}")`;
}

export function writeCheckSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: ExportPlan,
  w: WorkbookContext,
  scoreRows: { sheet: string; rowOf: Map<number, number> },
): number {
  const problems = problemsOf(plan);
  const last = String.fromCharCode(64 + WIDTHS.length);
  const ws = wb.addWorksheet(CHECK_SHEET, {
    pageSetup: pageSetup(`${CHECK_HEADER_ROW}:${CHECK_HEADER_ROW}`),
    headerFooter: FOOTER,
    views: [{ state: 'frozen', ySplit: CHECK_HEADER_ROW, topLeftCell: `A${CHECK_HEADER_ROW + 1}` }],
  });
  ws.autoFilter = `A${CHECK_HEADER_ROW}:${last}${CHECK_HEADER_ROW}`;
  widths(ws, WIDTHS);
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;

  const r1 = ws.getRow(1);
  r1.getCell(1).value =
    `KẾT QUẢ KIỂM TRA HỒ SƠ TRƯỚC KHI GỬI (${plan.assessment.frameworkName}, năm ${plan.assessment.year})`;
  r1.getCell(1).style = S.titleBold;
  r1.height = 22;
  ws.mergeCells(`A1:${last}1`);
  r1.commit();
  const r2 = ws.getRow(2);
  r2.getCell(1).value =
    problems.length === 0
      ? 'Không phát hiện vấn đề nào.'
      : `Lỗi: ${count('error')} (cần sửa, nếu không sẽ bị trừ điểm) · Cảnh báo: ${count('warning')} (nên xem lại) · Lưu ý: ${count('info')}`;
  r2.getCell(1).style = S.plainItalic;
  ws.mergeCells(`A2:${last}2`);
  r2.commit();
  const head = ws.getRow(CHECK_HEADER_ROW);
  CHECK_HEADERS.forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).style = S.header;
  });
  head.commit();

  let r = CHECK_HEADER_ROW + 1;
  problems.forEach((p, i) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = i + 1;
    row.getCell(1).style = S.center;
    row.getCell(2).value = SEVERITY_LABEL[p.severity];
    row.getCell(2).style =
      p.severity === 'error' ? S.error : p.severity === 'warning' ? S.warning : S.info;
    const target = p.nodeId === null ? undefined : scoreRows.rowOf.get(p.nodeId);
    if (p.code && target !== undefined) {
      row.getCell(3).value = {
        formula: jumpFormula(scoreRows.sheet, target, p.code),
        result: p.code,
      };
      row.getCell(3).style = S.linkCenter;
    } else {
      row.getCell(3).value = p.code;
      row.getCell(3).style = S.code;
    }
    row.getCell(4).value = p.message;
    row.getCell(4).style = S.text;
    row.getCell(5).value = p.rule;
    row.getCell(5).style = S.mono;
    row.commit();
  });
  w.tick(problems.length);
  ws.commit();
  return problems.length;
}
