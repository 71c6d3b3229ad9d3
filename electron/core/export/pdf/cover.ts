/**
 * The cover, in the administrative look of Nghị định 30/2020/NĐ-CP: the issuing body upper left
 * (the body above in upper case, the unit in bold upper case, a short rule under it), the
 * national motto upper right (its second line bold with a rule as long as the line), the title
 * in the middle, the unit, place and date at the foot.
 */
import type { DossierSpec, NodeSpec, VolumeSpec } from './model';
import {
  A4,
  CONTENT_W,
  MARGIN,
  centered,
  hline,
  lineHeight,
  newPage,
  type GenPage,
} from './layout/display';
import { codeTitle, type LayoutContext } from './layout/context';
import { indexTitle, upperVi, vi } from './text';

const MOTTO_1 = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_2 = 'Độc lập - Tự do - Hạnh phúc';
export const COVER_TITLE = 'HỒ SƠ TÀI LIỆU KIỂM CHỨNG';

export function coverPage(ctx: LayoutContext, volume: VolumeSpec): GenPage {
  const { m, spec } = ctx;
  const page = newPage('cover');
  page.anchors.push('cover');
  const top = A4.h - MARGIN.top;
  const right = A4.w - MARGIN.right;
  // A double frame, as on a printed dossier cover.
  frame(page, 48, 34, A4.w - 30, A4.h - 30, 1.6);
  frame(page, 52, 38, A4.w - 34, A4.h - 34, 0.5);

  // Upper right: the national motto; its column is as wide as the first line.
  const hSize = 12.5;
  const motto1 = m.width(MOTTO_1, hSize, 'bold');
  const rightW = motto1 + 6;
  const rightCx = right - rightW / 2 + 8;
  let y = top - hSize;
  centered(page, m, rightCx, y, MOTTO_1, hSize, 'bold');
  y -= lineHeight(13.5);
  const motto2 = centered(page, m, rightCx, y, MOTTO_2, 13.5, 'bold');
  hline(page, rightCx - motto2 / 2, rightCx + motto2 / 2, y - 6.5, 0.7);

  // Upper left: the body above (regular) and the unit (bold), short rule under.
  const leftW = CONTENT_W - rightW - 6;
  const leftCx = MARGIN.left + leftW / 2 - 14;
  y = top - hSize;
  let lastW = 0;
  const body = spec.unit?.parentBody ? upperVi(spec.unit.parentBody) : '';
  for (const line of body ? m.wrap(body, hSize, 'regular', leftW + 40) : []) {
    centered(page, m, leftCx, y, line, hSize, 'regular');
    y -= lineHeight(hSize);
  }
  const unit = spec.unit?.name ? upperVi(spec.unit.name) : '';
  for (const line of unit ? m.wrap(unit, hSize, 'bold', leftW + 40) : []) {
    lastW = centered(page, m, leftCx, y, line, hSize, 'bold');
    y -= lineHeight(hSize);
  }
  if (lastW > 0) {
    const rule = Math.max(40, lastW / 3);
    hline(page, leftCx - rule / 2, leftCx + rule / 2, y + lineHeight(hSize) - 6.5, 0.7);
  }

  // The title, a little above the middle of the page.
  const cx = MARGIN.left + CONTENT_W / 2;
  y = A4.h * 0.64;
  centered(page, m, cx, y, COVER_TITLE, 20, 'bold');
  y -= lineHeight(20) + 6;
  const sub = upperVi(
    indexTitle(spec.assessment.indexKind, spec.assessment.frameworkName, spec.assessment.year),
  );
  for (const line of m.wrap(sub, 15, 'bold', CONTENT_W)) {
    centered(page, m, cx, y, line, 15, 'bold');
    y -= lineHeight(15);
  }

  for (const line of partialLines(spec.partial)) {
    for (const l of m.wrap(line.text, 13, line.style, CONTENT_W - 40)) {
      if (line.first) y -= 22;
      line.first = false;
      centered(page, m, cx, y, l, 13, line.style);
      y -= lineHeight(13);
    }
  }

  if (ctx.volumeCount > 1) {
    y -= 22;
    centered(page, m, cx, y, `TẬP ${volume.index}/${ctx.volumeCount}`, 15, 'bold');
    y -= lineHeight(15) + 8;
    const areas = volume.areas
      .map((code) => ctx.spec.nodes.find((n) => n.code === code && n.parentId === null))
      .filter((n): n is NodeSpec => n !== undefined);
    if (areas.length) {
      centered(page, m, cx, y, areas.length > 1 ? 'Gồm các lĩnh vực:' : 'Lĩnh vực:', 13, 'italic');
      y -= lineHeight(13) + 2;
      for (const a of areas.slice(0, 12)) {
        for (const line of m.wrap(codeTitle(a, vi(a.title)), 13, 'regular', CONTENT_W - 40)) {
          centered(page, m, cx, y, line, 13, 'regular');
          y -= lineHeight(13);
        }
      }
      if (areas.length > 12) {
        centered(page, m, cx, y, `và ${areas.length - 12} lĩnh vực khác`, 13, 'italic');
        y -= lineHeight(13);
      }
    }
    if (volume.index > 1) {
      y -= 6;
      centered(
        page,
        m,
        cx,
        y,
        'Bảng tự đánh giá, chấm điểm và mục lục toàn bộ hồ sơ ở Tập 1.',
        12,
        'italic',
      );
    }
  }

  // The foot: the unit, then place and date.
  let fy = MARGIN.bottom + 30;
  centered(page, m, cx, fy, dateLineText(spec.dateLine), 14, 'italic');
  fy += lineHeight(14) + 4;
  if (spec.unit?.name) {
    const lines = m.wrap(vi(spec.unit.name), 14, 'bold', CONTENT_W);
    for (let i = lines.length - 1; i >= 0; i--) {
      centered(page, m, cx, fy, lines[i]!, 14, 'bold');
      fy += lineHeight(14);
    }
  }
  return page;
}

/**
 * "Phần: Lĩnh vực 1. Công tác chỉ đạo…" when only some areas (or offices) are exported, so the
 * cover never presents a part as the whole index.
 */
function partialLines(
  partial: DossierSpec['partial'],
): { text: string; style: 'regular' | 'italic'; first: boolean }[] {
  if (!partial) return [];
  const out: { text: string; style: 'regular' | 'italic'; first: boolean }[] = [];
  const area = (a: { code: string; title: string }) => `Lĩnh vực ${codeTitle(a, vi(a.title))}`;
  if (partial.areas.length === 1) {
    out.push({ text: `Phần: ${area(partial.areas[0]!)}`, style: 'regular', first: true });
  } else if (partial.areas.length > 1) {
    out.push({ text: 'Phần: các lĩnh vực', style: 'italic', first: true });
    for (const a of partial.areas.slice(0, 12))
      out.push({ text: area(a), style: 'regular', first: false });
    if (partial.areas.length > 12)
      out.push({
        text: `và ${partial.areas.length - 12} lĩnh vực khác`,
        style: 'italic',
        first: false,
      });
  }
  if (partial.offices.length) {
    const names = partial.offices.map((o) => vi(o)).join(', ');
    out.push({
      text: `${partial.areas.length ? 'Các nội dung' : 'Phần: các nội dung'} do ${names} chủ trì`,
      style: partial.areas.length ? 'italic' : 'regular',
      first: partial.areas.length === 0,
    });
  }
  return out;
}

function frame(page: GenPage, x1: number, y1: number, x2: number, y2: number, width: number): void {
  page.ops.push({ k: 'b', x: x1, y: y1, w: x2 - x1, h: y2 - y1, width });
}

function dateLineText(s: string): string {
  return vi(s);
}
