import type { TreeNode } from '../../../shared/models';
import { matchesQuery } from '../../../shared/text';

/** Pure helpers over the flat, tree-ordered node list the core returns. */

export interface TreeFilter {
  query: string;
  /** Keep only nodes this office leads or cooperates on (inherited), with their ancestors. */
  officeId: number | null;
  /** Any further condition (e.g. "only with errors"), ancestors kept. */
  keep?: ((n: TreeNode) => boolean) | null;
}

export function isOfficeWork(n: TreeNode, officeId: number): boolean {
  return n.leadOfficeId === officeId || n.coopOfficeIds.includes(officeId);
}

/** Ids to show: nodes passing every filter plus their ancestors; null when nothing filters. */
export function visibleIds(nodes: TreeNode[], f: TreeFilter): Set<number> | null {
  const q = f.query.trim();
  if (!q && f.officeId === null && !f.keep) return null;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const visible = new Set<number>();
  for (const n of nodes) {
    if (q && !matchesQuery(`${n.code} ${n.title}`, q)) continue;
    if (f.officeId !== null && !isOfficeWork(n, f.officeId)) continue;
    if (f.keep && !f.keep(n)) continue;
    for (
      let cur: TreeNode | undefined = n;
      cur && !visible.has(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    ) {
      visible.add(cur.id);
    }
  }
  return visible;
}

export function childrenOf(nodes: TreeNode[], parentId: number | null): TreeNode[] {
  return nodes.filter((n) => n.parentId === parentId);
}

/** The node and everything below it. */
export function subtreeIds(nodes: TreeNode[], id: number): Set<number> {
  const out = new Set([id]);
  // Tree order: descendants follow their ancestor, so one pass suffices.
  for (const n of nodes) if (n.parentId !== null && out.has(n.parentId)) out.add(n.id);
  return out;
}

export function siblingIndex(nodes: TreeNode[], node: Pick<TreeNode, 'id' | 'parentId'>) {
  const sibs = childrenOf(nodes, node.parentId);
  return { index: sibs.findIndex((s) => s.id === node.id), count: sibs.length };
}

/**
 * A code for a new node: after "1.2.3" comes "1.2.4"; the first child of "1.2" is "1.2.1";
 * letters and Roman numerals step too. Only a suggestion: the person can change it.
 */
export function suggestCode(nodes: TreeNode[], parent: TreeNode | null, after?: TreeNode): string {
  const sibs = childrenOf(nodes, parent?.id ?? null);
  const prev = after ?? sibs[sibs.length - 1];
  let next = prev ? nextCode(prev.code) : firstChildCode(parent);
  // The core refuses a numbered code used anywhere in the tree; skip to a free one.
  const taken = new Set(nodes.map((n) => n.code));
  for (let i = 0; i < 50 && taken.has(next); i++) {
    const after = nextCode(next);
    if (after === next) break;
    next = after;
  }
  return next;
}

function firstChildCode(parent: TreeNode | null): string {
  if (!parent) return '1';
  const code = parent.code.replace(/\.$/, '');
  return /^\d+(\.\d+)*$/.test(code) ? `${code}.1` : '1';
}

const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
];

export function nextCode(code: string): string {
  const num = /^(.*?)(\d+)(\.?)$/.exec(code);
  if (num) return `${num[1]}${Number(num[2]) + 1}${num[3]}`;
  const letter = /^([a-y])(\)?)$/i.exec(code);
  if (letter) return `${String.fromCharCode(letter[1]!.charCodeAt(0) + 1)}${letter[2]}`;
  const roman = ROMAN.indexOf(code.replace(/\.$/, ''));
  if (roman >= 0 && roman < ROMAN.length - 1) return ROMAN[roman + 1]!;
  return code === '-' || code === '+' ? code : '';
}

/**
 * A compact office name for tree rows: its short name, else the name with the usual words
 * shortened ("Văn phòng HĐND và UBND" → "VP HĐND và UBND", "Phòng Tư pháp" → "Tư pháp").
 */
export function officeTag(o: { name: string; shortName: string | null }): string {
  if (o.shortName?.trim()) return o.shortName.trim();
  return o.name
    .replace(/^Phòng\s+/i, '')
    .replace(/^Văn phòng\s+/i, 'VP ')
    .replace(/^Trung tâm\s+/i, 'TT ');
}

/** "II › 1 › 1.1": where a node sits, for messages that name only its code. */
export function codePath(nodes: TreeNode[], id: number): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const codes: string[] = [];
  for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined)
    codes.unshift(cur.code);
  return codes.join(' › ');
}
