/** Text helpers that every layer shares. Input from files and people is NFC-normalised. */

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Control characters (U+0000–U+001F, U+007F–U+009F) other than whitespace, and invisible
 * format characters (soft hyphen, zero-width space/joiners, word joiner, BOM): a text layer
 * with glyphs the font cannot map yields such characters (a stored subject "Tự d\u0019").
 */
const INVISIBLE = /(?!\s)[\p{Cc}\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/** Drops control and invisible characters, collapses runs of whitespace and trims; NFC. */
export function cleanText(s: string): string {
  return nfc(s).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Folds Vietnamese for search: strips every diacritic (including stacked ones like "ệ")
 * and maps đ/Đ to d, then lower-cases. "Quyết định" → "quyet dinh".
 */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Plain-ASCII slug for file names: "Kế hoạch số 154" → "Ke-hoach-so-154". */
export function asciiSlug(s: string, maxLength = 60): string {
  const slug = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** Folded text with punctuation turned into spaces, for word matching ("đào tạo, bồi" → "dao tao boi"). */
export function searchKey(s: string): string {
  return foldVi(s)
    .replace(/[^\p{L}\p{N}./-]+/gu, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring diacritics, case and punctuation. */
export function matchesQuery(text: string, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const key = searchKey(text);
  return words.every((w) => key.includes(w));
}
