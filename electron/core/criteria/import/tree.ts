import type { ParsedCode } from './codes';
import type { RowFormat, RowRecord } from './rows';

export interface Draft {
  rec: RowRecord;
  /** Which rows are siblings-in-kind: the code style, or the formatting when there is no code. */
  key: string;
  /** Where a style sits when first met: smaller is higher up the tree. */
  rank: number;
  children: Draft[];
  parent?: Draft;
}

/** Bold capitals are areas, bold criteria, plain sub-criteria, italic deeper; indentation first. */
function formatRank(f: RowFormat): number {
  const weight = f.bold ? (f.upper ? 0 : f.italic ? 2 : 1) : f.italic ? 4 : 3;
  return f.indent * 10 + weight;
}

function styleRank(c: ParsedCode): number {
  switch (c.style) {
    case 'upper':
      return 0;
    case 'roman':
      return 1;
    case 'num':
      return 1 + c.depth;
    case 'other':
      return 9;
    case 'letter':
      return 10;
    case 'dash':
      return 11;
    case 'plus':
      return 12;
    case 'star':
      return 13;
  }
}

function signature(f: RowFormat): string {
  return `${f.bold ? 'b' : ''}${f.italic ? 'i' : ''}${f.indent}`;
}

/**
 * Code styles that come out with the same code twice under one parent while their rows are
 * formatted differently are ambiguous (bold "1" areas over plain "1" criteria): split them by
 * formatting. Codes repeated under different parents (restarting under each Roman area) are fine.
 */
function ambiguousKeys(roots: Draft[]): Set<string> {
  const keys = new Set<string>();
  const sigs = new Map<string, Set<string>>();
  const visit = (siblings: Draft[]) => {
    const seen = new Set<string>();
    for (const d of siblings) {
      const c = d.rec.code;
      if (c && c.style !== 'dash' && c.style !== 'plus' && c.style !== 'star') {
        const id = `${c.key}|${c.code}`;
        if (seen.has(id)) keys.add(c.key);
        seen.add(id);
        const set = sigs.get(c.key) ?? new Set<string>();
        set.add(signature(d.rec.fmt));
        sigs.set(c.key, set);
      }
      visit(d.children);
    }
  };
  visit(roots);
  return new Set([...keys].filter((k) => (sigs.get(k)?.size ?? 0) > 1));
}

/** Builds the tree; a second pass splits ambiguous code styles by formatting. */
export function buildTree(records: RowRecord[]): Draft[] {
  const first = stackTree(records, new Set());
  const split = ambiguousKeys(first);
  return split.size > 0 ? stackTree(records, split) : first;
}

/** Builds the tree with a stack of open ancestors, popping back to the row's own style. */
function stackTree(records: RowRecord[], split: Set<string>): Draft[] {
  // Indentation, where the table uses it, also places uncoded rows among coded ones.
  const useIndent = records.some((r) => r.fmt.indent > 0);
  const roots: Draft[] = [];
  const stack: Draft[] = [];
  const attach = (d: Draft) => {
    const parent = stack.at(-1);
    if (parent) {
      d.parent = parent;
      parent.children.push(d);
    } else roots.push(d);
    stack.push(d);
  };

  for (const rec of records) {
    const c = rec.code;
    const fr = formatRank(rec.fmt);
    let d: Draft;
    if (!c) d = { rec, key: `none|${fr}`, rank: -1, children: [] };
    else if (split.has(c.key)) {
      d = {
        rec,
        key: `${c.key}|${signature(rec.fmt)}`,
        rank: styleRank(c) + fr / 100,
        children: [],
      };
    } else d = { rec, key: c.key, rank: styleRank(c), children: [] };

    if (c?.style === 'num' && c.depth > 1) {
      // 1.2.3 belongs under 1.2 when 1.2 is open, whatever came in between.
      const prefix = c.code.slice(0, c.code.lastIndexOf('.'));
      const i = stack.findLastIndex(
        (e) => e.rec.code?.style === 'num' && e.rec.code.code === prefix,
      );
      if (i >= 0) {
        stack.length = i + 1;
        attach(d);
        continue;
      }
    }
    const same = stack.findLastIndex((e) => e.key === d.key);
    if (same >= 0) stack.length = same;
    else if (!c) {
      while (stack.length > 0) {
        const top = stack.at(-1);
        if (!top) break;
        if (
          top.rec.code
            ? !useIndent || top.rec.fmt.indent < rec.fmt.indent
            : formatRank(top.rec.fmt) < fr
        )
          break;
        stack.pop();
      }
    } else {
      while (stack.length > 0) {
        const top = stack.at(-1);
        if (!top || !top.rec.code || top.rank < d.rank) break;
        stack.pop();
      }
    }
    attach(d);
  }
  return roots;
}

export function walk(drafts: Draft[], fn: (d: Draft) => void): void {
  for (const d of drafts) {
    fn(d);
    walk(d.children, fn);
  }
}
