/**
 * Lays the whole dossier out: which pages each volume has, in order, and where every node,
 * document and generated part lands. Page numbers printed in the score table, the tables of
 * contents and the dividers depend on the length of those same parts, so the layout is repeated
 * with the previous pass's positions until nothing moves (two or three passes in practice).
 */
import type { DossierSpec, PagePos } from '../model';
import { coverPage } from '../cover';
import { attachmentPage, dividerPages } from '../divider';
import { scoreTablePages } from '../score-table';
import { areaPages, tocPages } from '../toc';
import { LayoutContext } from './context';
import type { GenPage } from './display';
import type { Metrics } from './metrics';

export type Entry = { gen: GenPage } | { doc: number; pages: number };

export interface VolumeLayout {
  index: number;
  entries: Entry[];
  pages: number;
}

export interface DossierLayout {
  volumes: VolumeLayout[];
  /** n:<node>, n:<node>@<volume>, d:<doc>, a:<anchor>@<volume> → position. */
  at: Map<string, PagePos>;
  ctx: LayoutContext;
}

export function layoutDossier(spec: DossierSpec, m: Metrics): DossierLayout {
  let prev = new Map<string, PagePos>();
  let result: DossierLayout | null = null;
  for (let pass = 0; pass < 6; pass++) {
    result = layoutPass(spec, m, prev);
    if (pass > 0 && samePositions(prev, result.at)) break;
    prev = result.at;
  }
  return result!;
}

function layoutPass(spec: DossierSpec, m: Metrics, prev: Map<string, PagePos>): DossierLayout {
  const ctx = new LayoutContext(spec, m, prev);
  const at = new Map<string, PagePos>();
  const volumes: VolumeLayout[] = [];
  for (const vol of spec.volumes) {
    const entries: Entry[] = [];
    let page = 0;
    const mark = (key: string) => {
      if (!at.has(key)) at.set(key, { volume: vol.index, page: page + 1 });
    };
    const add = (pages: GenPage[]) => {
      for (const p of pages) {
        for (const a of p.anchors) {
          if (!at.has(`a:${a}@${vol.index}`))
            at.set(`a:${a}@${vol.index}`, { volume: vol.index, page: page + 1 });
        }
        entries.push({ gen: p });
        page++;
      }
    };
    add([coverPage(ctx, vol)]);
    if (vol.index === 1) add(scoreTablePages(ctx));
    add(tocPages(ctx, vol.index));
    let area: number | null = null;
    for (const u of vol.units) {
      const node = ctx.nodes.get(u.nodeId);
      if (!node) continue;
      const top = ctx.areaOf(node);
      if (top.id !== area) {
        area = top.id;
        const continued = at.has(`n:${top.id}`);
        mark(`n:${top.id}@${vol.index}`);
        mark(`n:${top.id}`);
        add(areaPages(ctx, top, vol.index, continued));
      }
      for (const n of [...ctx.ancestors(node), node]) {
        mark(`n:${n.id}@${vol.index}`);
        mark(`n:${n.id}`);
      }
      add(dividerPages(ctx, node, vol.index, u.continued));
      for (const id of u.docIds) {
        const doc = ctx.docs.get(id);
        if (!doc) continue;
        mark(`d:${id}`);
        if (doc.kind === 'attachment') add([attachmentPage(ctx, doc)]);
        else {
          entries.push({ doc: id, pages: doc.pages });
          page += doc.pages;
        }
      }
    }
    volumes.push({ index: vol.index, entries, pages: page });
  }
  return { volumes, at, ctx };
}

function samePositions(a: Map<string, PagePos>, b: Map<string, PagePos>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.page !== v.page || w.volume !== v.volume) return false;
  }
  return true;
}
