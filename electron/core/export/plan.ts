import path from 'node:path';
import type { CompletenessResult } from '../../../shared/completeness';
import { checkCompleteness } from '../../../shared/completeness';
import type { ExcludedDocument } from '../../../shared/contract/export';
import type { NodeScore } from '../../../shared/contract/scoring';
import type { Assessment, TreeNode, Unit } from '../../../shared/models';
import type { Db } from '../db/open';
import { getAssessment, loadTree } from '../criteria/repo';
import { getUnit } from '../org';
import { buildCheckInput } from '../scoring/input';
import type { FileStore } from '../store/store';

/**
 * Everything an export needs, read once in one go: the selected part of the tree in order, each
 * node's score and roll-up, and its documents with their evidence codes ("1.2.3-02"). The PDF,
 * the workbook and the upload folder are all written from this one plan, so codes, order and
 * exclusions agree between them.
 */

export interface PlanDocument {
  id: number;
  sha256: string;
  /** Where the bytes are (the content-addressed store). */
  file: string;
  fileKind: string;
  mime: string;
  originalName: string;
  size: number;
  pages: number | null;
  docType: string | null;
  docTypeName: string | null;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  /** The node code where the document appears first in tree order (where the PDF includes it). */
  firstCode: string;
  /** Its evidence code there ("1.2.3-02"). */
  firstEvidenceCode: string;
}

export interface PlanLink {
  documentId: number;
  /** "1.2.3-02": node code + position within the node, from 01. */
  evidenceCode: string;
  /** Page range of the link ("3-5"), when given. */
  pages: string | null;
  note: string | null;
  slot: string | null;
  /** True where the PDF includes the document; elsewhere dividers point to that place. */
  first: boolean;
}

export interface PlanNode extends TreeNode {
  score: NodeScore | null;
  mayBeNotApplicable: boolean;
  /** Roll-up in hundredths: self-score, applicable maximum, index. */
  total: { score: number; applicableMax: number; index: number | null; appraised: number | null; scoredLeaves: number };
  notApplicable: boolean;
  links: PlanLink[];
}

export interface ExportPlan {
  assessment: Assessment;
  unit: Unit | null;
  nodes: PlanNode[];
  documents: Map<number, PlanDocument>;
  /** Documents left out, and why (encrypted, damaged, missing from the store). */
  excluded: ExcludedDocument[];
  check: CompletenessResult;
  /** Office-file kinds that need conversion before they can become PDF pages. */
  officeKinds: ReadonlySet<string>;
}

export const OFFICE_KINDS: ReadonlySet<string> = new Set(['docx', 'xlsx', 'doc', 'xls', 'odt', 'ods']);

export function buildPlan(
  db: Db,
  store: FileStore,
  selection: { assessmentId?: number | undefined; areas?: string[] | undefined; offices?: number[] | undefined },
): ExportPlan {
  const assessment = getAssessment(db, selection.assessmentId);
  const tree = loadTree(db, assessment.id);
  const input = buildCheckInput(db, store, assessment.id, assessment.year);
  const check = checkCompleteness(input);
  const keep = selectNodes(tree, selection.areas, selection.offices);
  const scores = new Map(input.scores.map((s) => [s.nodeId, s]));
  const fileStatus = new Map(input.documents.map((d) => [d.id, d.fileStatus]));
  const mayBeNa = new Set(input.nodes.filter((n) => n.mayBeNotApplicable).map((n) => n.id));

  const docRows = db
    .prepare(
      `SELECT d.id, d.sha256, d.file_kind, d.mime, d.original_name, d.size, d.pages, d.doc_type, d.number,
              d.issued_on, d.issuer, d.subject, d.encrypted, d.damaged,
              l.node_id, l.position, l.pages AS link_pages, l.note AS link_note, l.slot
       FROM document_link l JOIN document d ON d.id = l.document_id JOIN node n ON n.id = l.node_id
       WHERE n.assessment_id = ? AND n.deleted_at IS NULL AND d.deleted_at IS NULL
       ORDER BY l.node_id, l.position, l.id`,
    )
    .all(assessment.id) as Record<string, unknown>[];
  const linksByNode = new Map<number, Record<string, unknown>[]>();
  for (const r of docRows) {
    const list = linksByNode.get(r.node_id as number) ?? [];
    list.push(r);
    linksByNode.set(r.node_id as number, list);
  }

  const documents = new Map<number, PlanDocument>();
  const excluded = new Map<number, ExcludedDocument>();
  const nodes: PlanNode[] = [];
  const codeBase = evidenceCodeBases(tree);
  for (const n of tree) {
    if (!keep.has(n.id)) continue;
    const rollup = check.rollup.get(n.id);
    const links: PlanLink[] = [];
    (linksByNode.get(n.id) ?? []).forEach((r, i) => {
      const id = r.id as number;
      const evidenceCode = `${codeBase.get(n.id)!}-${String(i + 1).padStart(2, '0')}`;
      const reason = unusable(r, fileStatus.get(id));
      if (reason) {
        const e = excluded.get(id) ?? { documentId: id, name: describe(r), codes: [], reason };
        e.codes.push(evidenceCode);
        excluded.set(id, e);
        return;
      }
      const first = !documents.has(id);
      if (first) {
        documents.set(id, {
          id,
          sha256: r.sha256 as string,
          file: store.pathOf(r.sha256 as string),
          fileKind: r.file_kind as string,
          mime: r.mime as string,
          originalName: r.original_name as string,
          size: r.size as number,
          pages: (r.pages as number | null) ?? null,
          docType: (r.doc_type as string | null) ?? null,
          docTypeName: null,
          number: (r.number as string | null) ?? null,
          issuedOn: (r.issued_on as string | null) ?? null,
          issuer: (r.issuer as string | null) ?? null,
          subject: (r.subject as string | null) ?? null,
          firstCode: n.code,
          firstEvidenceCode: evidenceCode,
        });
      }
      links.push({
        documentId: id,
        evidenceCode,
        pages: (r.link_pages as string | null) ?? null,
        note: (r.link_note as string | null) ?? null,
        slot: (r.slot as string | null) ?? null,
        first,
      });
    });
    const score = scores.get(n.id) ?? null;
    nodes.push({
      ...n,
      score,
      mayBeNotApplicable: mayBeNa.has(n.id),
      notApplicable: rollup?.notApplicable ?? false,
      total: {
        score: rollup?.score ?? 0,
        applicableMax: rollup?.applicableMax ?? 0,
        index: rollup?.index ?? null,
        appraised: rollup?.appraised ?? null,
        scoredLeaves: rollup?.scoredLeaves ?? 0,
      },
      links,
    });
  }
  return {
    assessment,
    unit: getUnit(db),
    nodes,
    documents,
    excluded: [...excluded.values()],
    check,
    officeKinds: OFFICE_KINDS,
  };
}

/**
 * Evidence codes must be unique in a dossier, but official tables restart their numbering under
 * each Roman area (I → 1.1, II → 1.1) and repeat "a)" or "-" under many parents: a code that
 * occurs more than once is qualified by its parent's ("II.1.1", "1.2.a)").
 */
function evidenceCodeBases(tree: TreeNode[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const n of tree) count.set(n.code, (count.get(n.code) ?? 0) + 1);
  const out = new Map<number, string>();
  // Tree order: a parent's base is known before its children's.
  for (const n of tree) {
    const parent = n.parentId === null ? undefined : out.get(n.parentId);
    out.set(n.id, count.get(n.code)! > 1 && parent ? `${parent.replace(/\.$/, '')}.${n.code}` : n.code);
  }
  return out;
}

/** The selected areas (by code) and offices, with ancestors kept so the tree still reads. */
function selectNodes(tree: TreeNode[], areas?: string[], offices?: number[]): Set<number> {
  const byId = new Map(tree.map((n) => [n.id, n]));
  const areaOf = (n: TreeNode): TreeNode => {
    let cur = n;
    while (cur.parentId !== null) cur = byId.get(cur.parentId)!;
    return cur;
  };
  const keep = new Set<number>();
  for (const n of tree) {
    if (areas?.length && !areas.includes(areaOf(n).code)) continue;
    if (offices?.length && !(n.leadOfficeId !== null && offices.includes(n.leadOfficeId))) continue;
    for (let cur: TreeNode | undefined = n; cur && !keep.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
      keep.add(cur.id);
    }
  }
  return keep;
}

function unusable(r: Record<string, unknown>, status: string | undefined): string | null {
  if (status === 'missing') return 'Tệp không còn trong kho lưu trữ của hồ sơ.';
  if (status === 'corrupt') return 'Tệp đã bị hỏng (không khớp mã băm lúc thêm vào).';
  if (r.encrypted === 1) return 'PDF có mật khẩu: không thể đưa vào hồ sơ.';
  if (r.damaged === 1) return 'PDF bị hỏng, không đọc được.';
  return null;
}

function describe(r: Record<string, unknown>): string {
  return (r.number as string | null) ?? (r.subject as string | null) ?? path.basename(r.original_name as string);
}
