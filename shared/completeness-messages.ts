import { formatDateVi } from './dates';
import { formatPoints, type Hundredths } from './points';
import type { CheckDocument, CheckFileKind } from './check-model';

/**
 * Wording of the completeness check. Messages name the node by code and a short title and the
 * document by its number (what appraisers cite) or else its title; points use a comma and
 * dates dd/mm/yyyy, as in the province's own tables.
 */

const SHORT_TITLE = 60;

const LOOSE_SPACE = /\s\s|[\t\n\r]/;

/**
 * Trims and collapses inner runs of whitespace. Text reaching the check is already NFC (it is
 * normalised on the way in), and this runs for thousands of labels, so no normalize() here.
 */
function tidy(s: string): string {
  const t = s.trim();
  return LOOSE_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

export function shortTitle(title: string, limit = SHORT_TITLE): string {
  const t = tidy(title);
  if (t.length <= limit) return t;
  const cut = t.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** `1.2.3 “Ban hành kế hoạch CCHC năm”` — the code alone is ambiguous for "a)" or "-". */
export function nodeLabel(code: string, title: string): string {
  const c = tidy(code);
  const t = shortTitle(title);
  return c ? `${c} “${t}”` : `“${t}”`;
}

/** `số 154/KH-UBND` or `“anh-chup-cong.png”`. */
export function documentLabel(doc: Pick<CheckDocument, 'number' | 'title'>): string {
  const num = doc.number ? tidy(doc.number) : '';
  return num ? `số ${num}` : `“${shortTitle(doc.title)}”`;
}

export const points = (h: Hundredths): string => `${formatPoints(h)} điểm`;

export const date = (iso: string): string => formatDateVi(iso);

const KIND_NAME: Record<CheckFileKind, string> = {
  pdf: 'PDF',
  png: 'ảnh PNG',
  jpeg: 'ảnh JPEG',
  docx: 'Word',
  doc: 'Word',
  odt: 'văn bản ODT',
  xlsx: 'Excel',
  xls: 'Excel',
  ods: 'bảng tính ODS',
};

export const fileKindName = (k: CheckFileKind): string => KIND_NAME[k];

const MB = 1024 * 1024;

/** 26_500_000 → "25,3 MB"; under 1 MB in KB. One decimal is what people read. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${formatPoints(Math.max(1, Math.round(bytes / 1024)) * 100)} KB`;
  return `${formatPoints(Math.round((bytes * 10) / MB) * 10)} MB`;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "số, ký hiệu; ngày ban hành và trích yếu" */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('; ')} và ${items[items.length - 1]}`;
}
