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
  type ImportProblemKind,
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

/**
 * Reads a criteria table and shows what it found; refuses (CoreError) when the table cannot be
 * read as it stands. See inspectCriteriaTable for the lenient reading the preview screen uses.
 */
export async function previewCriteriaTable(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  const p = await inspectCriteriaTable(bytes, fileName, options);
  if (p.problem) throw new CoreError('INVALID_INPUT', p.problem.message);
  return p;
}

/** The first row near the top with two or more cells: where a header most likely is. */
function guessHeaderRow(grid: Grid): number {
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const own = (grid.rows[r] ?? []).filter((c) => c && !c.merged && c.text !== '').length;
    if (own >= 2) return r;
  }
  return 0;
}

/** Columns a person may pick from: every column of the sheet (capped), with its header text. */
const MAX_PICK_COLUMNS = 60;

/**
 * Like previewCriteriaTable, but a table whose layout is not understood (no header row, no
 * content or points column, nothing under the header) comes back with `problem` set and with
 * the sheets, header row and columns seen, so the person can choose them and read again.
 * A file that is not a readable table at all still throws.
 */
export async function inspectCriteriaTable(
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
  const sheetWord = format === 'xlsx' ? 'trang tính' : 'bảng';

  const surveys = grids.map(surveyGrid);
  let idx: number;
  if (options.sheet !== undefined) {
    const wanted = nfc(options.sheet).trim();
    idx = grids.findIndex((g) => nfc(g.name).trim() === wanted);
    if (idx < 0) {
      throw new CoreError(
        'INVALID_INPUT',
        `Tệp “${file}” không có ${sheetWord} “${options.sheet}”. Có: ${grids.map((g) => `“${g.name}”`).join(', ')}.`,
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
  const sheets = grids.map((g, i) => ({
    name: g.name,
    rows: surveys[i]?.rows ?? 0,
    likely: surveys[i]?.likely ?? false,
  }));

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
  // No header found: read the likeliest row as one, so columns can still be chosen by hand.
  const detected = header !== null;
  header ??= headerAt(grid, guessHeaderRow(grid));

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
  const mapped = new Set(header.fields.values());
  const h = header;
  const layout = {
    format,
    sheets,
    sheet: grid.name,
    headerRow: headerRowNo,
    headerRows: header.rows,
    columns: [...header.fields]
      .sort((a, b) => a[1] - b[1])
      .map(([field, c]) => ({ field, column: colLetter(c), header: h.texts[c] ?? '' })),
  };
  const failed = (kind: ImportProblemKind, message: string): ImportPreview => ({
    ...layout,
    // Every column, headed or not, so the missing one can be picked.
    unmappedHeaders: Array.from(
      { length: Math.min(Math.max(grid.width, h.texts.length), MAX_PICK_COLUMNS) },
      (_, c) => c,
    ).flatMap((c) => (mapped.has(c) ? [] : [{ column: colLetter(c), header: h.texts[c] ?? '' }])),
    nodes: [],
    stats: { nodes: 0, leaves: 0, maxPoints: 0 },
    warnings: [],
    problem: { kind, message },
  });

  const found = [...header.fields].map(
    ([f, c]) => `${colLetter(c)} “${h.texts[c] ?? ''}” (${FIELD_LABEL[f]})`,
  );
  if (!detected && !header.fields.has('title')) {
    const tried =
      options.sheet === undefined && grids.length > 1
        ? ` (đã xem: ${grids.map((g) => `“${g.name}”`).join(', ')})`
        : '';
    return failed(
      'header',
      `Không tìm thấy dòng tiêu đề cột (STT, Nội dung/Tiêu chí, Điểm tối đa…) trong ${HEADER_SCAN_ROWS} dòng đầu của ${place}${tried}. Hãy kiểm tra lại tệp hoặc chỉ rõ dòng tiêu đề.`,
    );
  }
  if (!header.fields.has('title')) {
    return failed(
      'title',
      `${cap(place)}, dòng tiêu đề ${headerRowNo}: không tìm thấy cột nội dung tiêu chí (Lĩnh vực/Tiêu chí/Nội dung).${found.length ? ` Đã nhận ra: ${found.join('; ')}.` : ''} Hãy chọn cột nội dung.`,
    );
  }
  const taskTable = header.fields.has('task');
  if (!header.fields.has('maxPoints') && !taskTable && options.mapping?.maxPoints !== null) {
    return failed(
      'maxPoints',
      `${cap(place)}, dòng tiêu đề ${headerRowNo}: không tìm thấy cột điểm tối đa (Điểm tối đa/Điểm chuẩn/Thang điểm). Hãy chọn cột điểm, hoặc chọn “không dùng” nếu bảng không chấm điểm (PAPI, DDCI…).`,
    );
  }

  const dataRows = countDataRows(grid, header);
  if (dataRows > MAX_DATA_ROWS) {
    throw new CoreError(
      'TOO_LARGE',
      `${cap(place)} có ${formatCount(dataRows)} dòng dữ liệu, vượt giới hạn ${formatCount(MAX_DATA_ROWS)} dòng của một bộ tiêu chí. Hãy kiểm tra đã chọn đúng ${sheetWord} chứa bảng tiêu chí.`,
    );
  }

  const warnings: ImportWarning[] = [];
  const { records, totals } = extractRecords(grid, header, warnings);
  const roots = buildTree(records);
  if (roots.length === 0) {
    return failed(
      'empty',
      `${cap(place)} không có tiêu chí nào dưới dòng tiêu đề (dòng ${headerRowNo}). Hãy kiểm tra lại bảng.`,
    );
  }
  const uncoded = records.filter((r) => !r.code);
  if (uncoded.length > 0) {
    const ref = uncoded[0]?.refs.code ?? uncoded[0]?.refs.title;
    warnings.push({
      ...(ref ? { cell: ref } : {}),
      message:
        uncoded.length === records.length
          ? 'Bảng không ghi mã (STT) cho tiêu chí: cấp của từng dòng được suy ra từ định dạng (in đậm, chữ hoa, thụt lề), hãy kiểm tra lại.'
          : `${uncoded.length} dòng không có mã (STT), dòng đầu tiên là dòng ${uncoded[0]?.row ?? ''}: đã xếp cấp theo định dạng và vị trí, hãy kiểm tra lại.`,
    });
  }
  const settled = settle(roots, warnings, new Set(header.fields.keys()));
  validate(roots, settled, totals, warnings);
  const nodes = toNodes(roots, settled);

  let count = 0;
  let leaves = 0;
  walk(roots, (d) => {
    count++;
    if (d.children.length === 0) leaves++;
  });
  return {
    ...layout,
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
