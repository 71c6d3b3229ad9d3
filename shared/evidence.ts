/** Pure helpers about evidence documents that the UI, the CLI and the core share. */
import { cleanText, foldVi } from './text';

/** Document types of Nghị định 30/2020/NĐ-CP (Phụ lục III) plus CV for letters: [code, name]. */
export const DOC_TYPES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['NQ', 'Nghị quyết'],
  ['QĐ', 'Quyết định'],
  ['CT', 'Chỉ thị'],
  ['QC', 'Quy chế'],
  ['QyĐ', 'Quy định'],
  ['TC', 'Thông cáo'],
  ['TB', 'Thông báo'],
  ['HD', 'Hướng dẫn'],
  ['CTr', 'Chương trình'],
  ['KH', 'Kế hoạch'],
  ['PA', 'Phương án'],
  ['ĐA', 'Đề án'],
  ['DA', 'Dự án'],
  ['BC', 'Báo cáo'],
  ['BB', 'Biên bản'],
  ['TTr', 'Tờ trình'],
  ['HĐ', 'Hợp đồng'],
  ['CĐ', 'Công điện'],
  ['BGN', 'Bản ghi nhớ'],
  ['BTT', 'Bản thỏa thuận'],
  ['GUQ', 'Giấy ủy quyền'],
  ['GM', 'Giấy mời'],
  ['GGT', 'Giấy giới thiệu'],
  ['GNP', 'Giấy nghỉ phép'],
  ['PG', 'Phiếu gửi'],
  ['PC', 'Phiếu chuyển'],
  ['PB', 'Phiếu báo'],
  ['KL', 'Kết luận'],
  ['NĐ', 'Nghị định'],
  ['TT', 'Thông tư'],
  ['TTLT', 'Thông tư liên tịch'],
  ['L', 'Luật'],
  ['CV', 'Công văn'],
];

const NAME_BY_CODE = new Map(DOC_TYPES.map(([c, n]) => [c, n]));
const BY_KEY = new Map<string, string>();
for (const [code, name] of DOC_TYPES) {
  BY_KEY.set(foldVi(name).replace(/\s+/g, ''), code);
}
// Codes after names: "TT" (Thông tư) must not be shadowed by anything, and the exact code wins.
for (const [code] of DOC_TYPES) BY_KEY.set(foldVi(code), code);

/** "KH" → "Kế hoạch"; null for an unknown or empty code. */
export function docTypeName(code: string | null | undefined): string | null {
  return code ? (NAME_BY_CODE.get(code) ?? null) : null;
}

/**
 * A type as a person types it ("qd", "QĐ", "Quyết định", "tờ trình") → the official code; an
 * unknown type is kept as typed (cleaned), blank → null.
 */
export function normaliseDocType(text: string | null | undefined): string | null {
  if (text == null) return null;
  const clean = cleanText(text);
  if (!clean) return null;
  if (NAME_BY_CODE.has(clean)) return clean;
  return BY_KEY.get(foldVi(clean).replace(/\s+/g, '')) ?? clean;
}

/** "154 / KH - UBND" → "154/KH-UBND": numbers are compared and searched as printed, unspaced. */
export function normaliseNumber(text: string | null | undefined): string | null {
  if (text == null) return null;
  const clean = cleanText(text)
    .replace(/^s[ốo]\s*[:.]?\s*/i, '')
    .replace(/\s*([/-])\s*/g, '$1');
  return clean || null;
}

/**
 * The criterion code a file or folder name starts with, for folder intake: "1.2.3_Ke hoach.pdf",
 * "1.2.3 Báo cáo", "TC 3.2.1 - ảnh chụp.png", "2.1)". At least two levels are required: a bare
 * leading number is far more often a document number ("154_KH-UBND.pdf") than an area.
 * Paths are read from the file name up through its folders.
 */
export function proposeCode(nameOrPath: string): string | null {
  const parts = nameOrPath.split(/[\\/]/).filter(Boolean).reverse();
  for (const part of parts) {
    const folded = foldVi(part.normalize('NFC')).trim();
    const m =
      /^(?:(?:tieu chi thanh phan|tieu chi|tctp|tc)[\s._-]*)?(\d{1,2}(?:\.\d{1,3}){1,4})\.?(?=$|[\s_)\-,;:]|\.[a-z])/.exec(
        folded,
      );
    if (m) return m[1]!;
  }
  return null;
}

/** One or more page ranges: "3", "3-5", "1, 3, 5-7" (also "3–5" and "3 đến 5"). */
export function parsePageRanges(
  text: string,
  pageCount?: number | null,
): { ok: true; value: string } | { ok: false; message: string } {
  const clean = cleanText(text)
    .replace(/\s*(?:–|—|đến|-)\s*/g, '-')
    .replace(/\s*[,;]\s*/g, ',');
  if (!clean) return { ok: false, message: 'Chưa nhập trang.' };
  const parts: string[] = [];
  for (const p of clean.split(',')) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p);
    if (!m) {
      return {
        ok: false,
        message: `Trang “${text.trim()}” không hợp lệ (ví dụ đúng: 3-5 hoặc 1, 4, 7-9).`,
      };
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) {
      return { ok: false, message: `Khoảng trang “${p}” không hợp lệ.` };
    }
    if (pageCount && to > pageCount) {
      return {
        ok: false,
        message: `Tài liệu chỉ có ${pageCount} trang; “${p}” vượt quá số trang.`,
      };
    }
    parts.push(from === to ? String(from) : `${from}-${to}`);
  }
  return { ok: true, value: parts.join(', ') };
}

/** A short way to name a document in a message: its number, else its file name. */
export function documentLabel(d: {
  number: string | null;
  docType?: string | null;
  originalName: string;
}): string {
  if (d.number) return `${docTypeName(d.docType) ?? 'văn bản'} số ${d.number}`;
  return `“${d.originalName}”`;
}
