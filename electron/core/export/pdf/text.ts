/**
 * The dossier's wording, in one place: how a document, a page reference, a stamp, the date
 * line and the file names read. Pure functions, used on both sides of the worker boundary.
 */
import { formatDateVi } from '../../../../shared/dates';
import { formatPoints } from '../../../../shared/points';
import type { DocSpec, PagePos } from './model';

/**
 * Text as drawn: NFC (pdf-lib places combining marks wrongly, so "Thắng" in NFD would render
 * badly), no control characters, single spaces.
 */
export function vi(s: string | null | undefined): string {
  if (!s) return '';
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    // Control characters, zero-width marks and line separators read as a space.
    const invisible =
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff;
    out += invisible ? ' ' : ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Keeps paragraph breaks (giải trình written on several lines). */
export function viParagraphs(s: string | null | undefined): string[] {
  if (!s) return [];
  return s
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((p) => vi(p))
    .filter((p) => p !== '');
}

export function upperVi(s: string): string {
  return vi(s).toLocaleUpperCase('vi');
}

export const points = (h: number | null | undefined): string => (h == null ? '' : formatPoints(h));

/**
 * How a document is named in the stamp: its number, else its (Vietnamese) subject as the
 * bookmarks show it, shortened with "…"; the file name only when neither is known.
 */
export function docShortRef(
  doc: Pick<DocSpec, 'number' | 'originalName'> & { subject?: string | null },
): string {
  const n = vi(doc.number);
  if (n) return clip(n, 32);
  const subject = vi(doc.subject);
  if (subject) return clipWords(subject, 48);
  return clip(stem(vi(doc.originalName)), 32);
}

/** "154/KH-UBND ngày 31/05/2021: Cải thiện và nâng cao…" — number, date and subject as known. */
export function docDescription(
  doc: Pick<DocSpec, 'number' | 'issuedOn' | 'subject' | 'docTypeName' | 'originalName'>,
): string {
  const number = vi(doc.number);
  const date = doc.issuedOn ? formatDateVi(doc.issuedOn) : '';
  const subject = vi(doc.subject);
  let head = number || vi(doc.docTypeName);
  if (date) head = head ? `${head} ngày ${date}` : `Ngày ${date}`;
  if (head && subject) return `${head}: ${subject}`;
  if (head) return head;
  if (subject) return subject;
  return vi(doc.originalName);
}

/** The margin stamp of an evidence page: "TLKC 1.2.3-02 · 154/KH-UBND · tr. 2/7". */
export function stampText(
  doc: Pick<DocSpec, 'code' | 'number' | 'originalName'> & { subject?: string | null },
  page: number,
  pages: number,
): string {
  return `TLKC ${doc.code} · ${docShortRef(doc)} · tr. ${page}/${pages}`;
}

/** The dossier page number printed on every page. */
export function pageNumberText(pos: PagePos, volumes: number): string {
  return volumes > 1 ? `Tập ${pos.volume} · Trang ${pos.page}` : `Trang ${pos.page}`;
}

/** A reference to a page from another page: "tr. 45", or "Tập 2, tr. 15" across volumes. */
export function pageRefText(pos: PagePos, from: number, volumes: number): string {
  return volumes > 1 && pos.volume !== from
    ? `Tập ${pos.volume}, tr. ${pos.page}`
    : `tr. ${pos.page}`;
}

/** "xem trang 45" / "xem Tập 1, trang 45". */
export function seePageText(pos: PagePos, from: number, volumes: number): string {
  return volumes > 1 && pos.volume !== from
    ? `xem Tập ${pos.volume}, trang ${pos.page}`
    : `xem trang ${pos.page}`;
}

/**
 * "Đông Kinh, ngày 05 tháng 01 năm 2026": Nghị định 30 writes days below 10 and the months
 * January and February with a leading zero.
 */
export function dateLine(place: string | null | undefined, d: Date): string {
  const day = d.getDate();
  const month = d.getMonth() + 1;
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  const text = `ngày ${dd} tháng ${mm} năm ${d.getFullYear()}`;
  const p = vi(place);
  return p ? `${p}, ${text}` : `Ngày ${dd} tháng ${mm} năm ${d.getFullYear()}`;
}

const INDEX_NAMES: Record<string, string> = {
  PAR: 'Chỉ số cải cách hành chính',
  PAPI: 'Chỉ số hiệu quả quản trị và hành chính công (PAPI)',
  SIPAS: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  DDCI: 'Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương (DDCI)',
};

/** "Chỉ số cải cách hành chính năm 2026" (the index of the assessment, not the set's long name). */
export function indexTitle(indexKind: string, frameworkName: string, year: number): string {
  const name =
    INDEX_NAMES[indexKind] ??
    (vi(frameworkName)
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/\s+[–-]\s+.*$/, '') ||
      'Bộ tiêu chí');
  return `${name} năm ${year}`;
}

export function kindLabel(fileKind: string): string {
  if (fileKind === 'xlsx' || fileKind === 'xls' || fileKind === 'ods') return 'bảng tính';
  return 'văn bản';
}

/** 125 KB, 3,4 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1048576;
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace('.', ',')} MB`;
}

/** Plain ASCII, spaces kept: "Hồ sơ TLKC 2026" → "Ho so TLKC 2026". */
export function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]+/g, '');
}

/** A file name that Windows, macOS and Linux all accept. */
export function safeFileName(s: string): string {
  const cleaned = vi(s)
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, 180) || 'Ho so';
}

/** "Ho so TLKC 2026 - Tap 1.pdf" / "Hồ sơ TLKC 2026 - Tập 1.pdf"; one volume has no suffix. */
export function volumeFileName(base: string, index: number, count: number, ascii: boolean): string {
  let name = safeFileName(base);
  if (count > 1) name += ascii ? ` - Tap ${index}` : ` - Tập ${index}`;
  if (ascii) name = asciiName(name).replace(/\s+/g, ' ').trim() || 'Ho so';
  return `${name}.pdf`;
}

function stem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/** Shortened at a word boundary where there is one: "Ảnh chụp Cổng thông tin… ". */
function clipWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
