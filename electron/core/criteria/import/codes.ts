import { nfc } from '../../../../shared/text';

/** How a row is numbered; the style (and depth, for 1.2.3) decides its level in the tree. */
export type CodeStyle = 'roman' | 'upper' | 'num' | 'letter' | 'dash' | 'plus' | 'star' | 'other';

export interface ParsedCode {
  /** Normalised code: '1.2', 'II', 'A', 'a)', '-', '+'. */
  code: string;
  style: CodeStyle;
  /** Segments of a dotted number (1.2.3 → 3); 1 otherwise. */
  depth: number;
  /** Key grouping codes that are siblings-in-kind: 'num2', 'roman', 'other:TC9.9'… */
  key: string;
}

const ROMAN_RE = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i] ?? ''] ?? 0;
    const next = v[s[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** Areas never reach XL; a lone C/D/M/L is a letter heading (A, B, C…), not a numeral. */
function isRoman(s: string): boolean {
  return s !== '' && ROMAN_RE.test(s) && romanValue(s) < 40;
}

function make(code: string, style: CodeStyle, depth = 1, key?: string): ParsedCode {
  return { code, style, depth, key: key ?? (style === 'num' ? `num${depth}` : style) };
}

function numCode(digits: string): ParsedCode {
  const segs = digits.split('.').map((s) => String(Number(s)));
  return make(segs.join('.'), 'num', segs.length);
}

/** A whole code cell: '1', '1.2.', 'II', 'a)', '(b)', '-', '+'. Null when it is not a code. */
export function parseCode(raw: string): ParsedCode | null {
  const s = nfc(raw).trim();
  if (s === '') return null;
  let m = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/.exec(s);
  if (m) return numCode(m[1] ?? '');
  m = /^\(?([IVXLCDM]+)\)?[.):\-–]?$/.exec(s);
  if (m && isRoman(m[1] ?? '')) return make(m[1] ?? '', 'roman');
  m = /^\(?([A-ZĐ])\)?[.):\-–]?$/u.exec(s);
  if (m) return make(m[1] ?? '', 'upper');
  m = /^\(?([a-zđ])\)?[.)]?$/u.exec(s);
  if (m) return make(`${m[1]})`, 'letter');
  if (/^[-–—−]$/.test(s)) return make('-', 'dash');
  if (s === '+') return make('+', 'plus');
  if (/^[•·*○◦▪]$/.test(s)) return make('•', 'star');
  if (s.length <= 12 && !/\s/.test(s) && /\d/.test(s)) {
    const shape = s.replace(/\d+/g, '9').replace(/\p{L}/gu, 'a');
    return make(s, 'other', 1, `other:${shape}`);
  }
  return null;
}

/**
 * A code written at the start of a text: "1.2. Ban hành…", "II. CẢI CÁCH…", "a) Có…", "- Có…".
 * Single numbers and letters need their punctuation, so "1 cửa" is not a code.
 */
export function splitLeadingCode(text: string): { code: ParsedCode; rest: string } | null {
  const s = nfc(text).trim();
  const tries: [RegExp, (g: string) => ParsedCode | null][] = [
    [/^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(\S[\s\S]*)$/, numCode],
    [/^(\d{1,3})[.)]\s*(\S[\s\S]*)$/, numCode],
    [/^([IVXLC]+)\s*[.):\-–]\s*(\S[\s\S]*)$/, (g) => (isRoman(g) ? make(g, 'roman') : null)],
    [/^([A-ZĐ])[.)]\s+(\S[\s\S]*)$/u, (g) => make(g, 'upper')],
    [/^\(?([a-zđ])\)\s*(\S[\s\S]*)$/u, (g) => make(`${g})`, 'letter')],
    [/^([a-zđ])\.\s+(\S[\s\S]*)$/u, (g) => make(`${g})`, 'letter')],
    [/^([-–—−])\s*(\S[\s\S]*)$/, () => make('-', 'dash')],
    [/^(\+)\s*(\S[\s\S]*)$/, () => make('+', 'plus')],
    [/^([•·*○◦▪])\s*(\S[\s\S]*)$/, () => make('•', 'star')],
  ];
  for (const [re, build] of tries) {
    const m = re.exec(s);
    if (!m) continue;
    const code = build(m[1] ?? '');
    const rest = (m[2] ?? '').trim();
    // "1.5 điểm" or "- 0,5" are not coded titles.
    if (code && rest !== '' && !/^[\d,.]+\s*(điểm)?$/u.test(rest)) return { code, rest };
  }
  return null;
}

/** Drops a repeated code at the start of a title ("1.2" + "1.2. Ban hành…" → "Ban hành…"). */
export function stripOwnCode(title: string, code: ParsedCode): string {
  const lead = splitLeadingCode(title);
  return lead && lead.code.code === code.code && lead.code.style === code.style ? lead.rest : title;
}
