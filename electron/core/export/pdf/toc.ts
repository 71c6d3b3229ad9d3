/**
 * Mục lục: every area, criterion and sub-criterion that has pages in the dossier, with the page
 * where it starts and a link to it. Volume 1 holds the whole dossier's table ("Tập 2, tr. 15"
 * for what is in another volume); each later volume has its own. Area pages reuse the same
 * entries for the part of the tree they open.
 */
import type { NodeSpec } from './model';
import {
  A4,
  CONTENT_W,
  MARGIN,
  centered,
  lineHeight,
  text,
  Flow,
  type GenPage,
  type Target,
} from './layout/display';
import type { Style } from './layout/metrics';
import { codeTitle, type LayoutContext } from './layout/context';
import { pageRefText, points, upperVi, vi } from './text';

const SIZE = 12.5;
const NUM_W = 78;

interface Entry {
  label: string;
  level: number;
  style: Style;
  target: Target;
}

/** Nodes with pages in `volume` (or anywhere when null), in tree order, under `root`. */
export function tocEntries(ctx: LayoutContext, volume: number | null, root?: NodeSpec): Entry[] {
  const out: Entry[] = [];
  const baseLevel = root ? root.level : 0;
  const visit = (parent: number | null) => {
    for (const n of ctx.children.get(parent) ?? []) {
      const vols = ctx.inVolume.get(n.id);
      if (!vols || (volume !== null && !vols.has(volume))) continue;
      out.push({
        label: codeTitle(n, vi(n.title)),
        level: n.level - baseLevel,
        style: n.parentId === null || !ctx.nodes.has(n.parentId) ? 'bold' : 'regular',
        target: { node: n.id },
      });
      visit(n.id);
    }
  };
  if (root) visit(root.id);
  else visit(null);
  return out;
}

/** Writes entries with dot leaders and right-aligned page references. */
export function tocBlock(flow: Flow, ctx: LayoutContext, entries: Entry[], volume: number): void {
  const { m } = ctx;
  const lh = lineHeight(SIZE);
  const right = MARGIN.left + CONTENT_W;
  const dot = m.width('.', SIZE);
  for (const e of entries) {
    const indent = Math.min(3, Math.max(0, e.level - 1)) * 16;
    const x = MARGIN.left + indent;
    const lines = m.wrap(e.label, SIZE, e.style, CONTENT_W - indent - NUM_W);
    const pos = ctx.where(e.target, volume);
    const ref =
      ctx.volumeCount > 1 && pos.volume !== volume
        ? pageRefText(pos, volume, ctx.volumeCount)
        : String(pos.page);
    flow.need(lines.length * lh + (e.style === 'bold' ? 6 : 2));
    if (e.style === 'bold') flow.y -= 4;
    const page = flow.page;
    const top = flow.y;
    lines.forEach((line, i) => {
      flow.y -= lh;
      const y = flow.y + lh * 0.22;
      const w = text(page, m, i === 0 ? x : x + 14, y, line, SIZE, e.style);
      if (i === lines.length - 1) {
        const refW = m.width(ref, SIZE, e.style);
        const from = (i === 0 ? x : x + 14) + w + 4;
        const to = right - refW - 4;
        const dots = Math.floor((to - from) / dot);
        if (dots > 2) text(page, m, to - dots * dot, y, '.'.repeat(dots), SIZE, 'regular', 0.35);
        text(page, m, right - refW, y, ref, SIZE, e.style);
      }
    });
    flow.y -= 2;
    // Also to another volume: readers that can (Acrobat, Foxit) open it at the page.
    page.ops.push({
      k: 'a',
      x: MARGIN.left,
      y: flow.y,
      w: CONTENT_W,
      h: top - flow.y,
      target: e.target,
    });
  }
}

export function tocPages(ctx: LayoutContext, volume: number): GenPage[] {
  const { m } = ctx;
  const full = volume === 1;
  const flow = new Flow('toc', (page, first) => {
    const top = A4.h - MARGIN.top;
    if (!first) return top;
    page.anchors.push('toc');
    const title = ctx.volumeCount > 1 && !full ? `MỤC LỤC TẬP ${volume}` : 'MỤC LỤC';
    centered(page, m, MARGIN.left + CONTENT_W / 2, top - 14, title, 14, 'bold');
    let y = top - lineHeight(14) - 4;
    if (ctx.volumeCount > 1 && full) {
      const note = `Hồ sơ gồm ${ctx.volumeCount} tập; số trang ghi “Tập N, tr. M” là trang M của tập N.`;
      centered(page, m, MARGIN.left + CONTENT_W / 2, y - 12, note, 12, 'italic');
      y -= lineHeight(12) + 4;
    }
    return y - 6;
  });
  const head: Entry[] = [];
  if (full) {
    head.push({
      label: 'Bảng tự đánh giá, chấm điểm',
      level: 1,
      style: 'bold',
      target: { anchor: 'table' },
    });
  }
  tocBlock(flow, ctx, [...head, ...tocEntries(ctx, full ? null : volume)], volume);
  return flow.pages;
}

/** The page that opens an area: its title, maximum and self-score, and what follows. */
export function areaPages(
  ctx: LayoutContext,
  area: NodeSpec,
  volume: number,
  continued: boolean,
): GenPage[] {
  const { m } = ctx;
  const cx = MARGIN.left + CONTENT_W / 2;
  const flow = new Flow('area', (page, first) => {
    let y = A4.h - MARGIN.top - 40;
    if (!first) return A4.h - MARGIN.top;
    page.anchors.push(`area:${area.id}`);
    const title = upperVi(codeTitle(area, vi(area.title)));
    for (const line of m.wrap(title, 16, 'bold', CONTENT_W)) {
      centered(page, m, cx, y, line, 16, 'bold');
      y -= lineHeight(16);
    }
    if (continued) {
      centered(page, m, cx, y, '(tiếp theo)', 13, 'italic');
      y -= lineHeight(13);
    }
    y -= 8;
    const facts: string[] = [];
    if (area.maxPoints !== null) facts.push(`Điểm tối đa: ${points(area.maxPoints)}`);
    if (area.notApplicable) facts.push('Không chấm');
    else if (area.selfScore !== null) facts.push(`Điểm tự đánh giá: ${points(area.selfScore)}`);
    if (area.leadOffice) facts.push(`Chủ trì: ${vi(area.leadOffice)}`);
    for (const line of m.wrap(facts.join('   ·   '), 13, 'regular', CONTENT_W)) {
      centered(page, m, cx, y, line, 13, 'regular');
      y -= lineHeight(13);
    }
    y -= 18;
    text(page, m, MARGIN.left, y, 'Nội dung:', 13, 'bold');
    return y - 8;
  });
  tocBlock(flow, ctx, tocEntries(ctx, volume, area), volume);
  return flow.pages;
}
