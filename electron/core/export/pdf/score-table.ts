/**
 * Bảng tự đánh giá, chấm điểm: one row per node (code, content, maximum, self-score or "Không
 * chấm", the evidence codes with the dossier page where each document starts), areas in bold,
 * totals and the index at the end. The header row repeats on every page; a row taller than
 * what is left of a page continues on the next one.
 */
import type { NodeSpec } from './model';
import {
  A4,
  CONTENT_W,
  MARGIN,
  centered,
  hline,
  lineHeight,
  text,
  type GenPage,
  type Target,
  Flow,
} from './layout/display';
import type { Style } from './layout/metrics';
import type { LayoutContext } from './layout/context';
import { formatIndex } from '../../../../shared/scoring';
import { indexTitle, pageRefText, points, vi } from './text';

interface Line {
  text: string;
  style: Style;
  size: number;
  target?: Target;
}

interface Column {
  w: number;
  align: 'left' | 'center';
}

const COLS: Column[] = [
  { w: 46, align: 'left' },
  { w: CONTENT_W - 46 - 46 - 52 - 128, align: 'left' },
  { w: 46, align: 'center' },
  { w: 52, align: 'center' },
  { w: 128, align: 'left' },
];
const HEADERS = [
  'Mã',
  'Nội dung',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Tài liệu kiểm chứng (trang)',
];
const PAD = 3.5;
const SIZE = 12;
const SMALL = 11;

export function scoreTablePages(ctx: LayoutContext): GenPage[] {
  const { m, spec } = ctx;
  const headerLines = HEADERS.map((h, i) => m.wrap(h, SMALL, 'bold', COLS[i]!.w - 2 * PAD));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * lineHeight(SMALL) + 2 * PAD;

  const drawHeader = (page: GenPage, top: number): number => {
    page.ops.push({
      k: 'r',
      x: MARGIN.left,
      y: top - headerH,
      w: CONTENT_W,
      h: headerH,
      fill: 0.88,
    });
    let x = MARGIN.left;
    headerLines.forEach((lines, i) => {
      const col = COLS[i]!;
      lines.forEach((line, j) => {
        const y = top - PAD - (j + 1) * lineHeight(SMALL) + lineHeight(SMALL) * 0.22;
        centered(page, m, x + col.w / 2, y, line, SMALL, 'bold');
      });
      x += col.w;
    });
    grid(page, top, top - headerH);
    hline(page, MARGIN.left, MARGIN.left + CONTENT_W, top, 0.7);
    hline(page, MARGIN.left, MARGIN.left + CONTENT_W, top - headerH, 0.7);
    return top - headerH;
  };

  const flow = new Flow('table', (page, first) => {
    let top = A4.h - MARGIN.top;
    if (first) {
      page.anchors.push('table');
      centered(
        page,
        m,
        A4.w / 2 + (MARGIN.left - MARGIN.right) / 2,
        top - 14,
        'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM',
        14,
        'bold',
      );
      top -= lineHeight(14) + 2;
      const sub = `${indexTitle(spec.assessment.indexKind, spec.assessment.frameworkName, spec.assessment.year)}`;
      for (const line of m.wrap(sub, 13, 'italic', CONTENT_W)) {
        centered(page, m, MARGIN.left + CONTENT_W / 2, top - 13, line, 13, 'italic');
        top -= lineHeight(13);
      }
      if (spec.unit?.name) {
        centered(page, m, MARGIN.left + CONTENT_W / 2, top - 13, vi(spec.unit.name), 13, 'italic');
        top -= lineHeight(13);
      }
      top -= 10;
    }
    return drawHeader(page, top);
  });

  const row = (cells: Line[][], opts: { fill?: number } = {}) => {
    const wrapped = cells.map((lines, i) => wrapCell(ctx, lines, COLS[i]!.w - 2 * PAD));
    let offset = wrapped.map(() => 0);
    for (;;) {
      const remaining = Math.max(...wrapped.map((l, i) => l.length - offset[i]!));
      const lh = lineHeight(SIZE);
      let fit = Math.floor((flow.y - flow.bottom - 2 * PAD) / lh);
      if (fit < 1 || (fit < remaining && fit < 3 && offset.every((o) => o === 0))) {
        flow.break();
        fit = Math.floor((flow.y - flow.bottom - 2 * PAD) / lh);
      }
      const take = Math.min(remaining, fit);
      const h = take * lh + 2 * PAD;
      const top = flow.y;
      const page = flow.page;
      if (opts.fill !== undefined) {
        page.ops.push({ k: 'r', x: MARGIN.left, y: top - h, w: CONTENT_W, h, fill: opts.fill });
      }
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        const col = COLS[i]!;
        for (let j = 0; j < take; j++) {
          const line = lines[offset[i]! + j];
          if (!line) break;
          const y = top - PAD - (j + 1) * lh + lh * 0.22;
          const w = m.width(line.text, line.size, line.style);
          const lx = col.align === 'center' ? x + (col.w - w) / 2 : x + PAD;
          text(page, m, lx, y, line.text, line.size, line.style);
          if (line.target) {
            page.ops.push({ k: 'a', x: lx - 1, y: y - 3, w: w + 2, h: lh, target: line.target });
          }
        }
        x += col.w;
      });
      grid(page, top, top - h);
      hline(page, MARGIN.left, MARGIN.left + CONTENT_W, top - h, 0.5);
      flow.y = top - h;
      offset = offset.map((o, i) => Math.min(wrapped[i]!.length, o + take));
      if (wrapped.every((l, i) => offset[i]! >= l.length)) break;
      flow.break();
    }
  };

  for (const n of spec.nodes) {
    const top = n.parentId === null || !ctx.nodes.has(n.parentId);
    const style: Style = top ? 'bold' : 'regular';
    row(
      [
        [{ text: vi(n.code), style, size: SIZE }],
        [{ text: vi(n.title), style, size: SIZE }],
        [{ text: points(n.maxPoints), style, size: SIZE }],
        [{ text: scoreText(n), style, size: n.notApplicable ? SMALL : SIZE }],
        evidenceLines(ctx, n),
      ],
      top ? { fill: 0.95 } : {},
    );
  }
  row(
    [
      [],
      [{ text: totalLabel(spec), style: 'bold', size: SIZE }],
      [{ text: points(spec.total.max), style: 'bold', size: SIZE }],
      [{ text: points(spec.total.score), style: 'bold', size: SIZE }],
      [],
    ],
    { fill: 0.95 },
  );

  flow.y -= 8;
  const t = spec.total;
  if (spec.partial) {
    // A part of the index: its own sums, and no claim about the index as a whole.
    const what = spec.partial.areas.length ? 'các lĩnh vực đã chọn' : 'các nội dung đã chọn';
    flow.paragraph(
      m,
      `Điểm tự đánh giá của ${what}: ${points(t.score)} điểm trên điểm tối đa ${points(t.max)} điểm của ${what}.`,
      { size: 13 },
    );
    if (t.applicableMax !== t.max) {
      flow.paragraph(
        m,
        `Các nội dung không chấm: ${points(t.max - t.applicableMax)} điểm; điểm tối đa của các nội dung được chấm: ${points(t.applicableMax)} điểm.`,
        { size: 13 },
      );
    }
    flow.paragraph(
      m,
      `Hồ sơ này chỉ gồm ${what}, không phải toàn bộ bộ chỉ số, nên không tính Chỉ số chung.`,
      { size: 13, style: 'italic' },
    );
    return flow.pages;
  }
  flow.paragraph(
    m,
    `Tổng điểm tự đánh giá: ${points(t.score)} điểm trên tổng điểm tối đa ${points(t.max)} điểm.`,
    { size: 13 },
  );
  if (t.applicableMax !== t.max) {
    flow.paragraph(
      m,
      `Các nội dung không chấm: ${points(t.max - t.applicableMax)} điểm; điểm tối đa của các nội dung được chấm: ${points(t.applicableMax)} điểm.`,
      { size: 13 },
    );
  }
  if (t.index !== null) {
    flow.paragraph(
      m,
      `Chỉ số (điểm tự đánh giá ÷ điểm tối đa được chấm × 100): ${formatIndex(t.index)}.`,
      { size: 13, style: 'bold' },
    );
  }
  return flow.pages;
}

/** "TỔNG CỘNG" for the whole index; a part says it is one. */
function totalLabel(spec: LayoutContext['spec']): string {
  if (!spec.partial) return 'TỔNG CỘNG';
  return spec.partial.areas.length ? 'Cộng các lĩnh vực đã chọn' : 'Cộng các nội dung đã chọn';
}

function scoreText(n: NodeSpec): string {
  if (n.notApplicable) return 'Không chấm';
  return points(n.selfScore);
}

function evidenceLines(ctx: LayoutContext, n: NodeSpec): Line[] {
  const out: Line[] = [];
  for (const l of n.links) {
    const pos = ctx.where({ doc: l.docId }, 1);
    out.push({
      text: `${l.evidenceCode} (${pageRefText(pos, 1, ctx.volumeCount)})`,
      style: 'regular',
      size: SMALL,
      target: { doc: l.docId },
    });
  }
  for (const e of n.excluded) {
    out.push({ text: `${e.code} (không đưa vào hồ sơ)`, style: 'italic', size: SMALL });
  }
  return out;
}

function wrapCell(ctx: LayoutContext, lines: Line[], w: number): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const parts = ctx.m.wrap(l.text, l.size, l.style, w);
    parts.forEach((p, i) => out.push({ ...l, text: p, ...(i > 0 ? { target: undefined } : {}) }));
  }
  return out.map((l) =>
    l.target === undefined ? { text: l.text, style: l.style, size: l.size } : l,
  );
}

function grid(page: GenPage, top: number, bottom: number): void {
  let x = MARGIN.left;
  page.ops.push({ k: 'l', x1: x, y1: top, x2: x, y2: bottom, width: 0.5 });
  for (const c of COLS) {
    x += c.w;
    page.ops.push({ k: 'l', x1: x, y1: top, x2: x, y2: bottom, width: 0.5 });
  }
}
