import { XMLParser } from 'fast-xml-parser';
import { CoreError } from '../../errors';
import { cleanLines, leadingIndent } from './cells';
import type { Grid, GridCell } from './types';

/** fast-xml-parser's preserveOrder shape: { tag: children[], ':@': attributes }. */
type XNode = Record<string, unknown>;

function tagOf(n: XNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}

function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

/** Containers Word wraps around rows, cells and runs (content controls, tracked insertions…). */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag']);

function collect(nodes: XNode[], tag: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (t && WRAPPERS.has(t)) collect(kids(n), tag, out);
  }
  return out;
}

function onOff(rPr: XNode | undefined, tag: string): boolean {
  const el = rPr ? child(rPr, tag) : undefined;
  if (!el) return false;
  const v = attr(el, 'w:val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

interface Inked {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Text of a paragraph's runs in order, skipping deleted text and nested tables. */
function runs(nodes: XNode[], out: Inked[]): void {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'w:r') {
      const rPr = child(n, 'w:rPr');
      const bold = onOff(rPr, 'w:b');
      const italic = onOff(rPr, 'w:i');
      for (const k of kids(n)) {
        const kt = tagOf(k);
        if (kt === 'w:t') {
          const text = kids(k)
            .map((x) => (typeof x['#text'] === 'string' ? x['#text'] : String(x['#text'] ?? '')))
            .join('');
          out.push({ text, bold, italic });
        } else if (kt === 'w:tab') out.push({ text: ' ', bold, italic });
        else if (kt === 'w:br' || kt === 'w:cr') out.push({ text: '\n', bold, italic });
      }
    } else if (t && t !== 'w:del' && t !== 'w:tbl' && t !== 'w:rPr' && t !== 'w:pPr') {
      runs(kids(n), out);
    }
  }
}

function cellOf(tc: XNode): GridCell {
  const paras = collect(kids(tc), 'w:p');
  const lines: string[] = [];
  const inked: Inked[] = [];
  let indent = 0;
  paras.forEach((p, i) => {
    const pr: Inked[] = [];
    runs(kids(p), pr);
    lines.push(pr.map((r) => r.text).join(''));
    inked.push(...pr.filter((r) => r.text.trim() !== ''));
    if (i === 0) {
      const ind = child(child(p, 'w:pPr') ?? {}, 'w:ind');
      const left = Number(ind ? (attr(ind, 'w:left') ?? attr(ind, 'w:start') ?? 0) : 0);
      if (Number.isFinite(left) && left > 0) indent = Math.round(left / 360);
    }
  });
  const raw = lines.join('\n');
  const cell: GridCell = { text: cleanLines(raw) };
  const ind = indent + leadingIndent(raw);
  if (ind > 0) cell.indent = ind;
  if (inked.length > 0 && inked.every((r) => r.bold)) cell.bold = true;
  if (inked.length > 0 && inked.every((r) => r.italic)) cell.italic = true;
  return cell;
}

function tableGrid(tbl: XNode, name: string): Grid {
  const rows: (GridCell | undefined)[][] = [];
  // Last vMerge master per grid column, so continuation cells can point at it.
  const vMaster: (GridCell | undefined)[] = [];
  let width = 0;
  for (const tr of collect(kids(tbl), 'w:tr')) {
    const out: (GridCell | undefined)[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = trPr ? child(trPr, 'w:gridBefore') : undefined;
    let col = before ? Number(attr(before, 'w:val') ?? 0) || 0 : 0;
    for (const tc of collect(kids(tr), 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const spanEl = tcPr ? child(tcPr, 'w:gridSpan') : undefined;
      const span = Math.max(1, Number(spanEl ? attr(spanEl, 'w:val') : 1) || 1);
      const vm = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const vmVal = vm ? attr(vm, 'w:val') : undefined;
      let cell: GridCell;
      const master = vMaster[col];
      if (vm && vmVal !== 'restart' && master) {
        cell = { text: '', merged: { text: master.text, above: true, left: false } };
        if (master.bold) cell.bold = true;
      } else {
        cell = cellOf(tc);
        for (let k = 0; k < span; k++) vMaster[col + k] = vm ? cell : undefined;
      }
      out[col] = cell;
      for (let k = 1; k < span; k++) {
        out[col + k] = {
          text: '',
          merged: { text: cell.merged?.text ?? cell.text, above: !!cell.merged, left: true },
        };
      }
      col += span;
    }
    width = Math.max(width, col);
    rows.push(out);
  }
  return { name, rows, width };
}

/** Top-level tables of word/document.xml, one grid each, named 'Bảng 1', 'Bảng 2'… */
export function readDocxGrids(xml: string, fileName: string): Grid[] {
  let doc: XNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
    });
    doc = parser.parse(xml) as XNode[];
  } catch {
    throw new CoreError(
      'BAD_FILE',
      `Không đọc được nội dung văn bản Word “${fileName}”: tệp bị hỏng.`,
    );
  }
  const documentEl = doc.find((n) => tagOf(n) === 'w:document');
  const body = documentEl ? child(documentEl, 'w:body') : undefined;
  if (!body) throw new CoreError('BAD_FILE', `Văn bản Word “${fileName}” không có phần nội dung.`);
  return collect(kids(body), 'w:tbl').map((t, i) => tableGrid(t, `Bảng ${i + 1}`));
}
