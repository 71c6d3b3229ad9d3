import { IMPORT_FIELD_LABEL } from '../../../../shared/contract/criteria-import';
import { CoreError } from '../../errors';
import { nfc } from '../../../../shared/text';
import { colIndex, colLetter, formatCount } from './cells';
import { readDocxGrids } from './docx-grid';
import { HEADER_SCAN_ROWS, headerAt, type HeaderInfo } from './headers';
import { settle, toNodes } from './nodes';
import { countDataRows, extractRecords } from './rows';
import { joinContinuations, pickGrid, surveyGrid } from './sheets';
import { sniff } from './sniff';
import { buildTree, walk } from './tree';
import {
  IMPORT_FIELDS,
  type Grid,
  type ImportField,
  type ImportOptions,
  type ImportPreview,
  type ImportWarning,
} from './types';
import { topTotal, validate } from './validate';
import { readXlsxGrids } from './xlsx-grid';

export const MAX_DATA_ROWS = 5000;
const MAX_DOCUMENT_XML = 100 * 1024 * 1024;

export const FIELD_LABEL: Record<ImportField, string> = IMPORT_FIELD_LABEL;

function checkOptions(o: ImportOptions): void {
  if (typeof o !== 'object' || o === null)
    throw new CoreError('INVALID_INPUT', 'Tùy chọn nhập không hợp lệ.');
  if (o.sheet !== undefined && typeof o.sheet !== 'string') {
    throw new CoreError('INVALID_INPUT', 'Tên trang tính không hợp lệ.');
  }
  if (o.headerRow !== undefined && (!Number.isInteger(o.headerRow) || o.headerRow < 1)) {
    throw new CoreError(
      'INVALID_INPUT',
      `Dòng tiêu đề “${String(o.headerRow)}” không hợp lệ (cần số dòng từ 1).`,
    );
  }
  for (const [f, v] of Object.entries(o.mapping ?? {})) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(f)) {
      throw new CoreError('INVALID_INPUT', `Trường “${f}” không có trong bảng tiêu chí.`);
    }
    if (v !== null && v !== undefined && (typeof v !== 'string' || colIndex(v) === null)) {
      throw new CoreError(
        'INVALID_INPUT',
        `Cột “${String(v)}” chọn cho ${FIELD_LABEL[f as ImportField]} không hợp lệ (cần chữ cái cột như A, B, C).`,
      );
    }
  }
}

function where(format: 'xlsx' | 'docx', name: string): string {
  return format === 'xlsx' ? `trang “${name}”` : `bảng “${name}”`;
}

export async function previewCriteriaTable(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  checkOptions(options);
  const file = fileName.trim() || 'đã chọn';
  const { format, zip } = await sniff(bytes, file);
  let grids: Grid[];
  try {
    if (format === 'xlsx') grids = await readXlsxGrids(bytes, file);
    else
      grids = readDocxGrids(
        (await zip.read('word/document.xml', MAX_DOCUMENT_XML)).toString('utf8'),
        file,
      );
  } finally {
    zip.close();
  }
  if (grids.length === 0) {
    throw new CoreError(
      'INVALID_INPUT',
      format === 'xlsx'
        ? `Tệp “${file}” không có trang tính nào.`
        : `Văn bản “${file}” không có bảng nào. Bảng tiêu chí cần được trình bày dạng bảng trong Word.`,
    );
  }

  const surveys = grids.map(surveyGrid);
  let idx: number;
  if (options.sheet !== undefined) {
    const wanted = nfc(options.sheet).trim();
    idx = grids.findIndex((g) => nfc(g.name).trim() === wanted);
    if (idx < 0) {
      throw new CoreError(
        'INVALID_INPUT',
        `Tệp “${file}” không có ${format === 'xlsx' ? 'trang tính' : 'bảng'} “${options.sheet}”. Có: ${grids.map((g) => `“${g.name}”`).join(', ')}.`,
      );
    }
  } else idx = pickGrid(grids, surveys);
  if (format === 'docx') {
    const joined = joinContinuations(grids, surveys, idx, options.sheet === undefined);
    idx = joined.index;
    grids = grids.map((g, i) => (i === idx ? joined.grid : g));
  }
  const grid = grids[idx] as Grid;
  const place = where(format, grid.name);

  let header: HeaderInfo | null;
  if (options.headerRow !== undefined) {
    if (options.headerRow > grid.rows.length) {
      throw new CoreError(
        'INVALID_INPUT',
        `Dòng tiêu đề ${options.headerRow} nằm ngoài ${place} (chỉ có ${formatCount(grid.rows.length)} dòng).`,
      );
    }
    header = headerAt(grid, options.headerRow - 1);
  } else header = surveys[idx]?.header ?? null;
  if (!header) {
    const tried =
      options.sheet === undefined && grids.length > 1
        ? ` (đã xem: ${grids.map((g) => `“${g.name}”`).join(', ')})`
        : '';
    throw new CoreError(
      'INVALID_INPUT',
      `Không tìm thấy dòng tiêu đề cột (STT, Nội dung/Tiêu chí, Điểm tối đa…) trong ${HEADER_SCAN_ROWS} dòng đầu của ${place}${tried}. Hãy kiểm tra lại tệp hoặc chỉ rõ dòng tiêu đề.`,
    );
  }

  for (const [f, v] of Object.entries(options.mapping ?? {}) as [
    ImportField,
    string | null | undefined,
  ][]) {
    if (v === undefined) continue;
    if (v === null) {
      header.fields.delete(f);
      continue;
    }
    const c = colIndex(v) as number;
    for (const [other, oc] of header.fields)
      if (oc === c && other !== f) header.fields.delete(other);
    header.fields.set(f, c);
  }

  const headerRowNo = header.row + 1;
  const found = [...header.fields].map(
    ([f, c]) => `${colLetter(c)} “${header.texts[c] ?? ''}” (${FIELD_LABEL[f]})`,
  );
  if (!header.fields.has('title')) {
    throw new CoreError(
      'INVALID_INPUT',
      `${cap(place)}, dòng tiêu đề ${headerRowNo}: không tìm thấy cột nội dung tiêu chí (Lĩnh vực/Tiêu chí/Nội dung).${found.length ? ` Đã nhận ra: ${found.join('; ')}.` : ''} Hãy chọn cột nội dung.`,
    );
  }
  const taskTable = header.fields.has('task');
  if (!header.fields.has('maxPoints') && !taskTable && options.mapping?.maxPoints !== null) {
    throw new CoreError(
      'INVALID_INPUT',
      `${cap(place)}, dòng tiêu đề ${headerRowNo}: không tìm thấy cột điểm tối đa (Điểm tối đa/Điểm chuẩn/Thang điểm). Nếu đây là bảng nhiệm vụ không chấm điểm (PAPI, DDCI…), bảng cần có cột “Nhiệm vụ”.`,
    );
  }

  const dataRows = countDataRows(grid, header);
  if (dataRows > MAX_DATA_ROWS) {
    throw new CoreError(
      'TOO_LARGE',
      `${cap(place)} có ${formatCount(dataRows)} dòng dữ liệu, vượt giới hạn ${formatCount(MAX_DATA_ROWS)} dòng của một bộ tiêu chí. Hãy kiểm tra đã chọn đúng trang tính chứa bảng tiêu chí.`,
    );
  }

  const warnings: ImportWarning[] = [];
  const { records, totals } = extractRecords(grid, header, warnings);
  const roots = buildTree(records);
  if (roots.length === 0) {
    throw new CoreError(
      'INVALID_INPUT',
      `${cap(place)} không có tiêu chí nào dưới dòng tiêu đề (dòng ${headerRowNo}). Hãy kiểm tra lại bảng.`,
    );
  }
  const uncoded = records.filter((r) => !r.code).length;
  if (uncoded > 0) {
    warnings.push({
      message:
        uncoded === records.length
          ? 'Bảng không ghi mã (STT) cho tiêu chí: cấp của từng dòng được suy ra từ định dạng (in đậm, chữ hoa, thụt lề), hãy kiểm tra lại.'
          : `${uncoded} dòng không có mã (STT): đã xếp cấp theo định dạng và vị trí, hãy kiểm tra lại.`,
    });
  }
  const settled = settle(roots, warnings);
  validate(roots, settled, totals, warnings);
  const nodes = toNodes(roots, settled);

  let count = 0;
  let leaves = 0;
  walk(roots, (d) => {
    count++;
    if (d.children.length === 0) leaves++;
  });
  const mapped = new Set(header.fields.values());
  return {
    format,
    sheets: grids.map((g, i) => ({
      name: g.name,
      rows: surveys[i]?.rows ?? 0,
      likely: surveys[i]?.likely ?? false,
    })),
    sheet: grid.name,
    headerRow: headerRowNo,
    headerRows: header.rows,
    columns: [...header.fields]
      .sort((a, b) => a[1] - b[1])
      .map(([field, c]) => ({ field, column: colLetter(c), header: header.texts[c] ?? '' })),
    unmappedHeaders: header.texts.flatMap((t, c) =>
      t && !mapped.has(c) ? [{ column: colLetter(c), header: t }] : [],
    ),
    nodes,
    stats: { nodes: count, leaves, maxPoints: topTotal(roots, settled) / 100 },
    warnings,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
