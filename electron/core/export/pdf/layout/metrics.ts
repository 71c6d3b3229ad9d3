/**
 * Text measurement with the bundled Liberation Serif (metric-compatible with Times New Roman).
 * Widths are the sum of glyph advances: pdf-lib draws glyph by glyph without kerning, and the
 * fonts are embedded without ligatures, so what is measured here is exactly what is drawn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Font } from '@cantoo/fontkit';
import { fontkit } from '../pdflib';

export type Style = 'regular' | 'bold' | 'italic';

export const FONT_FILES: Record<Style, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
};

export class Metrics {
  readonly bytes: Record<Style, Uint8Array>;
  private readonly fonts: Record<Style, Font>;
  private readonly advance: Record<Style, Map<number, number>>;

  constructor(fontsDir: string) {
    const load = (s: Style) => readFileSync(path.join(fontsDir, FONT_FILES[s]));
    this.bytes = { regular: load('regular'), bold: load('bold'), italic: load('italic') };
    const fk = fontkit();
    const parse = (b: Uint8Array) => fk.create(b) as Font;
    this.fonts = {
      regular: parse(this.bytes.regular),
      bold: parse(this.bytes.bold),
      italic: parse(this.bytes.italic),
    };
    this.advance = { regular: new Map(), bold: new Map(), italic: new Map() };
  }

  /** The font's PostScript name ("LiberationSerif-Bold"). */
  postscriptName(style: Style): string {
    return this.fonts[style].postscriptName || `LiberationSerif-${style}`;
  }

  /** Width in points of NFC text at `size`. */
  width(text: string, size: number, style: Style = 'regular'): number {
    const cache = this.advance[style];
    const font = this.fonts[style];
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let a = cache.get(cp);
      if (a === undefined) {
        a = (font.glyphForCodePoint(cp)?.advanceWidth ?? font.unitsPerEm / 2) / font.unitsPerEm;
        cache.set(cp, a);
      }
      units += a;
    }
    return units * size;
  }

  /** Greedy word wrap; a word wider than the line is cut between characters. */
  wrap(text: string, size: number, style: Style, maxWidth: number): string[] {
    const words = text.split(' ').filter((w) => w !== '');
    if (words.length === 0) return [''];
    const space = this.width(' ', size, style);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const w = this.width(word, size, style);
      if (line && lineWidth + space + w <= maxWidth) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      if (w <= maxWidth) {
        line = word;
        lineWidth = w;
        continue;
      }
      // A long token (a URL, a file name): cut it where it no longer fits.
      let piece = '';
      let pieceWidth = 0;
      for (const ch of word) {
        const cw = this.width(ch, size, style);
        if (piece && pieceWidth + cw > maxWidth) {
          lines.push(piece);
          piece = '';
          pieceWidth = 0;
        }
        piece += ch;
        pieceWidth += cw;
      }
      line = piece;
      lineWidth = pieceWidth;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Cuts text to one line, ending with "…". */
  fit(text: string, size: number, style: Style, maxWidth: number): string {
    if (this.width(text, size, style) <= maxWidth) return text;
    const chars = [...text];
    while (chars.length > 1 && this.width(`${chars.join('')}…`, size, style) > maxWidth)
      chars.pop();
    return `${chars.join('').trimEnd()}…`;
  }
}
