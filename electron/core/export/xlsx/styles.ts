import type ExcelJS from 'exceljs';

/**
 * Cell styles of the workbook: Times New Roman, thin borders, wrapped text. Presets are shared
 * objects assigned whole (`cell.style = …`) and never mutated, so the style table stays small
 * and the streaming writer does not build a new style per cell.
 */

export const FONT = 'Times New Roman';
export const BODY_SIZE = 12;

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Points: General shows "9,5" in a Vietnamese Excel and "9.5" in an English one, "10" without a
 * trailing separator (which "0.##" would print as "10.").
 */
export const POINTS_FMT = 'General';
export const INDEX_FMT = '0.00';
export const DATE_FMT = 'dd/mm/yyyy';

type Style = Partial<ExcelJS.Style>;

function style(opts: {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  h?: ExcelJS.Alignment['horizontal'];
  v?: ExcelJS.Alignment['vertical'];
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  numFmt?: string;
  link?: boolean;
  fill?: string;
  color?: string;
}): Style {
  const s: Style = {
    font: {
      name: FONT,
      size: opts.size ?? BODY_SIZE,
      ...(opts.bold ? { bold: true } : {}),
      ...(opts.italic ? { italic: true } : {}),
      ...(opts.link ? { underline: true, color: { argb: 'FF0563C1' } } : {}),
      ...(opts.color ? { color: { argb: opts.color } } : {}),
    },
    alignment: {
      vertical: opts.v ?? 'top',
      ...(opts.h ? { horizontal: opts.h } : {}),
      ...(opts.wrap === false ? {} : { wrapText: true }),
      ...(opts.indent ? { indent: opts.indent } : {}),
    },
  };
  if (opts.border !== false) s.border = BORDER;
  if (opts.numFmt) s.numFmt = opts.numFmt;
  if (opts.fill) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: opts.fill } };
  return s;
}

const cache = new Map<string, Style>();
/** One shared preset per combination. */
export function preset(opts: Parameters<typeof style>[0]): Style {
  const key = JSON.stringify(opts);
  let s = cache.get(key);
  if (!s) {
    s = style(opts);
    cache.set(key, s);
  }
  return s;
}

export const S = {
  header: preset({ bold: true, h: 'center', v: 'middle', fill: 'FFD9E1F2' }),
  text: preset({}),
  textBold: preset({ bold: true }),
  center: preset({ h: 'center' }),
  centerBold: preset({ bold: true, h: 'center' }),
  code: preset({ h: 'center', numFmt: '@' }),
  codeBold: preset({ bold: true, h: 'center', numFmt: '@' }),
  points: preset({ h: 'center', numFmt: POINTS_FMT }),
  pointsBold: preset({ bold: true, h: 'center', numFmt: POINTS_FMT }),
  index: preset({ h: 'center', numFmt: INDEX_FMT }),
  indexBold: preset({ bold: true, h: 'center', numFmt: INDEX_FMT }),
  date: preset({ h: 'center', numFmt: DATE_FMT }),
  link: preset({ link: true }),
  linkCenter: preset({ link: true, h: 'center' }),
  mono: preset({ size: 9, wrap: false }),
  error: preset({ bold: true, color: 'FFC00000' }),
  warning: preset({ bold: true, color: 'FFB45F06' }),
  info: preset({ color: 'FF1F4E79' }),
  // The title block has no borders.
  plainCenter: preset({ h: 'center', v: 'middle', border: false }),
  plainCenterBold: preset({ bold: true, h: 'center', v: 'middle', border: false }),
  titleBold: preset({ bold: true, size: 14, h: 'center', v: 'middle', border: false }),
  plainItalic: preset({ italic: true, border: false, h: 'center' }),
  plainItalicRight: preset({ italic: true, border: false, h: 'right' }),
  plainLeftItalic: preset({ italic: true, border: false }),
  plainLeftBoldItalic: preset({ bold: true, italic: true, border: false }),
  plain: preset({ border: false }),
} as const;

/** Title rows indented by depth: areas flush left, each level one step in. */
export function titleStyle(depth: number, bold: boolean): Style {
  return preset({ bold, indent: Math.min(depth, 15) });
}

const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * The print scale that makes columns of these widths one A4 landscape page wide: Excel draws a
 * column of width w (in characters of the default 11 pt font, 7 px each) as 7w + 5 px at 96 px
 * per inch.
 */
export function scaleToWidth(widths: readonly number[]): number {
  const px = widths.reduce((s, w) => s + w * 7 + 5, 0);
  const printable = (297 / 25.4 - MARGINS.left - MARGINS.right) * 96;
  return Math.max(10, Math.min(100, Math.floor((printable / px) * 100)));
}

/**
 * A4 landscape, one page wide, the header row repeated on every printed page. With `widths`
 * the page is scaled rather than "fit to page": exceljs writes <pageSetUpPr> before
 * <outlinePr>, which Excel rejects as damaged (exceljs issue #1348), so a sheet with outline
 * properties must not ask for fit-to-page.
 */
export function pageSetup(
  titleRows: string | null,
  widths?: readonly number[],
): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    ...(widths
      ? { fitToPage: false, scale: scaleToWidth(widths) }
      : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
    margins: MARGINS,
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

export const FOOTER = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };

/**
 * Sets a row's outline level. exceljs marks every row at the deepest level "collapsed", which
 * Excel reads as "the group below this row is folded": our groups are open, so it is cleared.
 */
export function setOutline(row: ExcelJS.Row, level: number): void {
  row.outlineLevel = level;
  Object.defineProperty(row, 'collapsed', { value: false, configurable: true });
}

/** exceljs leaves out columns of width 9 (its default), which Excel then shows at 8.43. */
export function widths(ws: ExcelJS.Worksheet, list: readonly number[]): void {
  ws.columns = list.map((w) => ({ width: w === 9 ? 9.01 : w }));
}
