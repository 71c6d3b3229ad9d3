/**
 * The divider before each sub-criterion's documents: code, title, maximum, self-score (or why
 * it is not scored), the explanation (giải trình), and the list of its documents with the
 * dossier page where each starts — "xem trang 45" for one included at another sub-criterion.
 * Also the notice page that stands in for an office file that could not become pages.
 */
import type { DocSpec, NodeSpec } from './model';
import {
  A4,
  CONTENT_W,
  MARGIN,
  Flow,
  hline,
  lineHeight,
  text,
  type GenPage,
} from './layout/display';
import { codeTitle, type LayoutContext } from './layout/context';
import {
  docDescription,
  kindLabel,
  pageRefText,
  points,
  seePageText,
  sizeText,
  vi,
  viParagraphs,
} from './text';

const SIZE = 13;
const LIST = 12;
const CODE_W = 74;
const REF_W = 96;

export function dividerPages(
  ctx: LayoutContext,
  node: NodeSpec,
  volume: number,
  continued: boolean,
): GenPage[] {
  const { m } = ctx;
  const flow = new Flow('divider', (page, first) => {
    let y = A4.h - MARGIN.top;
    if (first) page.anchors.push(`node:${node.id}`);
    const crumbs = ctx.ancestors(node).map((a) => codeTitle(a, vi(a.title)));
    if (crumbs.length) {
      const crumb = m.fit(crumbs.join('  ›  '), 10.5, 'italic', CONTENT_W);
      y -= 10.5;
      text(page, m, MARGIN.left, y, crumb, 10.5, 'italic', 0.3);
      y -= 10;
    }
    const heading = codeTitle(node, vi(node.title)) + (continued || !first ? ' (tiếp theo)' : '');
    for (const line of m.wrap(heading, 14, 'bold', CONTENT_W)) {
      y -= lineHeight(14);
      text(page, m, MARGIN.left, y + 3, line, 14, 'bold');
    }
    y -= 6;
    hline(page, MARGIN.left, MARGIN.left + CONTENT_W, y, 0.8);
    return y - 6;
  });

  if (!continued) {
    // The facts, in a light box: label on the left, value on the right.
    const facts: [string, string][] = [];
    if (node.maxPoints !== null) facts.push(['Điểm tối đa', `${points(node.maxPoints)} điểm`]);
    if (node.notApplicable) {
      facts.push(['Điểm tự đánh giá', 'Không chấm']);
      facts.push(['Lý do không chấm', vi(node.naReason) || '(chưa ghi lý do)']);
    } else {
      facts.push([
        'Điểm tự đánh giá',
        node.selfScore === null ? 'Chưa chấm' : `${points(node.selfScore)} điểm`,
      ]);
    }
    if (node.leadOffice) facts.push(['Đơn vị chủ trì', vi(node.leadOffice)]);
    const labelW = 118;
    const flh = lineHeight(SIZE);
    const rows = facts.map(([k, v]) => ({
      k,
      lines: m.wrap(v, SIZE, 'regular', CONTENT_W - labelW - 16),
    }));
    const boxH = rows.reduce((a, r) => a + r.lines.length * flh, 0) + 10;
    flow.need(boxH + 4);
    const page = flow.page;
    page.ops.push({ k: 'r', x: MARGIN.left, y: flow.y - boxH, w: CONTENT_W, h: boxH, fill: 0.95 });
    let y = flow.y - 5;
    for (const r of rows) {
      r.lines.forEach((line, i) => {
        y -= flh;
        if (i === 0) text(page, m, MARGIN.left + 8, y + flh * 0.22, `${r.k}:`, SIZE, 'bold');
        text(
          page,
          m,
          MARGIN.left + labelW,
          y + flh * 0.22,
          line,
          SIZE,
          r.k === 'Điểm tự đánh giá' ? 'bold' : 'regular',
        );
      });
    }
    flow.y -= boxH + 4;
    const explanation = viParagraphs(node.explanation);
    if (explanation.length) {
      flow.y -= 4;
      flow.paragraph(m, 'Giải trình:', { size: SIZE, style: 'bold', after: 1 });
      for (const p of explanation) flow.paragraph(m, p, { size: SIZE, after: 2 });
    }
  }

  flow.y -= 10;
  const count = node.links.length;
  flow.need(lineHeight(SIZE) * 3);
  flow.paragraph(m, count ? `Tài liệu kiểm chứng (${count}):` : 'Tài liệu kiểm chứng: không có.', {
    size: SIZE,
    style: 'bold',
    after: 3,
  });
  if (!count && node.notApplicable) {
    flow.paragraph(m, 'Nội dung không chấm nên không kèm tài liệu kiểm chứng.', {
      size: LIST,
      style: 'italic',
    });
  }
  if (count) {
    const hl = lineHeight(11);
    flow.need(hl + lineHeight(LIST) * 2);
    flow.y -= hl;
    text(flow.page, m, MARGIN.left, flow.y + hl * 0.22, 'Mã TLKC', 11, 'italic', 0.3);
    text(
      flow.page,
      m,
      MARGIN.left + CODE_W,
      flow.y + hl * 0.22,
      'Số, ký hiệu, ngày ban hành, trích yếu',
      11,
      'italic',
      0.3,
    );
    const pw = m.width('Trang', 11, 'italic');
    text(
      flow.page,
      m,
      MARGIN.left + CONTENT_W - pw,
      flow.y + hl * 0.22,
      'Trang',
      11,
      'italic',
      0.3,
    );
    flow.y -= 3;
    hline(flow.page, MARGIN.left, MARGIN.left + CONTENT_W, flow.y, 0.6);
    flow.y -= 2;
  }

  const lh = lineHeight(LIST);
  const descX = MARGIN.left + CODE_W;
  const descW = CONTENT_W - CODE_W - REF_W;
  const right = MARGIN.left + CONTENT_W;
  for (const link of node.links) {
    const doc = ctx.docs.get(link.docId);
    if (!doc) continue;
    const lines = m.wrap(docDescription(doc), LIST, 'regular', descW - 6);
    const notes: string[] = [];
    if (link.pages) notes.push(`Trang cần xem: ${vi(link.pages)}`);
    if (link.note) notes.push(vi(link.note));
    if (doc.attachment)
      notes.push(`Tệp ${kindLabel(doc.attachment.fileKind)} đính kèm trong hồ sơ`);
    const noteLines = notes.flatMap((n) => m.wrap(n, 11, 'italic', descW - 6));
    const pos = ctx.where({ doc: link.docId }, volume);
    const ref = link.first
      ? pageRefText(pos, volume, ctx.volumeCount)
      : seePageText(pos, volume, ctx.volumeCount);
    const h = lines.length * lh + noteLines.length * lineHeight(11) + 5;
    flow.need(Math.min(h, lh * 4));
    const page = flow.page;
    const top = flow.y;
    text(page, m, MARGIN.left, top - lh + lh * 0.22, link.evidenceCode, LIST, 'bold');
    const refLines = m.wrap(ref, LIST, link.first ? 'regular' : 'italic', REF_W - 4);
    refLines.forEach((r, i) => {
      const w = m.width(r, LIST, link.first ? 'regular' : 'italic');
      text(
        page,
        m,
        right - w,
        top - (i + 1) * lh + lh * 0.22,
        r,
        LIST,
        link.first ? 'regular' : 'italic',
      );
    });
    for (const line of lines) {
      flow.need(lh);
      flow.y -= lh;
      text(flow.page, m, descX, flow.y + lh * 0.22, line, LIST, 'regular');
    }
    for (const line of noteLines) {
      flow.need(lineHeight(11));
      flow.y -= lineHeight(11);
      text(flow.page, m, descX, flow.y + lineHeight(11) * 0.22, line, 11, 'italic', 0.25);
    }
    flow.y -= 4;
    flow.page.ops.push({
      k: 'l',
      x1: MARGIN.left,
      y1: flow.y,
      x2: MARGIN.left + CONTENT_W,
      y2: flow.y,
      width: 0.3,
      gray: 0.6,
    });
    flow.y -= 1;
    if (flow.page === page) {
      page.ops.push({
        k: 'a',
        x: MARGIN.left,
        y: flow.y + 2,
        w: CONTENT_W,
        h: top - flow.y - 2,
        target: { doc: link.docId },
      });
    }
  }
  if (node.excluded.length) {
    flow.y -= 6;
    flow.paragraph(m, 'Không đưa vào hồ sơ:', { size: LIST, style: 'bold' });
    for (const e of node.excluded) {
      flow.paragraph(m, `${e.code} – ${vi(e.name)}: ${vi(e.reason)}`, {
        size: LIST,
        style: 'italic',
        indent: 14,
      });
    }
  }
  return flow.pages;
}

/** Stands in for an office file that did not become pages; the file itself is attached. */
export function attachmentPage(ctx: LayoutContext, doc: DocSpec): GenPage {
  const { m } = ctx;
  const a = doc.attachment!;
  const flow = new Flow('attachment', (page) => {
    page.stampDoc = doc.id;
    return A4.h - MARGIN.top - 20;
  });
  flow.page.numbered = false;
  flow.paragraph(m, `Tài liệu kiểm chứng ${doc.code}`, { size: 14, style: 'bold', after: 6 });
  flow.paragraph(m, docDescription(doc), { size: SIZE, after: 12 });
  const what = `Tài liệu này là tệp ${kindLabel(a.fileKind)} “${vi(doc.originalName)}” (${sizeText(a.size)}).`;
  const why =
    a.reason === 'no-office'
      ? 'Máy tính xuất hồ sơ chưa cài LibreOffice nên tệp không được chuyển thành trang PDF.'
      : 'Không chuyển được tệp thành trang PDF (LibreOffice báo lỗi hoặc chạy quá lâu).';
  flow.paragraph(m, `${what} ${why}`, { size: SIZE, after: 8 });
  flow.paragraph(
    m,
    'Tệp gốc được đính kèm nguyên vẹn trong tệp PDF này: bấm vào biểu tượng kẹp giấy bên dưới, hoặc mở bảng “Tệp đính kèm” của trình đọc PDF để xem.',
    { size: SIZE, after: 12 },
  );
  flow.page.ops.push({ k: 'file', x: MARGIN.left, y: flow.y - 30, w: 20, h: 24, docId: doc.id });
  text(
    flow.page,
    m,
    MARGIN.left + 28,
    flow.y - 22,
    `${doc.code} – ${vi(doc.originalName)}`,
    12,
    'italic',
  );
  return flow.page;
}
