import ExcelJS from 'exceljs';
import { z } from 'zod';
import { FrameworkNode, type NodeKind } from '../../../../shared/framework';
import { formatPoints, pointsFromNumber } from '../../../../shared/points';
import { cleanText } from '../../../../shared/text';
import { CoreError } from '../../errors';
import { colLetter } from './cells';
import { optionLine } from './guide';
import { slotsCell } from './slots';
import type { ImportField } from './types';

/** The layout previewCriteriaTable reads back: one header row, these headers, this order. */
const COLUMNS: { field: ImportField; header: string; width: number }[] = [
  { field: 'code', header: 'STT', width: 8 },
  { field: 'title', header: 'Nội dung', width: 50 },
  { field: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { field: 'scoringGuide', header: 'Hướng dẫn chấm', width: 50 },
  { field: 'scoringOptions', header: 'Phương án chấm', width: 30 },
  { field: 'step', header: 'Bước chấm', width: 9 },
  { field: 'evidenceGuide', header: 'Tài liệu kiểm chứng', width: 40 },
  { field: 'evidenceSlots', header: 'Tài liệu bắt buộc', width: 30 },
  { field: 'leadOffice', header: 'Đơn vị chủ trì', width: 22 },
  { field: 'coopOffices', header: 'Đơn vị phối hợp', width: 22 },
  { field: 'task', header: 'Nhiệm vụ', width: 35 },
  { field: 'target', header: 'Chỉ tiêu', width: 22 },
  { field: 'deadline', header: 'Thời gian', width: 14 },
  { field: 'note', header: 'Ghi chú', width: 20 },
  { field: 'kind', header: 'Loại', width: 16 },
];

const KIND_CELL: Record<NodeKind, string> = {
  self: 'Tự đánh giá',
  survey: 'Điều tra XHH',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
};

const toH = (p: number) => Math.round(p * 100);

/** Options get their own column ("- label: n điểm" lines), so the guide travels unchanged. */
function optionsCell(n: FrameworkNode): string {
  return (n.scoringOptions ?? []).map((o) => optionLine(o, formatPoints(toH(o.points)))).join('\n');
}

/** "A; B" — a lone name with a comma gets a closing ";" so it is not split on the comma. */
function coopCell(offices: readonly string[]): string {
  const cell = offices.join('; ');
  return offices.length === 1 && cell.includes(',') ? `${cell};` : cell;
}

function kindCell(n: FrameworkNode): string {
  return `${KIND_CELL[n.kind ?? 'self']}${n.mayBeNotApplicable ? '; có thể không chấm' : ''}`;
}

function values(n: FrameworkNode): Record<ImportField, string | number | null> {
  return {
    code: n.code,
    title: n.title,
    maxPoints: n.maxPoints ?? null,
    scoringGuide: n.scoringGuide ?? '',
    scoringOptions: optionsCell(n),
    step: n.step ?? null,
    evidenceGuide: n.evidenceGuide ?? '',
    evidenceSlots: slotsCell(n.evidenceSlots ?? []),
    leadOffice: n.leadOffice ?? '',
    coopOffices: coopCell(n.coopOffices ?? []),
    task: n.task ?? '',
    target: n.target ?? '',
    deadline: n.deadline ?? '',
    note: n.note ?? '',
    kind: kindCell(n),
  };
}

export async function exportCriteriaTable(
  title: string,
  nodes: FrameworkNode[],
): Promise<Uint8Array> {
  const parsed = z.array(FrameworkNode).safeParse(nodes);
  if (!parsed.success) {
    throw new CoreError(
      'INVALID_INPUT',
      'Cây tiêu chí không hợp lệ (có tiêu chí thiếu tên hoặc điểm không phải số).',
    );
  }
  const check = (ns: FrameworkNode[]) => {
    for (const n of ns) {
      for (const p of [n.maxPoints, n.step, ...(n.scoringOptions ?? []).map((o) => o.points)]) {
        if (p == null) continue;
        try {
          pointsFromNumber(p);
        } catch {
          throw new CoreError(
            'INVALID_INPUT',
            `Tiêu chí ${n.code || `“${n.title}”`}: điểm ${p} có quá 2 chữ số thập phân, không xuất được.`,
          );
        }
      }
      check(n.children ?? []);
    }
  };
  check(parsed.data);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hồ sơ kiểm chứng';
  const ws = wb.addWorksheet('Bộ tiêu chí', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = colLetter(COLUMNS.length - 1);
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };

  ws.getCell('A1').value = cleanText(title) || 'BỘ TIÊU CHÍ';
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;

  const head = ws.getRow(3);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });

  let r = 4;
  const write = (n: FrameworkNode, depth: number) => {
    const v = values(n);
    const row = ws.getRow(r++);
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = v[c.field];
      if (value !== null && value !== '') cell.value = value;
      cell.border = border;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        ...(c.field === 'title' && depth > 0 ? { indent: depth } : {}),
      };
      if (c.field === 'code') cell.numFmt = '@';
      // Areas bold; depth is carried by indentation, which the importer reads for uncoded rows.
      if (depth === 0 && (c.field === 'code' || c.field === 'title' || c.field === 'maxPoints'))
        cell.font = { bold: true };
    });
    for (const child of n.children ?? []) write(child, depth + 1);
  };
  for (const n of parsed.data) write(n, 0);

  const total = parsed.data.reduce(
    (s, n) => (n.kind === 'bonus' || n.kind === 'penalty' ? s : s + toH(n.maxPoints ?? 0)),
    0,
  );
  if (parsed.data.some((n) => n.maxPoints != null)) {
    const row = ws.getRow(r);
    row.getCell(2).value = 'TỔNG CỘNG';
    row.getCell(3).value = total / 100;
    row.font = { bold: true };
    COLUMNS.forEach((_, i) => (row.getCell(i + 1).border = border));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
