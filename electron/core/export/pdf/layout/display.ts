/**
 * Generated pages are laid out as display lists first: the same list tells how many pages a
 * part takes (for the page numbers of everything after it) and is then drawn with pdf-lib.
 */
import type { Metrics, Style } from './metrics';

/** A4 in points, and the margins of Nghị định 30 (top/bottom 20 mm, left 30 mm, right 20 mm). */
export const A4 = { w: 595.28, h: 841.89 };
export const MARGIN = { top: 56.69, bottom: 56.69, left: 85.04, right: 56.69 };
export const CONTENT_W = A4.w - MARGIN.left - MARGIN.right;

/** The band at the foot of every page that carries the stamp and the dossier page number. */
export const FOOT = { baseline: 16, size: 8, side: 28, band: 26 };

/** A link's destination, resolved when the volume is written. */
export type Target = { node: number } | { doc: number } | { anchor: string };

export type Op =
  | { k: 't'; x: number; y: number; size: number; style: Style; text: string; gray?: number }
  | { k: 'l'; x1: number; y1: number; x2: number; y2: number; width: number; gray?: number }
  | { k: 'r'; x: number; y: number; w: number; h: number; fill: number }
  | { k: 'b'; x: number; y: number; w: number; h: number; width: number }
  | { k: 'a'; x: number; y: number; w: number; h: number; target: Target }
  | { k: 'file'; x: number; y: number; w: number; h: number; docId: number };

export interface GenPage {
  /** What the page is, for the outline and tests: cover, table, toc, area, divider, attachment. */
  role: string;
  ops: Op[];
  /** Anchors that point here ("table", "toc"). */
  anchors: string[];
  /** Print the dossier page number at the foot (everything except the cover). */
  numbered: boolean;
  /** An attachment notice also carries the evidence stamp. */
  stampDoc?: number;
}

export function newPage(role: string, numbered = true): GenPage {
  return { role, ops: [], anchors: [], numbered };
}

export const lineHeight = (size: number) => size * 1.22;

/** Adds a text op; returns its width. */
export function text(
  page: GenPage,
  m: Metrics,
  x: number,
  y: number,
  s: string,
  size: number,
  style: Style = 'regular',
  gray?: number,
): number {
  if (s)
    page.ops.push({ k: 't', x, y, size, style, text: s, ...(gray !== undefined ? { gray } : {}) });
  return m.width(s, size, style);
}

export function centered(
  page: GenPage,
  m: Metrics,
  cx: number,
  y: number,
  s: string,
  size: number,
  style: Style = 'regular',
): number {
  const w = m.width(s, size, style);
  text(page, m, cx - w / 2, y, s, size, style);
  return w;
}

export function rightAligned(
  page: GenPage,
  m: Metrics,
  right: number,
  y: number,
  s: string,
  size: number,
  style: Style = 'regular',
): void {
  text(page, m, right - m.width(s, size, style), y, s, size, style);
}

export function hline(page: GenPage, x1: number, x2: number, y: number, width = 0.6): void {
  page.ops.push({ k: 'l', x1, y1: y, x2, y2: y, width });
}

/**
 * A running column of text that breaks onto new pages: `y` is the next baseline's top.
 * `start` sets up each new page (a heading, a repeated table header) and returns its top y.
 */
export class Flow {
  readonly pages: GenPage[] = [];
  page: GenPage;
  y: number;

  constructor(
    readonly role: string,
    private readonly start: (page: GenPage, first: boolean) => number = () => A4.h - MARGIN.top,
    readonly bottom = MARGIN.bottom,
  ) {
    this.page = newPage(role);
    this.pages.push(this.page);
    this.y = this.start(this.page, true);
  }

  /** Starts a new page when less than `h` points are left. */
  need(h: number): void {
    if (this.y - h < this.bottom) this.break();
  }

  break(): void {
    this.page = newPage(this.role);
    this.pages.push(this.page);
    this.y = this.start(this.page, false);
  }

  /** Wrapped paragraph at x with width w; returns the lines' baselines' page/y for links. */
  paragraph(
    m: Metrics,
    s: string,
    opts: { x?: number; w?: number; size: number; style?: Style; indent?: number; after?: number },
  ): void {
    const x = opts.x ?? MARGIN.left;
    const w = opts.w ?? CONTENT_W;
    const style = opts.style ?? 'regular';
    const lh = lineHeight(opts.size);
    const lines = m.wrap(s, opts.size, style, w - (opts.indent ?? 0));
    lines.forEach((line, i) => {
      this.need(lh);
      this.y -= lh;
      text(
        this.page,
        m,
        x + (i === 0 ? 0 : (opts.indent ?? 0)),
        this.y + lh * 0.22,
        line,
        opts.size,
        style,
      );
    });
    this.y -= opts.after ?? 0;
  }
}
