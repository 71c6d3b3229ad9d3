import type { FrameworkNode } from '../../../../shared/framework';
import { cleanText } from '../../../../shared/text';

/**
 * How office names from a table are compared with the offices already there: case, spacing
 * and the kind of dash do not matter ("Tài chính – KH" = "tài chính-KH"); diacritics do.
 */
export function officeKey(name: string): string {
  return cleanText(name)
    .toLocaleLowerCase('vi')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*([,;&/])\s*/g, '$1 ')
    .replace(/[.\s]+$/u, '')
    .trim();
}

export interface OfficePlan {
  /** The nodes with every office name spelt as the office it will be linked to. */
  nodes: FrameworkNode[];
  /** Names in the table that are existing offices (name as written → the office's name). */
  matched: { name: string; office: string }[];
  /** Offices the import will add, as first written in the table. */
  created: string[];
}

/**
 * Matches the offices named in an imported tree with the existing ones, so that importing
 * adds no near-duplicate ("Phòng Tài chính – KH" next to "Phòng Tài chính-KH") and lists
 * exactly which offices are new.
 */
export function planOffices(nodes: FrameworkNode[], existing: readonly string[]): OfficePlan {
  const byKey = new Map<string, string>();
  for (const name of existing) {
    const k = officeKey(name);
    if (k && !byKey.has(k)) byKey.set(k, name);
  }
  const matched = new Map<string, string>();
  const created: string[] = [];
  const resolve = (raw: string): string => {
    const name = cleanText(raw);
    const k = officeKey(name);
    const hit = byKey.get(k);
    if (hit !== undefined) {
      if (!created.includes(hit) && !matched.has(name)) matched.set(name, hit);
      return hit;
    }
    byKey.set(k, name);
    created.push(name);
    return name;
  };
  const walk = (list: FrameworkNode[]): FrameworkNode[] =>
    list.map((n) => {
      const out: FrameworkNode = { ...n };
      if (n.leadOffice) out.leadOffice = resolve(n.leadOffice);
      if (n.coopOffices) out.coopOffices = [...new Set(n.coopOffices.map(resolve))];
      if (n.children) out.children = walk(n.children);
      return out;
    });
  const planned = walk(nodes);
  return {
    nodes: planned,
    matched: [...matched].map(([name, office]) => ({ name, office })),
    created,
  };
}
