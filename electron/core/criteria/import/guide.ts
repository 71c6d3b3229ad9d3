import type { NodeKind, ScoringOption } from '../../../../shared/framework';
import { parsePoints, PointsFormatError, type Hundredths } from '../../../../shared/points';
import { foldVi, nfc } from '../../../../shared/text';

/** The exporter writes proposed options under this line; when present only they count. */
export const OPTIONS_MARKER = 'Phương án chấm:';

const NUM = '([+-]?\\d{1,3}(?:[.,]\\d{1,2})?)';
const COLON_RE = new RegExp(
  `^(.+)[:：]\\s*(?:được\\s+|đạt\\s+|cho\\s+)?${NUM}\\s*(?:điểm|đ)\\s*[.,;]?$`,
  'iu',
);
const VERB_RE = new RegExp(
  `^(.+?)[\\s,]+(?:thì\\s+)?(?:được|đạt|cho)\\s+${NUM}\\s*(?:điểm|đ)\\s*[.,;]?$`,
  'iu',
);

function toPoints(text: string): Hundredths | null {
  try {
    return parsePoints(text);
  } catch (e) {
    if (e instanceof PointsFormatError) return null;
    throw e;
  }
}

function cleanLabel(s: string): string {
  return s
    .trim()
    .replace(/^([-–+•*]|[a-zđ]\)|\d{1,2}[.)])\s*/u, '')
    .replace(/[\s,:]*(thì|sẽ)?[\s,:]*$/u, '')
    .trim();
}

/** Segments a guide into the clauses that may each award points. */
function clauses(text: string): string[] {
  return text
    .split(/[;\n]/)
    .flatMap((s) => s.split(/\.\s+(?=\p{Lu})/u))
    .flatMap((s) => s.split(/(?<=điểm)\s*,\s+/u))
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.length <= 400);
}

/**
 * Proposes scoring options from guide text: "Hoàn thành 100%: 1 điểm; dưới 80%: 0 điểm" or
 * "Ban hành đúng hạn thì được 1 điểm". Returns [] when the guide does not read that way.
 */
export function extractScoringOptions(guide: string | null | undefined): ScoringOption[] {
  if (!guide) return [];
  let text = nfc(guide);
  const marker = text.split('\n').findIndex((l) => foldVi(l.trim()) === foldVi(OPTIONS_MARKER));
  if (marker >= 0)
    text = text
      .split('\n')
      .slice(marker + 1)
      .join('\n');
  const out: ScoringOption[] = [];
  for (const clause of clauses(text)) {
    const m = COLON_RE.exec(clause) ?? VERB_RE.exec(clause);
    if (!m) continue;
    const label = cleanLabel(m[1] ?? '');
    const h = toPoints(m[2] ?? '');
    if (!label || h === null) continue;
    const folded = foldVi(label);
    if (/^(diem toi da|toi da|tong|tong diem|diem chuan)\b/.test(folded)) continue;
    if (out.some((o) => o.label === label)) continue;
    out.push({ label, points: h / 100 });
  }
  return out;
}

/** Options from a "Phương án chấm" column: one "label: n điểm" per line (what the exporter writes). */
export function optionsFromColumn(text: string | null | undefined): ScoringOption[] {
  if (!text) return [];
  const out: ScoringOption[] = [];
  for (const raw of nfc(text).split(/\r?\n/)) {
    const line = raw.trim().replace(/^[-–•]\s+/u, '');
    const m = new RegExp(`^(.+?)\\s*[:：]\\s*${NUM}\\s*(?:điểm|đ)?\\s*\\.?$`, 'iu').exec(line);
    if (!m) continue;
    const label = (m[1] ?? '').trim();
    const h = toPoints(m[2] ?? '');
    if (!label || h === null || out.some((o) => o.label === label)) continue;
    out.push({ label, points: h / 100 });
  }
  return out.length > 0 ? out : extractScoringOptions(text);
}

/** The guide line for an option, in the form extractScoringOptions reads back. */
export function optionLine(o: ScoringOption, formatted: string): string {
  return `- ${o.label}: ${formatted} điểm`;
}

function words(s: string): string {
  return ` ${foldVi(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

const has = (hay: string, ...needles: string[]) => needles.some((n) => hay.includes(` ${n} `));

/** Kind written in a "Loại" cell ("Điều tra XHH", "Điểm thưởng"…); undefined when unreadable. */
export function kindFromCell(text: string): { kind?: NodeKind; na: boolean } {
  const w = words(text);
  const na = /không chấm|không áp dụng/u.test(nfc(text).toLowerCase());
  let kind: NodeKind | undefined;
  if (has(w, 'dieu tra', 'xhh', 'khao sat', 'sipas')) kind = 'survey';
  else if (has(w, 'thuong')) kind = 'bonus';
  else if (has(w, 'tru')) kind = 'penalty';
  else if (has(w, 'tu danh gia', 'tu cham', 'tlkc', 'kiem chung')) kind = 'self';
  return kind ? { kind, na } : { na };
}

/** Kind suggested by a node's own words; the caller adds inheritance from ancestors. */
export function kindFromText(title: string, guide: string, inSipas: boolean): NodeKind {
  const t = words(title);
  if (has(t, 'diem thuong')) return 'bonus';
  if (has(t, 'diem tru')) return 'penalty';
  const all = words(`${title} ${guide}`);
  if (has(all, 'dieu tra xa hoi hoc', 'dieu tra xhh', 'dtxhh')) return 'survey';
  if (inSipas && has(all, 'khao sat', 'sipas', 'do luong', 'dieu tra')) return 'survey';
  // The survey result itself (an area or criterion named after it), not a task to run a survey.
  if (has(t, 'sipas', 'do luong su hai long', 'chi so hai long')) return 'survey';
  return 'self';
}

/** Whether a node's title names the citizen-satisfaction survey (its descendants are survey-based). */
export function isSipasTitle(title: string): boolean {
  return has(words(title), 'sipas', 'su hai long');
}

/** "Không chấm", "không áp dụng" in a title, guide or note. Exact diacritics: "không chậm" is not it. */
export function mentionsNotApplicable(...texts: (string | null | undefined)[]): boolean {
  const t = nfc(texts.filter(Boolean).join(' ')).toLowerCase();
  return /không (chấm|áp dụng|tính điểm)/u.test(t);
}
