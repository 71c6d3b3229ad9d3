import ExcelJS from 'exceljs';
import { z } from 'zod';
import { FrameworkNode, type NodeKind, type ScoringOption } from '../../../../shared/framework';
import { formatPoints, pointsFromNumber } from '../../../../shared/points';
import { cleanText } from '../../../../shared/text';
import { CoreError } from '../../errors';
import { colLetter } from './cells';
import { extractScoringOptions, OPTIONS_MARKER, optionLine } from './guide';
import type { ImportField } from './types';

/** The layout previewCriteriaTable reads back: one header row, these headers, this order. */
const COLUMNS: { field: ImportField; header: string; width: number }[] = [
  { field: 'code', header: 'STT', width: 8 },
  { field: 'title', header: 'Nội dung', width: 50 },
  { field: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { field: 'scoringGuide', header: 'Hướng dẫn chấm', width: 50 },
  { field: 'evidenceGuide', header: 'Tài liệu kiểm chứng', width: 40 },
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

function sameOptions(a: ScoringOption[], b: ScoringOption[]): boolean {
  return (
    a.length === b.length &&
    a.every((o, i) => o.label === b[i]?.label && toH(o.points) === toH(b[i]?.points ?? NaN))
  );
}

/** Options travel inside the guide, in the "label: n điểm" form the importer proposes from. */
function guideCell(n: FrameworkNode): string {
  const guide = n.scoringGuide ?? '';
  const options = n.scoringOptions ?? [];
  if (options.length === 0 || sameOptions(extractScoringOptions(guide), options)) return guide;
  const lines = options.map((o) => optionLine(o, formatPoints(toH(o.points))));
  return [guide, OPTIONS_MARKER, ...lines].filter((l) => l !== '').join('\n');
}

function kindCell(n: FrameworkNode): string {
  return `${KIND_CELL[n.kind ?? 'self']}${n.mayBeNotApplicable ? '; có thể không chấm' : ''}`;
}

function values(n: FrameworkNode): Record<ImportField, string | number | null> {
  return {
    code: n.code,
    title: n.title,
    maxPoints: n.maxPoints ?? null,
    scoringGuide: guideCell(n),
    evidenceGuide: n.evidenceGuide ?? '',
    leadOffice: n.leadOffice ?? '',
    coopOffices: (n.coopOffices ?? []).join('; '),
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
      for (const p of [n.maxPoints, ...(n.scoringOptions ?? []).map((o) => o.points)]) {
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
