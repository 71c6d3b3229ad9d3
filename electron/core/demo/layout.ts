import type { DemoDoc, Para } from './documents';

/**
 * Lays out an administrative document the way Nghị định 30/2020/NĐ-CP prescribes, on A4 in
 * points from the top-left: issuer block top left, national motto top right, number under
 * the issuer, place and date (italic) under the motto, centred type and subject, body at
 * 14 pt, "Nơi nhận" bottom left and the signature block bottom right. The same layout draws
 * into a PDF (text layer) or onto a bitmap (the "scanned" copy).
 */

export type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface Surface {
  width(text: string, size: number, style: Style): number;
  text(text: string, x: number, y: number, size: number, style: Style): void;
  rule(x1: number, x2: number, y: number): void;
  box(x: number, y: number, w: number, h: number): void;
  newPage(): void;
}

export const A4 = { w: 595.28, h: 841.89 };
const M = { top: 57, bottom: 57, left: 85, right: 42.5 };
const LEFT_CX = 165;
const RIGHT_CX = 405;
const BODY_SIZE = 14;
const LINE = 19;

function wrap(s: Surface, text: string, size: number, style: Style, width: number, first = 0) {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    const next = cur ? `${cur} ${word}` : word;
    const limit = lines.length === 0 ? width - first : width;
    if (cur && s.width(next, size, style) > limit) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Draws the document; returns its pages and the text in reading order (for search). */
export function layoutDocument(s: Surface, d: DemoDoc): { pages: number; text: string } {
  const out: string[] = [];
  let pages = 1;
  const centred = (t: string, cx: number, y: number, size: number, style: Style) => {
    s.text(t, cx - s.width(t, size, style) / 2, y, size, style);
    out.push(t);
  };

  if (d.draft) {
    const t = 'DỰ THẢO';
    const w = s.width(t, 12, 'bold');
    s.box(A4.w - M.right - w - 14, 26, w + 12, 20);
    s.text(t, A4.w - M.right - w - 8, 41, 12, 'bold');
    out.push(t);
  }
  let y = M.top + 13;
  d.issuer.forEach((line, i) => centred(line, LEFT_CX, y + i * 16, 13, 'bold'));
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT_CX, y, 12.5, 'bold');
  centred('Độc lập - Tự do - Hạnh phúc', RIGHT_CX, y + 16, 13.5, 'bold');
  const mottoW = s.width('Độc lập - Tự do - Hạnh phúc', 13.5, 'bold');
  s.rule(RIGHT_CX - mottoW / 2, RIGHT_CX + mottoW / 2, y + 22);
  const issuerEnd = y + (d.issuer.length - 1) * 16;
  s.rule(LEFT_CX - 30, LEFT_CX + 30, issuerEnd + 7);

  y = issuerEnd + 30;
  const number = d.draft ? `Số:        ${d.number}` : `Số: ${d.number}`;
  centred(number, LEFT_CX, y, 13, 'regular');
  const [day, month, year] = d.date;
  const mm = String(month).padStart(2, '0');
  const dd = day === null ? '      ' : String(day).padStart(2, '0');
  centred(`Đông Kinh, ngày ${dd} tháng ${mm} năm ${year}`, RIGHT_CX, y, 13.5, 'italic');
  d.vv?.forEach((line, i) => centred(line, LEFT_CX, y + 18 + i * 15, 12, 'regular'));
  y += 18 + (d.vv?.length ?? 0) * 15;

  const bodyW = A4.w - M.left - M.right;
  const midX = M.left + bodyW / 2;
  if (d.heading) {
    y += 22;
    centred(d.heading, midX, y, 14, 'bold');
    for (const line of d.subject) {
      y += 18;
      centred(line, midX, y, 14, 'bold');
    }
    s.rule(midX - 45, midX + 45, y + 10);
    y += 14;
  }
  if (d.greeting) {
    y += 24;
    centred(d.greeting, midX, y, 14, 'regular');
  }
  y += 12;

  const ensure = (need: number) => {
    if (y + need <= A4.h - M.bottom) return;
    s.newPage();
    pages++;
    const n = String(pages);
    s.text(n, midX - s.width(n, 13, 'regular') / 2, 30, 13, 'regular');
    y = M.top;
  };
  const signH = 28 + d.signer.lines.length * 17 + 70;
  const closing = Math.max(signH, 24 + d.recipients.length * 14);
  d.body.forEach((p: Para, at) => {
    const para = typeof p === 'string' ? { text: p, style: 'regular' as const, indent: true } : p;
    const style: Style =
      para.style === 'bold' || para.style === 'center-bold'
        ? 'bold'
        : para.style === 'italic'
          ? 'italic'
          : 'regular';
    if (para.style === 'center-bold') {
      y += 8;
      ensure(LINE);
      y += LINE;
      centred(para.text, midX, y, BODY_SIZE, 'bold');
      y += 4;
      return;
    }
    const indent = para.indent === false ? 0 : 28;
    const lines = wrap(s, para.text, BODY_SIZE, style, bodyW, indent);
    // The signature never stands alone on a page: the last paragraph goes along with it.
    if (at === d.body.length - 1) ensure(lines.length * LINE + closing);
    lines.forEach((line, i) => {
      ensure(LINE);
      y += LINE;
      s.text(line, M.left + (i === 0 ? indent : 0), y, BODY_SIZE, style);
    });
    out.push(para.text);
    y += 3;
  });

  ensure(closing);
  const top = y + 24;
  s.text('Nơi nhận:', M.left - 15, top, 12, 'boldItalic');
  out.push('Nơi nhận:');
  d.recipients.forEach((r, i) => {
    s.text(`- ${r}`, M.left - 15, top + 15 + i * 13, 11, 'regular');
    out.push(`- ${r}`);
  });
  d.signer.lines.forEach((line, i) => centred(line, RIGHT_CX + 20, top + i * 17, 13, 'bold'));
  centred(d.signer.name, RIGHT_CX + 20, top + d.signer.lines.length * 17 + 75, 14, 'bold');
  return { pages, text: out.join('\n') };
}
