import type { NodeKind } from './framework';
import type { CheckNode } from './check-model';

/** Indexes over a flat node list, shared by scoring and the completeness check. */
export interface CheckTree {
  byId: Map<number, CheckNode>;
  /** Pre-order: every parent before its children, siblings in input order. */
  order: CheckNode[];
  roots: CheckNode[];
  children: Map<number, CheckNode[]>;
  /**
   * Effective kind. Imported tables often tag only the group ("9. Đo lường sự hài lòng" as
   * survey, "Điểm thưởng" as bonus) and leave its rows at the default 'self', so a 'self'
   * node takes the kind of its nearest non-'self' ancestor.
   */
  kind: Map<number, NodeKind>;
  /** Id of the top-level ancestor (the area); a root maps to itself. */
  topId: Map<number, number>;
}

const NO_CHILDREN: readonly CheckNode[] = Object.freeze([]);

export function buildCheckTree(nodes: readonly CheckNode[]): CheckTree {
  const byId = new Map<number, CheckNode>();
  for (const n of nodes) byId.set(n.id, n);

  const children = new Map<number, CheckNode[]>();
  const roots: CheckNode[] = [];
  for (const n of nodes) {
    // An unknown or self-referencing parent makes the node a root rather than losing it.
    if (n.parentId === null || n.parentId === n.id || !byId.has(n.parentId)) {
      roots.push(n);
      continue;
    }
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }

  const order: CheckNode[] = [];
  const kind = new Map<number, NodeKind>();
  const topId = new Map<number, number>();
  const visited = new Set<number>();

  const walk = (root: CheckNode, inherited: NodeKind, top: number) => {
    const stack: { node: CheckNode; inherited: NodeKind }[] = [{ node: root, inherited }];
    while (stack.length > 0) {
      const { node, inherited: parentKind } = stack.pop()!;
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      order.push(node);
      const k = node.kind === 'self' ? parentKind : node.kind;
      kind.set(node.id, k);
      topId.set(node.id, top);
      const kids = children.get(node.id);
      if (kids)
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, inherited: k });
    }
  };
  for (const r of roots) walk(r, 'self', r.id);
  // Nodes caught in a parent cycle are never reached from a root; keep them as roots.
  for (const n of nodes) {
    if (!visited.has(n.id)) {
      roots.push(n);
      walk(n, 'self', n.id);
    }
  }

  return { byId, order, roots, children, kind, topId };
}

export function childrenOf(tree: CheckTree, id: number): readonly CheckNode[] {
  return tree.children.get(id) ?? NO_CHILDREN;
}

export function isLeaf(tree: CheckTree, id: number): boolean {
  return !tree.children.has(id);
}
