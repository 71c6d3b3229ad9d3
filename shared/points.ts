/**
 * Points are exact integer hundredths ("9,5" → 950) so sums never drift. People type
 * either a comma or a dot; we always show a comma.
 */
export type Hundredths = number;

const POINTS_RE = /^([+-]?)(\d{1,6})(?:[.,](\d{1,2}))?$/;

export class PointsFormatError extends Error {}

/** Parses "9,5", "9.5", "0,25", "-1", "10 điểm" into hundredths; throws a Vietnamese message. */
export function parsePoints(text: string): Hundredths {
  const cleaned = text
    .normalize('NFC')
    .trim()
    .replace(/\s*điểm$/i, '')
    .replace(/\s+/g, '');
  const m = POINTS_RE.exec(cleaned);
  if (!m) {
    throw new PointsFormatError(
      `“${text.trim()}” không phải là số điểm hợp lệ (ví dụ đúng: 9,5 hoặc 0,25; tối đa 2 chữ số thập phân).`,
    );
  }
  const sign = m[1] === '-' ? -1 : 1;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  return sign * (whole * 100 + frac);
}

/** Same as parsePoints but returns null for blank input and for unparseable text. */
export function tryParsePoints(text: string | null | undefined): Hundredths | null {
  if (text == null || text.trim() === '') return null;
  try {
    return parsePoints(text);
  } catch {
    return null;
  }
}

/** A JS number of points (from JSON or a spreadsheet cell) to hundredths, rejecting 3+ decimals. */
export function pointsFromNumber(value: number): Hundredths {
  const h = Math.round(value * 100);
  if (!Number.isFinite(value) || Math.abs(h - value * 100) > 1e-6) {
    throw new PointsFormatError(
      `${value} không phải là số điểm hợp lệ (tối đa 2 chữ số thập phân).`,
    );
  }
  return h;
}

/** 950 → "9,5"; 1000 → "10"; 25 → "0,25"; -50 → "-0,5". */
export function formatPoints(h: Hundredths): string {
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  const fracText = String(frac).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole},${fracText}`;
}

export function toNumber(h: Hundredths): number {
  return h / 100;
}
