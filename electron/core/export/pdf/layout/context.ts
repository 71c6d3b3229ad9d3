/** What every part of the layout reads: the spec, indexes over it, and where things landed. */
import type { DocSpec, DossierSpec, NodeSpec, PagePos } from '../model';
import type { Target } from './display';
import type { Metrics } from './metrics';

export class LayoutContext {
  readonly nodes = new Map<number, NodeSpec>();
  readonly children = new Map<number | null, NodeSpec[]>();
  readonly docs = new Map<number, DocSpec>();
  readonly volumeCount: number;
  /** The volumes each node has content in (its own divider or one below it). */
  readonly inVolume = new Map<number, Set<number>>();

  constructor(
    readonly spec: DossierSpec,
    readonly m: Metrics,
    /** Positions from the previous pass (page numbers printed in this pass). */
    readonly prev: Map<string, PagePos>,
  ) {
    for (const n of spec.nodes) this.nodes.set(n.id, n);
    for (const n of spec.nodes) {
      const parent = n.parentId !== null && this.nodes.has(n.parentId) ? n.parentId : null;
      const list = this.children.get(parent) ?? [];
      list.push(n);
      this.children.set(parent, list);
    }
    for (const d of spec.docs) this.docs.set(d.id, d);
    this.volumeCount = spec.volumes.length;
    for (const v of spec.volumes) {
      for (const u of v.units) {
        for (let id: number | null = u.nodeId; id !== null;) {
          const n = this.nodes.get(id);
          if (!n) break;
          const set = this.inVolume.get(id) ?? new Set<number>();
          set.add(v.index);
          this.inVolume.set(id, set);
          id = n.parentId;
        }
      }
    }
  }

  /** Where a target is, as seen from volume `v`; a guess in the first pass. */
  where(target: Target, v: number): PagePos {
    return resolve(this.prev, target, v) ?? { volume: v, page: 999 };
  }

  areaOf(n: NodeSpec): NodeSpec {
    let cur = n;
    while (cur.parentId !== null) {
      const p = this.nodes.get(cur.parentId);
      if (!p) break;
      cur = p;
    }
    return cur;
  }

  ancestors(n: NodeSpec): NodeSpec[] {
    const out: NodeSpec[] = [];
    let cur = n.parentId !== null ? this.nodes.get(n.parentId) : undefined;
    while (cur) {
      out.unshift(cur);
      cur = cur.parentId !== null ? this.nodes.get(cur.parentId) : undefined;
    }
    return out;
  }
}

export function resolve(at: Map<string, PagePos>, target: Target, v: number): PagePos | null {
  if ('doc' in target) return at.get(`d:${target.doc}`) ?? null;
  if ('node' in target)
    return at.get(`n:${target.node}@${v}`) ?? at.get(`n:${target.node}`) ?? null;
  return at.get(`a:${target.anchor}@${v}`) ?? null;
}

/** "1.2.3. Ban hành kế hoạch…"; codes like "a)" keep their own punctuation. */
export function codeTitle(n: Pick<NodeSpec, 'code' | 'title'>, title: string): string {
  const code = n.code.trim();
  if (!code) return title;
  return /[.)\-:]$/.test(code) ? `${code} ${title}` : `${code}. ${title}`;
}
