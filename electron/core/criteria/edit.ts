import { codeKey, fullCodes, qualifiedCodes, shortTitle } from '../../../shared/codes';
import type { NodePatch, TreeWarning } from '../../../shared/contract/criteria';
import type { NodeKind } from '../../../shared/framework';
import type { TreeNode } from '../../../shared/models';
import { formatPoints } from '../../../shared/points';
import { countsInParentMax } from '../../../shared/scoring';
import { cleanText, nfc } from '../../../shared/text';
import type { Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import { loadTree } from './repo';

interface NodeRef {
  id: number;
  assessment_id: number;
  parent_id: number | null;
  position: number;
  code: string;
  deleted_at: string | null;
}

export function getNodeRef(db: Db, nodeId: number, opts: { deleted?: boolean } = {}): NodeRef {
  const row = db
    .prepare(
      'SELECT id, assessment_id, parent_id, position, code, deleted_at FROM node WHERE id = ?',
    )
    .get(nodeId) as NodeRef | undefined;
  if (!row || (row.deleted_at !== null) !== (opts.deleted ?? false))
    throw notFound(`tiêu chí số ${nodeId}`);
  return row;
}

/**
 * Refuses a code that a sibling already has. Official tables restart their numbering under
 * each Roman area (I → 1, 1.1; II → 1, 1.1), so the same code in another branch is legitimate;
 * messages, exports and the CLI qualify such codes with their area (shared/codes.ts).
 */
function assertCodeFree(
  db: Db,
  assessmentId: number,
  parentId: number | null,
  code: string,
  exceptId: number | null,
) {
  const clash = db
    .prepare(
      `SELECT code FROM node WHERE assessment_id = ? AND deleted_at IS NULL AND code = ? AND id IS NOT ?
       AND parent_id IS ?`,
    )
    .get(assessmentId, code, exceptId, parentId);
  if (clash) throw new CoreError('CONFLICT', `Mã “${code}” đã có ở cùng cấp; hãy chọn mã khác.`);
}

const opt = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : nfc(s).trim());

/** Writes the patch's columns, options and slots; leaves absent fields untouched. */
function applyPatch(db: Db, nodeId: number, patch: NodePatch): void {
  const columns: [string, unknown][] = [];
  if (patch.code !== undefined) columns.push(['code', cleanText(patch.code)]);
  if (patch.title !== undefined) columns.push(['title', cleanText(patch.title)]);
  if (patch.maxPoints !== undefined) {
    if (patch.maxPoints !== null && patch.maxPoints < 0) {
      throw new CoreError(
        'INVALID_INPUT',
        'Điểm tối đa không được âm (điểm trừ ghi mức trừ tối đa là số dương).',
      );
    }
    columns.push(['max_points', patch.maxPoints]);
  }
  if (patch.kind !== undefined) columns.push(['kind', patch.kind]);
  if (patch.mayBeNotApplicable !== undefined)
    columns.push(['may_be_na', patch.mayBeNotApplicable ? 1 : 0]);
  if (patch.step !== undefined) columns.push(['step', patch.step]);
  for (const [key, col] of [
    ['scoringGuide', 'scoring_guide'],
    ['evidenceGuide', 'evidence_guide'],
    ['deadline', 'deadline'],
    ['task', 'task'],
    ['target', 'target'],
    ['note', 'note'],
  ] as const) {
    if (patch[key] !== undefined) columns.push([col, opt(patch[key])]);
  }
  if (columns.length) {
    db.prepare(`UPDATE node SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...columns.map(([, v]) => v),
      nodeId,
    );
  }
  if (patch.scoringOptions) {
    db.prepare('DELETE FROM node_option WHERE node_id = ?').run(nodeId);
    const ins = db.prepare(
      'INSERT INTO node_option (node_id, position, label, points) VALUES (?, ?, ?, ?)',
    );
    patch.scoringOptions.forEach((o, i) => ins.run(nodeId, i, cleanText(o.label), o.points));
  }
  if (patch.evidenceSlots) {
    db.prepare('DELETE FROM node_slot WHERE node_id = ?').run(nodeId);
    const ins = db.prepare('INSERT INTO node_slot (node_id, position, label) VALUES (?, ?, ?)');
    patch.evidenceSlots.forEach((label, i) => ins.run(nodeId, i, cleanText(label)));
  }
}

function assertParent(db: Db, assessmentId: number, parentId: number | null): void {
  if (parentId === null) return;
  const p = getNodeRef(db, parentId);
  if (p.assessment_id !== assessmentId)
    throw new CoreError('INVALID_INPUT', 'Mục cha thuộc kỳ đánh giá khác.');
}

/** Makes room at `position` among the parent's live children and returns the index used. */
function openSlot(
  db: Db,
  assessmentId: number,
  parentId: number | null,
  position: number | undefined,
): number {
  const count = (
    db
      .prepare(
        'SELECT count(*) AS n FROM node WHERE assessment_id = ? AND parent_id IS ? AND deleted_at IS NULL',
      )
      .get(assessmentId, parentId) as { n: number }
  ).n;
  const at = Math.min(position ?? count, count);
  renumber(db, assessmentId, parentId, null, at);
  return at;
}

/** Rewrites sibling positions 0..n-1 in order, leaving a gap at `gapAt` and skipping `skipId`. */
function renumber(
  db: Db,
  assessmentId: number,
  parentId: number | null,
  skipId: number | null,
  gapAt: number | null,
) {
  const ids = (
    db
      .prepare(
        `SELECT id FROM node WHERE assessment_id = ? AND parent_id IS ? AND deleted_at IS NULL AND id IS NOT ?
         ORDER BY position, id`,
      )
      .all(assessmentId, parentId, skipId) as { id: number }[]
  ).map((r) => r.id);
  const upd = db.prepare('UPDATE node SET position = ? WHERE id = ?');
  ids.forEach((id, i) => upd.run(gapAt !== null && i >= gapAt ? i + 1 : i, id));
}

export function addNode(
  db: Db,
  assessmentId: number,
  parentId: number | null,
  position: number | undefined,
  patch: NodePatch & { code: string; title: string },
): number {
  assertParent(db, assessmentId, parentId);
  const code = cleanText(patch.code);
  assertCodeFree(db, assessmentId, parentId, code, null);
  const at = openSlot(db, assessmentId, parentId, position);
  const id = Number(
    db
      .prepare(
        'INSERT INTO node (assessment_id, parent_id, position, code, title) VALUES (?, ?, ?, ?, ?)',
      )
      .run(assessmentId, parentId, at, code, cleanText(patch.title)).lastInsertRowid,
  );
  applyPatch(db, id, patch);
  return id;
}

export function updateNode(db: Db, nodeId: number, patch: NodePatch): void {
  const ref = getNodeRef(db, nodeId);
  if (patch.code !== undefined)
    assertCodeFree(db, ref.assessment_id, ref.parent_id, cleanText(patch.code), nodeId);
  applyPatch(db, nodeId, patch);
}

export function moveNode(db: Db, nodeId: number, parentId: number | null, position: number): void {
  const ref = getNodeRef(db, nodeId);
  assertParent(db, ref.assessment_id, parentId);
  for (let p = parentId; p !== null; p = getNodeRef(db, p).parent_id) {
    if (p === nodeId)
      throw new CoreError('INVALID_INPUT', 'Không thể chuyển một mục vào bên trong chính nó.');
  }
  assertCodeFree(db, ref.assessment_id, parentId, ref.code, nodeId);
  renumber(db, ref.assessment_id, ref.parent_id, nodeId, null);
  const count = (
    db
      .prepare(
        'SELECT count(*) AS n FROM node WHERE assessment_id = ? AND parent_id IS ? AND deleted_at IS NULL AND id != ?',
      )
      .get(ref.assessment_id, parentId, nodeId) as { n: number }
  ).n;
  const at = Math.min(position, count);
  renumber(db, ref.assessment_id, parentId, nodeId, at);
  db.prepare('UPDATE node SET parent_id = ?, position = ? WHERE id = ?').run(parentId, at, nodeId);
}

function subtreeIds(db: Db, nodeId: number, deletedAt: string | null): number[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE sub(id) AS (
           SELECT ? UNION ALL SELECT n.id FROM node n JOIN sub ON n.parent_id = sub.id WHERE n.deleted_at IS ?
         ) SELECT id FROM sub`,
      )
      .all(nodeId, deletedAt) as { id: number }[]
  ).map((r) => r.id);
}

/** Moves a node and its live subtree to the trash, stamped together so they restore together. */
export function deleteNode(db: Db, nodeId: number): number {
  const ref = getNodeRef(db, nodeId);
  const stamp = new Date().toISOString();
  const ids = subtreeIds(db, nodeId, null);
  const upd = db.prepare('UPDATE node SET deleted_at = ? WHERE id = ?');
  for (const id of ids) upd.run(stamp, id);
  renumber(db, ref.assessment_id, ref.parent_id, null, null);
  return ids.length;
}

export function restoreNode(db: Db, nodeId: number): void {
  const ref = getNodeRef(db, nodeId, { deleted: true });
  if (ref.parent_id !== null) {
    const parent = db.prepare('SELECT deleted_at FROM node WHERE id = ?').get(ref.parent_id) as {
      deleted_at: string | null;
    };
    if (parent.deleted_at !== null) {
      throw new CoreError(
        'CONFLICT',
        'Mục cha của tiêu chí này cũng đang ở thùng rác; hãy khôi phục mục cha trước.',
      );
    }
  }
  assertCodeFree(db, ref.assessment_id, ref.parent_id, ref.code, nodeId);
  const ids = subtreeIds(db, nodeId, ref.deleted_at);
  const upd = db.prepare('UPDATE node SET deleted_at = NULL WHERE id = ?');
  for (const id of ids) upd.run(id);
  db.prepare('UPDATE node SET position = ? WHERE id = ?').run(1_000_000, nodeId);
  renumber(db, ref.assessment_id, ref.parent_id, null, null);
}

export function listTrash(db: Db, assessmentId: number) {
  const rows = db
    .prepare(
      `SELECT n.id, n.code, n.title, n.deleted_at FROM node n LEFT JOIN node p ON p.id = n.parent_id
       WHERE n.assessment_id = ? AND n.deleted_at IS NOT NULL
         AND (p.id IS NULL OR p.deleted_at IS NULL OR p.deleted_at != n.deleted_at)
       ORDER BY n.deleted_at DESC`,
    )
    .all(assessmentId) as { id: number; code: string; title: string; deleted_at: string }[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    deletedAt: r.deleted_at,
    descendants: subtreeIds(db, r.id, r.deleted_at).length - 1,
  }));
}

export function assignOffices(
  db: Db,
  nodeIds: number[],
  lead: number | null | undefined,
  coop: number[] | undefined,
  clearDescendants: boolean,
): number {
  const officeOk = db.prepare('SELECT 1 FROM office WHERE id = ? AND deleted_at IS NULL');
  for (const id of [...(lead == null ? [] : [lead]), ...(coop ?? [])]) {
    if (!officeOk.get(id)) throw notFound(`phòng ban số ${id}`);
  }
  const setLead = db.prepare('UPDATE node SET lead_office_id = ? WHERE id = ?');
  const delCoop = db.prepare('DELETE FROM node_coop_office WHERE node_id = ?');
  const insCoop = db.prepare(
    'INSERT OR IGNORE INTO node_coop_office (node_id, office_id) VALUES (?, ?)',
  );
  let updated = 0;
  for (const nodeId of nodeIds) {
    getNodeRef(db, nodeId);
    if (lead !== undefined) setLead.run(lead, nodeId);
    if (coop) {
      delCoop.run(nodeId);
      for (const o of coop) insCoop.run(nodeId, o);
    }
    updated++;
    if (clearDescendants) {
      for (const d of subtreeIds(db, nodeId, null).slice(1)) {
        if (lead !== undefined) setLead.run(null, d);
        if (coop) delCoop.run(d);
        updated++;
      }
    }
  }
  return updated;
}

/**
 * Duplicate codes and children whose points do not add up to the parent's: warnings, not
 * refusals. A code must be unique where it is read: official tables restart their numbering
 * under each Roman area, so "1" under I and "1" under II are different criteria (I.1, II.1), as
 * the importer and `assertCodeFree` already accept. Sums follow the roll-up's rule
 * (`countsInParentMax`): bonus and penalty items add to a bonus or penalty group, not to the 100.
 */
export function validateTree(db: Db, assessmentId: number): TreeWarning[] {
  const nodes = loadTree(db, assessmentId);
  const warnings: TreeWarning[] = [];
  const printed = qualifiedCodes(nodes);
  const full = fullCodes(nodes);
  const name = (n: TreeNode) => `${printed.get(n.id)!} “${shortTitle(n.title)}”`;

  // "-", "+" and "*" bullets (and blank codes) repeat by design; only codes with a letter or
  // digit identify. Under a bullet, codes are unique within that bullet ("- Nhóm 1: a), b)").
  const identifies = (code: string) => /[\p{L}\p{N}]/u.test(code);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const scope = new Map<number, number | null>();
  for (const n of nodes) {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    scope.set(
      n.id,
      !parent ? null : identifies(parent.code) ? (scope.get(parent.id) ?? null) : parent.id,
    );
  }
  const seen = new Map<string, TreeNode>();
  for (const n of nodes) {
    if (!identifies(n.code)) continue;
    const key = `${scope.get(n.id) ?? ''}|${codeKey(full.get(n.id)!)}`;
    const first = seen.get(key);
    if (first) {
      warnings.push({
        nodeId: n.id,
        code: n.code,
        message: `Mã “${printed.get(n.id)!}” bị trùng trong bộ tiêu chí: “${shortTitle(first.title)}” và “${shortTitle(n.title)}”.`,
      });
    } else seen.set(key, n);
  }

  // Effective kinds, as in the roll-up: a 'self' row under a bonus group is a bonus item.
  const kind = new Map<number, NodeKind>();
  for (const n of nodes) {
    const inherited = n.parentId === null ? 'self' : (kind.get(n.parentId) ?? 'self');
    kind.set(n.id, n.kind === 'self' ? inherited : n.kind);
  }
  for (const parent of nodes) {
    if (parent.isLeaf || parent.maxPoints === null) continue;
    const pk = kind.get(parent.id)!;
    const kids = nodes.filter(
      (k) => k.parentId === parent.id && countsInParentMax(kind.get(k.id)!, pk),
    );
    if (kids.some((k) => k.maxPoints === null)) continue;
    if (pk === 'bonus' || pk === 'penalty') {
      // A bonus or penalty group's maximum is a cap ("thưởng tối đa 2 điểm"): its items may
      // add up to more, but not to less. Penalty maxima are compared as magnitudes, whichever
      // sign they were stored with.
      const cap = Math.abs(parent.maxPoints);
      const sum = kids.reduce((s, k) => s + Math.abs(k.maxPoints!), 0);
      if (sum < cap) {
        const what = pk === 'bonus' ? 'điểm thưởng' : 'mức trừ';
        warnings.push({
          nodeId: parent.id,
          code: parent.code,
          message: `Tiêu chí ${name(parent)}: tổng ${what} các mục con (${formatPoints(sum)}) thấp hơn ${what} tối đa (${formatPoints(cap)}).`,
        });
      }
      continue;
    }
    const sum = kids.reduce((s, k) => s + k.maxPoints!, 0);
    if (sum !== parent.maxPoints) {
      warnings.push({
        nodeId: parent.id,
        code: parent.code,
        message: `Tiêu chí ${name(parent)}: tổng điểm các mục con (${formatPoints(sum)}) khác điểm tối đa (${formatPoints(parent.maxPoints)}).`,
      });
    }
  }
  return warnings;
}

/** The next year's assessment: same tree, offices, slots and guides; no evidence, no scores. */
export function copyAssessment(db: Db, fromId: number, year: number): number {
  const from = db
    .prepare('SELECT * FROM assessment WHERE id = ? AND deleted_at IS NULL')
    .get(fromId) as Record<string, unknown> | undefined;
  if (!from) throw notFound(`kỳ đánh giá số ${fromId}`);
  const clash = db
    .prepare('SELECT 1 FROM assessment WHERE framework_id = ? AND year = ? AND deleted_at IS NULL')
    .get(from.framework_id, year);
  if (clash) throw new CoreError('CONFLICT', `Đã có kỳ đánh giá năm ${year} cho bộ tiêu chí này.`);
  const newId = Number(
    db
      .prepare(
        `INSERT INTO assessment (year, framework_id, framework_name, index_kind, scored, source, illustrative, created_at)
         SELECT ?, framework_id, framework_name, index_kind, scored, source, illustrative, ? FROM assessment WHERE id = ?`,
      )
      .run(year, new Date().toISOString(), fromId).lastInsertRowid,
  );
  const idMap = new Map<number, number>();
  const insert = db.prepare(
    `INSERT INTO node (assessment_id, parent_id, position, code, title, max_points, kind, may_be_na, step,
       lead_office_id, scoring_guide, evidence_guide, task, target, deadline, note)
     SELECT ?, ?, position, code, title, max_points, kind, may_be_na, step, lead_office_id, scoring_guide,
       evidence_guide, task, target, deadline, note FROM node WHERE id = ?`,
  );
  for (const n of loadTree(db, fromId)) {
    const parent = n.parentId === null ? null : idMap.get(n.parentId)!;
    idMap.set(n.id, Number(insert.run(newId, parent, n.id).lastInsertRowid));
  }
  for (const table of ['node_option', 'node_slot']) {
    const cols = table === 'node_option' ? 'position, label, points' : 'position, label';
    const copy = db.prepare(
      `INSERT INTO ${table} (node_id, ${cols}) SELECT ?, ${cols} FROM ${table} WHERE node_id = ?`,
    );
    for (const [oldId, nid] of idMap) copy.run(nid, oldId);
  }
  const coop = db.prepare(
    'INSERT INTO node_coop_office (node_id, office_id) SELECT ?, office_id FROM node_coop_office WHERE node_id = ?',
  );
  for (const [oldId, nid] of idMap) coop.run(nid, oldId);
  return newId;
}
