/**
 * Criterion codes as people read them. Official tables restart their numbering under each Roman
 * area (I → 1, 1.1; II → 1, 1.1) and repeat "a)" or "-" under many parents, so a bare code may
 * name several criteria. A code is qualified by its ancestors' codes ("II.1", "II.1.1",
 * "1.2.a)"), skipping the part a hierarchical code already repeats ("1.1" under "1" adds ".1").
 */

export interface CodedNode {
  id: number;
  parentId: number | null;
  code: string;
}

const trimDot = (s: string) => s.trim().replace(/\.+$/, '');

/** "I." and "I" are the same code. */
export const codeKey = trimDot;

/**
 * A child's code after its parent's qualified one: "II" + "1" → "II.1"; "II.1" + "1.1" →
 * "II.1.1" (the child's "1." already is its parent); "1.2" + "a)" → "1.2.a)".
 */
export function joinCode(parentQualified: string, parentCode: string, code: string): string {
  const base = trimDot(parentQualified);
  const own = trimDot(code);
  const p = trimDot(parentCode);
  if (p !== '' && own.startsWith(`${p}.`) && own.length > p.length + 1)
    return `${base}${own.slice(p.length)}`;
  return base === '' ? own : `${base}.${own}`;
}

function qualify(
  nodes: readonly CodedNode[],
  qualifies: (n: CodedNode) => boolean,
): Map<number, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<number, string>();
  const of = (n: CodedNode, depth: number): string => {
    const known = out.get(n.id);
    if (known !== undefined) return known;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    // The depth guard keeps a damaged (cyclic) parent chain from recursing forever.
    const q =
      parent && parent.id !== n.id && depth < 64 && qualifies(n)
        ? joinCode(of(parent, depth + 1), parent.code, n.code)
        : n.code;
    out.set(n.id, q);
    return q;
  };
  for (const n of nodes) of(n, 0);
  return out;
}

/**
 * Every node's fully qualified code ("II.1.1", "I.2.2.a)"): the key for "same code, same place".
 * A top-level code is kept as written ("I." stays "I."); compare through `codeKey`.
 */
export function fullCodes(nodes: readonly CodedNode[]): Map<number, string> {
  return qualify(nodes, () => true);
}

/**
 * The code to print for each node: its own code when no other node has it ("1.1.2"), otherwise
 * qualified by its parent's printed code ("II.1", "II.1.1"). Exports, the dossier, messages and
 * the CLI all use these, so a code printed anywhere can be typed back.
 */
export function qualifiedCodes(nodes: readonly CodedNode[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(trimDot(n.code), (count.get(trimDot(n.code)) ?? 0) + 1);
  return qualify(nodes, (n) => count.get(trimDot(n.code))! > 1);
}

/** A title short enough for a message: "Ban hành văn bản quy phạm…". */
export function shortTitle(title: string, max = 40): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if ([...t].length <= max) return t;
  const cut = [...t].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export type CodeMatch<T> =
  | { ok: true; node: T; code: string }
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'ambiguous'; message: string; candidates: string[] };

const LISTED = 8;

/**
 * Finds the node a person means by a code: its own code when only one node has it ("1.1.2",
 * "V"), else a qualified code as printed ("II.1", "II.1.1", also with a trailing dot). A bare
 * code that several criteria share is refused with the qualified codes to choose from.
 */
export function resolveCode<T extends CodedNode & { title?: string }>(
  nodes: readonly T[],
  input: string,
  where = 'trong kỳ đánh giá',
): CodeMatch<T> {
  const wanted = trimDot(input);
  const printed = qualifiedCodes(nodes);
  const full = fullCodes(nodes);
  const pick = (hits: T[]): CodeMatch<T> | null => {
    if (hits.length === 0) return null;
    if (hits.length === 1) return { ok: true, node: hits[0]!, code: printed.get(hits[0]!.id)! };
    const candidates = hits.map((n) => printed.get(n.id)!);
    if (new Set(candidates).size < candidates.length) {
      // Two criteria with the same code in the same place: only their titles tell them apart.
      const named = hits.map((n) => `${printed.get(n.id)!} “${shortTitle(n.title ?? '')}”`);
      return {
        ok: false,
        reason: 'ambiguous',
        candidates,
        message: `Mã “${input.trim()}” có ở ${hits.length} tiêu chí trùng mã: ${named.join('; ')}. Hãy sửa mã trong bộ tiêu chí cho khác nhau.`,
      };
    }
    const listed =
      candidates.length > LISTED
        ? `${candidates.slice(0, LISTED).join(', ')}, …`
        : candidates.join(', ');
    return {
      ok: false,
      reason: 'ambiguous',
      candidates,
      message: `Mã “${input.trim()}” có ở ${hits.length} tiêu chí: ${listed}; hãy ghi rõ, ví dụ ${candidates[1] ?? candidates[0]}.`,
    };
  };
  if (wanted !== '') {
    const own = pick(nodes.filter((n) => trimDot(n.code) === wanted));
    if (own) return own;
    const qualified = pick(
      nodes.filter(
        (n) => trimDot(printed.get(n.id)!) === wanted || trimDot(full.get(n.id)!) === wanted,
      ),
    );
    if (qualified) return qualified;
  }
  return {
    ok: false,
    reason: 'not_found',
    message: `Không có tiêu chí mã “${input.trim()}” ${where}.`,
  };
}
