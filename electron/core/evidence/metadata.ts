/**
 * Reads the metadata an assessor checks (number, date, type, issuer, subject) from the first
 * page of an administrative document laid out per Nghị định 30/2020/NĐ-CP (and the Party's
 * equivalent), from positioned PDF text runs, from plain text (DOCX), or failing both from the
 * file name.
 *
 * Output conventions:
 * - every string is NFC with whitespace collapsed;
 * - `number` as printed without spaces: "154/KH-UBND", "61/2018/NĐ-CP", "88-TB/HU";
 * - `date` ISO "YYYY-MM-DD";
 * - `type` the official abbreviation (QĐ, KH, BC, TB, CT, NQ, HD, TTr, CTr, KL, ĐA, QC, QyĐ,
 *   NĐ, …; CV for a letter, which has no type heading), `typeName` its name ("Kế hoạch");
 * - `issuer` the top-left block as a chain of bodies from parent to issuing body, joined with
 *   " / ", each body in the case an official name is written in running text:
 *   "ỦY BAN NHÂN DÂN / HUYỆN VỊ XUYÊN" → "Ủy ban nhân dân huyện Vị Xuyên";
 *   "UBND TỈNH HÀ GIANG / SỞ NỘI VỤ" → "UBND tỉnh Hà Giang / Sở Nội vụ";
 *   "HUYỆN ỦY BẮC SƠN / VĂN PHÒNG" → "Huyện ủy Bắc Sơn / Văn phòng".
 *   Lines that continue one name ("ỦY BAN NHÂN DÂN" + "HUYỆN …") are merged first.
 *   `issuerBody` is the last (issuing) body alone, `issuerLines` the lines as printed;
 * - `subject` as printed, lines joined with one space, including a leading "V/v" or "Về việc";
 * - `draft` when the number or the day is left blank ("Số: /KH-UBND", "ngày tháng 5 năm 2024")
 *   or the page says "DỰ THẢO".
 */
import { DOC_TYPES } from '../../../shared/evidence';
import { cleanText, foldVi, nfc } from '../../../shared/text';
import { isValidYmd, toIsoDate } from '../../../shared/dates';
import type { PositionedItem } from './pdf-types';

export type { PositionedItem } from './pdf-types';

export interface MetadataInput {
  /** Positioned runs of page 1 (from analysePdf). Preferred when present. */
  items?: PositionedItem[];
  /** Plain text (DOCX, or a PDF's text when there are no positions). */
  text?: string;
  fileName: string;
  /** Width of page 1 in points, when known; otherwise estimated from the runs. */
  pageWidth?: number;
}

export interface MetadataConfidence {
  type: number;
  number: number;
  date: number;
  place: number;
  issuer: number;
  subject: number;
  draft: number;
}

export interface DocumentMetadata {
  type: string | null;
  typeName: string | null;
  number: string | null;
  date: string | null;
  place: string | null;
  issuer: string | null;
  issuerBody: string | null;
  issuerLines: string[];
  subject: string | null;
  draft: boolean;
  /** Where most fields came from. */
  source: 'layout' | 'text' | 'fileName' | 'none';
  /** 0 (absent) … 1 (certain), per field. */
  confidence: MetadataConfidence;
}

// ---------------------------------------------------------------------------------------------
// Document types (Phụ lục III, Nghị định 30/2020/NĐ-CP).

const NAME_BY_CODE = new Map(DOC_TYPES.map(([c, n]) => [c, n]));
/** Heading (folded, no spaces) → code. */
const CODE_BY_HEADING = new Map(
  DOC_TYPES.filter(([c]) => c !== 'L').map(([c, n]) => [foldVi(n).replace(/\s+/g, ''), c]),
);
/** Symbol code as found in numbers (folded, upper) → code. */
const CODE_BY_SYMBOL = new Map(DOC_TYPES.map(([c]) => [foldVi(c).toUpperCase(), c]));

function typeFromHeading(text: string): string | null {
  const key = foldVi(text).replace(/[^a-z]/g, '');
  return CODE_BY_HEADING.get(key) ?? null;
}

/** Type from a number's symbol: "154/KH-UBND" → KH, "12/UBND-VX" → CV, "88-TB/HU" → TB. */
function typeFromNumber(num: string): string | null {
  const party = /^\d+[a-z]?-([^/]+)\//i.exec(num);
  if (party) return codeFromSymbol(party[1]!) ?? 'CV';
  const parts = num
    .split('/')
    .slice(1)
    .filter((p) => !/^\d{4}$/.test(p));
  const first = parts[0];
  if (!first) return null;
  const head = first.split('-')[0]!;
  return codeFromSymbol(head) ?? 'CV';
}

function codeFromSymbol(sym: string): string | null {
  const key = foldVi(sym).toUpperCase();
  // "QD" in a file name is QĐ; keep the exact case-sensitive codes (TTr vs TT) otherwise.
  const exact = DOC_TYPES.find(([c]) => c === sym);
  if (exact) return exact[0];
  if (key === 'TTR') return 'TTr';
  if (key === 'CTR') return 'CTr';
  if (key === 'QYD') return 'QyĐ';
  return CODE_BY_SYMBOL.get(key) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Line classification shared by the layout and text readers.

const MOTTO_RE =
  /CỘNG\s*H[ÒO]A\s*X[ÃA]\s*HỘI|Độc\s*lập\s*[-–—]\s*Tự\s*do|ĐẢNG\s*CỘNG\s*SẢN\s*VIỆT\s*NAM/i;
const NUMBER_LINE_RE = /^S[ốỐ]\s*[:.]?\s*(?=[\d/-]|$)|^S[ốỐ]\s*[:.]/;
const VV_RE = /^(V\/v|V\/V|Về việc)\s/;
const DRAFT_RE = /^(?:DỰ THẢO|Dự thảo)(?:\s|$|\d)/;
const DECORATION_RE = /^[-_=*.•·~\s–—]+$/;
const BODY_START_RE =
  /^(Căn cứ|Kính gửi|Thực hiện|Để |Theo đề nghị|Ngày \d|Hôm nay|Trong |Nhằm |Qua |Năm \d|Điều \d|I\.|1\.|\((Ban hành )?kèm theo)/;

function isUpperText(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const upper = [...letters].filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length > 0.85;
}

interface ParsedNumber {
  number: string | null;
  /** The symbol part when the digits were left blank ("/KH-UBND"). */
  blankSymbol: string | null;
}

function parseNumberLine(line: string): ParsedNumber | null {
  const m = NUMBER_LINE_RE.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length);
  const n = /^\s*(\d+[a-zA-Z]?)?\s*([/-]\s*[^\s,;]+(?:\s*\/\s*[^\s,;]+)*)?/.exec(rest);
  const digits = n?.[1] ?? '';
  const symbol = (n?.[2] ?? '').replace(/\s+/g, '');
  if (!digits) return { number: null, blankSymbol: symbol || null };
  if (!symbol) return { number: digits, blankSymbol: null };
  return { number: `${digits}${symbol}`.replace(/[.,;:]+$/, ''), blankSymbol: null };
}

interface ParsedDate {
  date: string | null;
  place: string | null;
  /** Day (or month) left blank for filling in at signing. */
  blank: boolean;
}

const WORD_DATE_RE = /ngày\s*(\d{1,2})?\s*[.,]?\s*tháng\s*(\d{1,2})?\s*[.,]?\s*năm\s*(\d{4})/i;
const NUM_DATE_RE = /(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/i;

function parseDateLine(line: string): ParsedDate | null {
  const s = line.replace(/^S[ốỐ]\s*[:.]?\s*\S*\s+/, '');
  const comma = s.indexOf(',');
  const place = comma > 0 ? cleanText(s.slice(0, comma)) : null;
  const tail = comma > 0 ? s.slice(comma + 1) : s;
  const w = WORD_DATE_RE.exec(tail);
  if (w && (comma > 0 || /^\s*ngày/i.test(s))) {
    const [, d, m, y] = w;
    const validPlace = place && place.length <= 40 && !/\d/.test(place) ? place : null;
    if (!d || !m) return { date: null, place: validPlace, blank: true };
    const [dd, mm, yy] = [Number(d), Number(m), Number(y)];
    return {
      date: isValidYmd(yy, mm, dd) ? toIsoDate(yy, mm, dd) : null,
      place: validPlace,
      blank: false,
    };
  }
  const n = NUM_DATE_RE.exec(tail);
  if (n && comma > 0 && place && place.length <= 40 && !/\d/.test(place)) {
    const [dd, mm, yy] = [Number(n[1]), Number(n[2]), Number(n[3])];
    return { date: isValidYmd(yy, mm, dd) ? toIsoDate(yy, mm, dd) : null, place, blank: false };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Official names in running-text case.

const ABBREVIATIONS = new Set([
  'UBND',
  'HĐND',
  'MTTQ',
  'MTTQVN',
  'CCHC',
  'TW',
  'TƯ',
  'VN',
  'TP',
  'TX',
  'CP',
  'BCH',
  'BTV',
  'BCĐ',
  'VP',
  'QLNN',
  'CNTT',
  'HTX',
  'ĐBQH',
  'TTHC',
  'KT-XH',
  'LĐLĐ',
  'UBKT',
  'HĐQT',
]);
const FIXED: Array<[string, string]> = [
  ['ủy ban mặt trận tổ quốc việt nam', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['ủy ban mttq việt nam', 'Ủy ban MTTQ Việt Nam'],
  ['mặt trận tổ quốc việt nam', 'Mặt trận Tổ quốc Việt Nam'],
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
  ['ban chấp hành', 'Ban Chấp hành'],
  ['ban thường vụ', 'Ban Thường vụ'],
  ['ban chỉ đạo', 'Ban Chỉ đạo'],
  ['thường trực', 'Thường trực'],
  ['chính phủ', 'Chính phủ'],
  ['quốc hội', 'Quốc hội'],
  ['đảng bộ', 'Đảng bộ'],
  ['chi bộ', 'Chi bộ'],
  ['trung ương', 'Trung ương'],
];
const PARTY_COMMITTEES = ['huyện ủy', 'tỉnh ủy', 'thành ủy', 'quận ủy', 'thị ủy', 'đảng ủy'];
const ADMIN_UNITS = ['thị trấn', 'thành phố', 'thị xã', 'tỉnh', 'huyện', 'xã', 'phường', 'quận'];
const ORG_HEADS = [
  'văn phòng',
  'chi cục',
  'tổng cục',
  'trung tâm',
  'thanh tra',
  'sở',
  'phòng',
  'ban',
  'cục',
  'bộ',
  'vụ',
  'viện',
  'đài',
  'hội',
  'trường',
  'bệnh viện',
  'kho bạc',
  'công an',
  'bảo hiểm xã hội',
];

/** Old-style tone placement ("Uỷ") folded to the new one for matching. */
function modernTone(s: string): string {
  const end = '(?=$|[^\\p{L}])';
  const pairs: Array<[string, string]> = [
    ['uỷ', 'ủy'],
    ['uý', 'úy'],
    ['uỳ', 'ùy'],
    ['uỹ', 'ũy'],
    ['uỵ', 'ụy'],
    ['oà', 'òa'],
    ['oá', 'óa'],
    ['oả', 'ỏa'],
    ['oã', 'õa'],
    ['oạ', 'ọa'],
    ['oè', 'òe'],
    ['oé', 'óe'],
    ['oẻ', 'ỏe'],
    ['oẽ', 'õe'],
    ['oẹ', 'ọe'],
  ];
  // Only where the pair ends the syllable: "hoà" → "hòa", but "hoạch" stays.
  return pairs.reduce((acc, [a, b]) => acc.replace(new RegExp(a + end, 'gu'), b), s);
}

function cap(w: string): string {
  return w ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}

/** "ỦY BAN NHÂN DÂN HUYỆN VỊ XUYÊN" → "Ủy ban nhân dân huyện Vị Xuyên". */
export function officialNameCase(name: string): string {
  const orig = cleanText(name).split(' ');
  const low = orig.map((w) => modernTone(w.toLowerCase()));
  const out: string[] = [];
  let mode: 'normal' | 'proper' | 'field' = 'normal';
  let capNext = false;
  const matchAt = (i: number, phrase: string) => {
    const words = phrase.split(' ');
    return words.every((w, k) => low[i + k]?.replace(/[,;]$/, '') === w) ? words.length : 0;
  };
  for (let i = 0; i < orig.length;) {
    const word = orig[i]!;
    const bare = word.replace(/[,;]$/, '');
    if (ABBREVIATIONS.has(bare.toUpperCase()) && bare === bare.toUpperCase()) {
      out.push(word);
      capNext = false;
      i++;
      continue;
    }
    if (/\d/.test(word)) {
      out.push(word);
      i++;
      continue;
    }
    const fixed = FIXED.find(([p]) => matchAt(i, p));
    if (fixed) {
      const n = fixed[0].split(' ').length;
      out.push(fixed[1] + (orig[i + n - 1]!.match(/[,;]$/)?.[0] ?? ''));
      mode = 'normal';
      capNext = false;
      i += n;
      continue;
    }
    const party = PARTY_COMMITTEES.find((p) => matchAt(i, p));
    if (party) {
      out.push(cap(party));
      mode = 'proper';
      i += 2;
      continue;
    }
    const unit = ADMIN_UNITS.find((p) => matchAt(i, p));
    if (unit) {
      out.push(out.length === 0 ? cap(unit) : unit);
      mode = 'proper';
      i += unit.split(' ').length;
      continue;
    }
    const head = mode !== 'proper' ? ORG_HEADS.find((p) => matchAt(i, p)) : undefined;
    if (head && (mode === 'normal' || capNext)) {
      const n = head.split(' ').length;
      out.push(cap(low.slice(i, i + n).join(' ')));
      mode = 'field';
      capNext = true;
      i += n;
      continue;
    }
    const lw = low[i]!;
    if (mode === 'proper') out.push(cap(lw));
    else if (mode === 'field') {
      out.push(capNext ? cap(lw) : lw);
      capNext = false;
    } else out.push(out.length === 0 ? cap(lw) : lw);
    if (lw === 'và' || lw === '-' || lw === '–' || /[,;]$/.test(lw)) capNext = true;
    i++;
  }
  return out.join(' ');
}

const NEEDS_PLACE_RE =
  /^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM|ỦY BAN MTTQ VIỆT NAM|ỦY BAN MTTQVN|ĐẢNG ỦY|ĐẢNG BỘ|BAN CHẤP HÀNH ĐẢNG BỘ|BAN THƯỜNG VỤ|ỦY BAN KIỂM TRA)$/;
const STARTS_WITH_UNIT_RE = /^(TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ TRẤN|THÀNH PHỐ|THỊ XÃ|QUẬN|TP\.?)\s(?!ỦY)/;

/** Groups the printed issuer lines into bodies (a body's name may span two lines). */
function issuerBodies(lines: string[]): string[] {
  const bodies: string[] = [];
  for (const raw of lines) {
    const line = cleanText(raw);
    const upper = modernTone(line.toLowerCase()).toUpperCase();
    const prev = bodies[bodies.length - 1];
    const prevUpper = prev ? modernTone(prev.toLowerCase()).toUpperCase() : '';
    const continues =
      prev !== undefined &&
      ((NEEDS_PLACE_RE.test(prevUpper) && STARTS_WITH_UNIT_RE.test(`${upper} `)) ||
        /^(VÀ|[-–,])\s/.test(upper) ||
        /(\sVÀ|[-–,])$/.test(prevUpper));
    if (continues) bodies[bodies.length - 1] = `${prev} ${line}`;
    else bodies.push(line);
  }
  return bodies;
}

function issuerFrom(lines: string[]): { issuer: string | null; body: string | null } {
  const bodies = issuerBodies(lines).map(officialNameCase);
  if (!bodies.length) return { issuer: null, body: null };
  return { issuer: bodies.join(' / '), body: bodies[bodies.length - 1]! };
}

// ---------------------------------------------------------------------------------------------
// Layout reader (positioned runs).

interface Run extends PositionedItem {
  x1: number;
}

interface Row {
  y: number;
  size: number;
  runs: Run[];
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** null when the producer gave no style information. */
  bold: boolean | null;
}

function joinRuns(runs: Run[]): string {
  let s = '';
  let prev: Run | null = null;
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    if (prev) {
      const gap = r.x - prev.x1;
      if (gap > r.height * 0.12 && !s.endsWith(' ') && !r.str.startsWith(' ')) s += ' ';
    }
    s += r.str;
    prev = r;
  }
  return cleanText(s);
}

function toLine(runs: Run[]): Line {
  const styled = runs.filter((r) => r.bold !== undefined);
  const chars = (rs: Run[]) => rs.reduce((n, r) => n + r.str.replace(/\s/g, '').length, 0);
  const bold = styled.length ? chars(styled.filter((r) => r.bold)) >= chars(styled) * 0.6 : null;
  return {
    text: joinRuns(runs),
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y: runs.reduce((a, r) => a + r.y, 0) / runs.length,
    size: Math.max(...runs.map((r) => r.height)),
    bold,
  };
}

function buildRows(items: PositionedItem[]): Row[] {
  const sorted: Run[] = items
    .map((i) => ({ ...i, str: nfc(i.str), x1: i.x + Math.max(0, i.width) }))
    .filter((r) => r.str.trim() !== '')
    .sort((a, b) => a.y - b.y || a.x - b.x);
  // Some producers imitate bold by printing a run twice, a fraction of a point apart.
  const runs: Run[] = [];
  for (const r of sorted) {
    const twin = runs.find(
      (o) => o.str === r.str && Math.abs(o.y - r.y) < 0.5 && Math.abs(o.x - r.x) < 1.5,
    );
    if (twin) twin.bold = true;
    else runs.push(r);
  }
  // Style flags that never say "bold" carry no information (fonts without style names).
  if (!runs.some((r) => r.bold)) for (const r of runs) delete r.bold;
  const rows: Row[] = [];
  for (const r of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(r.y - row.y) <= Math.max(2, Math.min(r.height, row.size) * 0.35)) {
      row.runs.push(r);
      row.size = Math.max(row.size, r.height);
    } else rows.push({ y: r.y, size: r.height, runs: [r] });
  }
  return rows;
}

/**
 * Cuts a run that holds both columns (a header typed with spaces instead of a table, merged by
 * the producer into one run) at wide gaps and at the motto, so each part can go to its column.
 * Positions inside the run are estimated from character counts (a space is narrower).
 */
function splitMergedRun(r: Run): Run[] {
  const cuts = new Set<number>();
  for (const m of r.str.matchAll(/\s{3,}/g)) cuts.add(m.index + m[0].length);
  const motto = MOTTO_RE.exec(r.str);
  if (motto && motto.index >= 3) cuts.add(motto.index);
  if (!cuts.size) return [r];
  const weight = (s: string) => [...s].reduce((n, c) => n + (c === ' ' ? 0.5 : 1), 0);
  const total = weight(r.str) || 1;
  const at = (i: number) => r.x + ((r.x1 - r.x) * weight(r.str.slice(0, i))) / total;
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), r.str.length];
  const out: Run[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const str = r.str.slice(bounds[k], bounds[k + 1]);
    const lead = str.length - str.trimStart().length;
    const text = str.trim();
    if (!text) continue;
    const x = at(bounds[k]! + lead);
    const x1 = at(bounds[k]! + lead + text.length);
    out.push({ ...r, str: text, x, x1, width: x1 - x });
  }
  return out;
}

interface Extracted {
  type: string | null;
  typeFromHeading: boolean;
  numberParsed: ParsedNumber | null;
  date: ParsedDate | null;
  issuerLines: string[];
  subject: string | null;
  draftMark: boolean;
  structure: boolean;
  vv: boolean;
}

function fromLayout(items: PositionedItem[], pageWidth?: number): Extracted {
  const rows = buildRows(items);
  const allRuns = rows.flatMap((r) => r.runs);
  const minX = Math.min(...allRuns.map((r) => r.x));
  const maxX = Math.max(...allRuns.map((r) => r.x1));
  const width = pageWidth && pageWidth > 0 ? pageWidth : maxX + minX;
  const centre = pageWidth ? (minX + maxX) / 2 : width / 2;

  // Column split: the left edge of the motto (or the Party's name) on the right.
  const mottoRuns = allRuns.flatMap(splitMergedRun).filter((r) => MOTTO_RE.test(r.str));
  const mottoTop = mottoRuns.length ? Math.min(...mottoRuns.map((r) => r.y)) : null;
  const split = mottoRuns.length ? Math.min(...mottoRuns.map((r) => r.x)) - 2 : centre;

  // The type heading: the first centred row below the motto whose text is a type name.
  let heading: { row: Row; line: Line; code: string } | null = null;
  for (const row of rows) {
    if (mottoTop !== null && row.y <= mottoTop + 1) continue;
    const line = toLine(row.runs);
    if (line.text.endsWith(':')) continue;
    const code = typeFromHeading(line.text);
    if (!code || !isUpperText(line.text)) continue;
    const mid = (line.x0 + line.x1) / 2;
    if (Math.abs(mid - centre) > width * 0.12) continue;
    heading = { row, line, code };
    break;
  }

  // Header zone: everything above the heading; for letters, down to the first row that
  // crosses the column split (the "Kính gửi" line or the body).
  const headerEnd = (() => {
    if (heading) return heading.row.y - 0.5;
    const start = mottoTop ?? rows[0]?.y ?? 0;
    for (const row of rows) {
      if (row.y <= start + row.size * 2.5) continue;
      if (row.runs.some((r) => r.x < split - 20 && r.x1 > split + 20)) return row.y - 0.5;
      if (/^Kính gửi/.test(toLine(row.runs).text)) return row.y - 0.5;
    }
    return Infinity;
  })();

  const left: Line[] = [];
  const right: Line[] = [];
  for (const row of rows) {
    if (row.y > headerEnd) break;
    const l: Run[] = [];
    const r: Run[] = [];
    for (const run of row.runs.flatMap(splitMergedRun)) {
      ((run.x + run.x1) / 2 < split ? l : r).push(run);
    }
    if (l.length) left.push(toLine(l));
    if (r.length) right.push(toLine(r));
  }

  let draftMark = false;
  let numberParsed: ParsedNumber | null = null;
  let numberIdx = -1;
  const issuerLines: string[] = [];
  let issuerClosed = false;
  left.forEach((line, i) => {
    const t = line.text;
    if (DRAFT_RE.test(t)) {
      draftMark = true;
      return;
    }
    if (numberIdx < 0) {
      const n = parseNumberLine(t);
      if (n) {
        numberParsed = n;
        numberIdx = i;
        return;
      }
    }
    if (numberIdx >= 0 || issuerClosed) return;
    if (t.trim() === '*' || (DECORATION_RE.test(t) && issuerLines.length)) {
      issuerClosed = issuerLines.length > 0;
      return;
    }
    if (DECORATION_RE.test(t) || MOTTO_RE.test(t)) return;
    if (isUpperText(t)) issuerLines.push(t);
  });

  // A letter's subject: "V/v …" under the number, with its continuation lines.
  let vvSubject: string | null = null;
  if (numberIdx >= 0) {
    const after = left.slice(numberIdx + 1);
    const start = after.findIndex((l) => VV_RE.test(l.text));
    if (start >= 0) {
      const parts = [after[start]!];
      for (const l of after.slice(start + 1)) {
        const prev = parts[parts.length - 1]!;
        if (l.y - prev.y > prev.size * 1.9 || DRAFT_RE.test(l.text)) break;
        parts.push(l);
      }
      vvSubject = cleanText(parts.map((p) => p.text).join(' '));
    }
  }

  let date: ParsedDate | null = null;
  for (const line of [...right, ...left]) {
    if (DRAFT_RE.test(line.text) || MOTTO_RE.test(line.text)) continue;
    date = parseDateLine(line.text);
    if (date) break;
  }
  for (const line of right) if (DRAFT_RE.test(line.text)) draftMark = true;

  // The subject: bold, centred rows right under the heading, close together.
  let subject: string | null = null;
  if (heading) {
    const start = rows.indexOf(heading.row);
    const mid = (heading.line.x0 + heading.line.x1) / 2;
    const parts: Line[] = [];
    let prev = heading.line;
    for (const row of rows.slice(start + 1)) {
      const line = toLine(row.runs);
      if (line.y - prev.y > Math.max(prev.size, line.size) * 1.9) break;
      if (line.bold === false) break;
      if (Math.abs((line.x0 + line.x1) / 2 - mid) > width * 0.08) break;
      if (BODY_START_RE.test(line.text) || line.text.endsWith(':')) break;
      // The authority line of a decision is bold and centred too, but all capitals after a
      // sentence-case subject.
      if (parts.length && isUpperText(line.text) && !isUpperText(parts[0]!.text)) break;
      parts.push(line);
      prev = line;
    }
    if (parts.length) subject = cleanText(parts.map((p) => p.text).join(' '));
  }

  return {
    type: heading?.code ?? null,
    typeFromHeading: Boolean(heading),
    numberParsed,
    date,
    issuerLines,
    subject: subject ?? vvSubject,
    draftMark,
    structure: Boolean(heading || numberParsed || mottoRuns.length),
    vv: !heading && vvSubject !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Text reader (DOCX, or PDF text without positions).

function fromText(text: string): Extracted {
  // Blocks are paragraphs (separated by blank lines); lines inside a block belong together.
  const blocks: string[][] = [];
  let cur: string[] = [];
  for (const raw of nfc(text).split(/\r?\n/)) {
    if (!raw.trim()) {
      if (cur.length) blocks.push(cur);
      cur = [];
      continue;
    }
    // A header typed without a table puts both columns on one line, apart by tabs.
    for (const cell of raw.split(/\t+/)) {
      const line = cleanText(cell);
      const m = MOTTO_RE.exec(line);
      if (m && m.index > 2) cur.push(cleanText(line.slice(0, m.index)), line.slice(m.index));
      else if (line) cur.push(line);
    }
  }
  if (cur.length) blocks.push(cur);
  const lines = blocks.flat();
  const blockOf = new Map<number, number>();
  let k = 0;
  blocks.forEach((b, bi) => b.forEach(() => blockOf.set(k++, bi)));

  const limit = Math.min(lines.length, 40);
  let headingIdx = -1;
  let code: string | null = null;
  for (let i = 0; i < limit; i++) {
    const l = lines[i]!;
    if (l.endsWith(':') || !isUpperText(l)) continue;
    const c = typeFromHeading(l);
    if (c) {
      headingIdx = i;
      code = c;
      break;
    }
  }
  const headerEnd = headingIdx >= 0 ? headingIdx : Math.min(limit, 15);
  let numberParsed: ParsedNumber | null = null;
  let numberIdx = -1;
  let date: ParsedDate | null = null;
  let draftMark = false;
  let motto = false;
  const issuerLines: string[] = [];
  let issuerOpen = true;
  let vv: string | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i]!;
    if (/^Kính gửi/.test(l)) break;
    if (DRAFT_RE.test(l)) {
      draftMark = true;
      continue;
    }
    if (MOTTO_RE.test(l)) {
      // Not the end of the issuer: a typed header alternates issuer and motto lines.
      motto = true;
      continue;
    }
    const n = numberIdx < 0 ? parseNumberLine(l) : null;
    if (n) {
      numberParsed = n;
      numberIdx = i;
      issuerOpen = false;
      continue;
    }
    const d: ParsedDate | null = date ? null : parseDateLine(l);
    if (d) {
      date = d;
      issuerOpen = false;
      continue;
    }
    if (VV_RE.test(l) && !vv) {
      const b = blockOf.get(i);
      const same = lines.slice(i + 1, headerEnd).filter((_, j) => blockOf.get(i + 1 + j) === b);
      vv = cleanText([l, ...same].join(' '));
      continue;
    }
    if (l === '*' || DECORATION_RE.test(l)) {
      if (issuerLines.length) issuerOpen = false;
      continue;
    }
    if (issuerOpen && isUpperText(l)) issuerLines.push(l);
    else if (issuerLines.length) issuerOpen = false;
  }

  let subject: string | null = null;
  if (headingIdx >= 0) {
    const next = headingIdx + 1;
    const b = blockOf.get(next);
    const first = lines[next];
    if (first && !BODY_START_RE.test(first) && !first.endsWith(':')) {
      const same = [first];
      for (let i = next + 1; i < lines.length && blockOf.get(i) === b; i++) same.push(lines[i]!);
      subject = cleanText(same.join(' '));
    }
  }
  return {
    type: code,
    typeFromHeading: headingIdx >= 0,
    numberParsed,
    date,
    issuerLines,
    subject: subject ?? vv,
    draftMark,
    structure: headingIdx >= 0 || numberParsed !== null || motto,
    vv: headingIdx < 0 && vv !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// File-name fallback: "QD 1234 …", "KH-215-UBND.pdf", "154_KH-UBND_…", "61_2018_ND-CP.pdf".

interface FromName {
  type: string | null;
  number: string | null;
  date: string | null;
  numberComplete: boolean;
}

const NAME_WORDS: Array<[RegExp, string]> = [
  [/\bquyet dinh\b/, 'QĐ'],
  [/\bke hoach\b/, 'KH'],
  [/\bbao cao\b/, 'BC'],
  [/\bthong bao\b/, 'TB'],
  [/\bcong van\b/, 'CV'],
  [/\bto trinh\b/, 'TTr'],
  [/\bnghi quyet\b/, 'NQ'],
  [/\bchi thi\b/, 'CT'],
  [/\bhuong dan\b/, 'HD'],
  [/\bchuong trinh\b/, 'CTr'],
  [/\bket luan\b/, 'KL'],
  [/\bde an\b/, 'ĐA'],
  [/\bquy che\b/, 'QC'],
  [/\bquy dinh\b/, 'QyĐ'],
  [/\bnghi dinh\b/, 'NĐ'],
];
const SYMBOL_FIX: Record<string, string> = { HDND: 'HĐND', DU: 'ĐU', DBQH: 'ĐBQH', BCD: 'BCĐ' };

function fromFileName(fileName: string): FromName {
  const base = nfc(fileName)
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const ascii = foldVi(base);
  const origTokens = base
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'))
    .split(/[\s_.,()+\-–]+/)
    .filter(Boolean);
  const up = origTokens.map((t) => t.toUpperCase());
  const isCode = (t: string) => codeFromSymbol(t) !== null && t !== 'L';
  const isSym = (i: number) => {
    const t = origTokens[i];
    return t !== undefined && /^[A-Z][A-Z0-9]{1,11}$/.test(t) && !isCode(t);
  };
  const isNum = (t: string | undefined) => t !== undefined && /^\d{1,5}[a-z]?$/i.test(t);
  const isYear = (t: string | undefined) => t !== undefined && /^(19|20)\d\d$/.test(t);

  let type: string | null = null;
  let number: string | null = null;
  let complete = false;
  for (let i = 0; i < up.length && !number; i++) {
    const t = up[i]!;
    if (!isCode(t) || origTokens[i] !== origTokens[i]!.toUpperCase()) continue;
    const code = codeFromSymbol(t)!;
    const party = (s: string) => /U$/.test(s) && s !== 'UBND';
    const fmt = (n: string, sym: string | null, year?: string) => {
      const s = sym ? (SYMBOL_FIX[sym] ?? sym) : null;
      if (s && party(s)) return `${n}-${code}/${s}`;
      return `${n}${year ? `/${year}` : ''}/${code}${s ? `-${s}` : ''}`;
    };
    // N [YYYY] T S
    if (isNum(up[i - 1]) && !isYear(up[i - 1])) {
      const sym = isSym(i + 1) ? up[i + 1]! : null;
      number = fmt(up[i - 1]!, sym);
      complete = sym !== null;
    } else if (isYear(up[i - 1]) && isNum(up[i - 2])) {
      const sym = isSym(i + 1) ? up[i + 1]! : null;
      number = fmt(up[i - 2]!, sym, up[i - 1]);
      complete = sym !== null;
    } else if (isNum(up[i + 1])) {
      // T N [S]
      const sym = isSym(i + 2) ? up[i + 2]! : null;
      number = sym ? fmt(up[i + 1]!, sym) : up[i + 1]!;
      complete = sym !== null;
    }
    type = code;
  }
  if (!type) type = NAME_WORDS.find(([re]) => re.test(ascii))?.[1] ?? null;
  if (!number && type) {
    const n = /\b(?:so|so hieu)?\s*(\d{1,5})\b/.exec(ascii.replace(/\b(19|20)\d\d\b/g, ' '));
    if (n && type) number = n[1]!;
  }
  let date: string | null = null;
  const d1 = /(?:^|\D)(\d{1,2})[-_.](\d{1,2})[-_.]((?:19|20)\d\d)(?:\D|$)/.exec(base);
  const d2 = /(?:^|\D)((?:19|20)\d\d)[-_.](\d{1,2})[-_.](\d{1,2})(?:\D|$)/.exec(base);
  if (d1 && isValidYmd(+d1[3]!, +d1[2]!, +d1[1]!)) date = toIsoDate(+d1[3]!, +d1[2]!, +d1[1]!);
  else if (d2 && isValidYmd(+d2[1]!, +d2[2]!, +d2[3]!)) date = toIsoDate(+d2[1]!, +d2[2]!, +d2[3]!);
  return { type, number, date, numberComplete: complete };
}

// ---------------------------------------------------------------------------------------------

const NONE: MetadataConfidence = {
  type: 0,
  number: 0,
  date: 0,
  place: 0,
  issuer: 0,
  subject: 0,
  draft: 0,
};

export function extractMetadata(input: MetadataInput): DocumentMetadata {
  const items = input.items?.filter((i) => i.str.trim() !== '') ?? [];
  let ex: Extracted | null = null;
  let source: DocumentMetadata['source'] = 'none';
  if (items.length >= 3) {
    ex = fromLayout(items, input.pageWidth);
    source = 'layout';
  }
  if ((!ex || !ex.structure) && input.text && input.text.trim()) {
    const t = fromText(input.text);
    if (!ex || t.structure) {
      ex = t;
      source = 'text';
    }
  }
  const w = source === 'layout' ? 1 : 0.9;
  const conf: MetadataConfidence = { ...NONE };
  const meta: DocumentMetadata = {
    type: null,
    typeName: null,
    number: null,
    date: null,
    place: null,
    issuer: null,
    issuerBody: null,
    issuerLines: [],
    subject: null,
    draft: false,
    source,
    confidence: conf,
  };

  if (ex && ex.structure) {
    const num = ex.numberParsed;
    if (num?.number) {
      meta.number = num.number;
      conf.number = /^\d+[a-z]?([/-][\p{L}\d&.]+)+$/iu.test(num.number) ? 0.95 * w : 0.6 * w;
    }
    meta.type = ex.type;
    conf.type = ex.type ? 0.95 * w : 0;
    if (!meta.type) {
      const fromSym = num?.number
        ? typeFromNumber(num.number)
        : num?.blankSymbol
          ? typeFromNumber(`0${num.blankSymbol}`)
          : null;
      meta.type = ex.vv ? 'CV' : fromSym;
      conf.type = meta.type ? 0.8 * w : 0;
    }
    if (ex.date) {
      meta.date = ex.date.date;
      meta.place = ex.date.place;
      conf.date = meta.date ? 0.95 * w : 0;
      conf.place = meta.place ? 0.9 * w : 0;
    }
    meta.issuerLines = ex.issuerLines.map(cleanText);
    const iss = issuerFrom(meta.issuerLines);
    meta.issuer = iss.issuer;
    meta.issuerBody = iss.body;
    conf.issuer = iss.issuer ? 0.85 * w : 0;
    meta.subject = ex.subject;
    conf.subject = ex.subject ? 0.8 * w : 0;
    const blankNumber = Boolean(num && !num.number && num.blankSymbol);
    const blankDay = Boolean(ex.date?.blank);
    meta.draft = ex.draftMark || blankNumber || blankDay;
    conf.draft = meta.draft ? 0.9 : 0.7;
  } else {
    const fn = fromFileName(input.fileName);
    meta.source = fn.type || fn.number || fn.date ? 'fileName' : 'none';
    meta.type = fn.type;
    conf.type = fn.type ? 0.5 : 0;
    meta.number = fn.number;
    conf.number = fn.number ? (fn.numberComplete ? 0.5 : 0.3) : 0;
    meta.date = fn.date;
    conf.date = fn.date ? 0.4 : 0;
    meta.draft = /\b(du thao|draft)\b/.test(foldVi(input.fileName));
    conf.draft = meta.draft ? 0.5 : 0.2;
  }
  meta.typeName = meta.type ? (NAME_BY_CODE.get(meta.type) ?? null) : null;
  return meta;
}
