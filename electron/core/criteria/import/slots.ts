import { cleanText, nfc } from '../../../../shared/text';

/** Limits the node editor applies to required evidence slots. */
export const MAX_SLOTS = 20;
export const MAX_SLOT_LENGTH = 200;

/** "- ", "+ ", "• ", "a) ", "1. ", "1) " at the start of a line. */
const BULLET_RE = /^(?:[-–—+•*]|[a-zđ]\)|\d{1,2}[.)])\s*/iu;

function tidy(s: string): string {
  return cleanText(s.replace(BULLET_RE, ''))
    .replace(/[\s.;,:]+$/u, '')
    .trim();
}

/**
 * Required evidence slots from a "Tài liệu kiểm chứng" cell. A list (lines starting with "-",
 * "+", "•", "a)", "1.", or items separated by ";") gives one slot per item; an introduction
 * line ending with ":" ("Tài liệu gồm:") is not a slot; a single sentence is one slot.
 */
export function splitEvidenceSlots(text: string | null | undefined): string[] {
  if (!text) return [];
  const lines = nfc(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const items: string[] = [];
  const bulleted = lines.some((l) => BULLET_RE.test(l));
  for (const [i, line] of lines.entries()) {
    const isBullet = BULLET_RE.test(line);
    if (!isBullet && i === 0 && lines.length > 1 && /[:：]$/u.test(line)) continue;
    // A wrapped line under a bullet continues that item.
    if (bulleted && !isBullet && items.length > 0) {
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line}`;
      continue;
    }
    items.push(line);
  }
  const out: string[] = [];
  for (const item of items) {
    for (const part of item.split(/[;；]/)) {
      const t = tidy(part);
      if (t === '' || out.includes(t)) continue;
      out.push(t.length > MAX_SLOT_LENGTH ? `${t.slice(0, MAX_SLOT_LENGTH - 1).trim()}…` : t);
    }
  }
  return out.slice(0, MAX_SLOTS);
}

/** Slots from a dedicated "Tài liệu bắt buộc" column (what the exporter writes): one per line. */
export function slotsFromColumn(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const line of nfc(text).split(/\r?\n/)) {
    const t = cleanText(line.replace(/^[-–•]\s+/u, ''));
    if (t !== '' && !out.includes(t)) out.push(t.slice(0, MAX_SLOT_LENGTH));
  }
  return out.slice(0, MAX_SLOTS);
}

/** The cell the exporter writes for slots, read back by slotsFromColumn. */
export function slotsCell(slots: readonly string[]): string {
  return slots.map((s) => `- ${s}`).join('\n');
}
