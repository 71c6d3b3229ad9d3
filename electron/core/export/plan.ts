import { statSync } from 'node:fs';
import path from 'node:path';
import type { CompletenessResult } from '../../../shared/completeness';
import { checkCompleteness } from '../../../shared/completeness';
import { qualifiedCodes } from '../../../shared/codes';
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
  total: {
    score: number;
    applicableMax: number;
    index: number | null;
    appraised: number | null;
    scoredLeaves: number;
  };
  notApplicable: boolean;
  links: PlanLink[];
  /** Links to documents left out of the export (see ExportPlan.excluded), with the reason. */
  excludedLinks: PlanExcludedLink[];
}

/** A link to a document left out of the export, with what is known of the document. */
export interface PlanExcludedLink {
  documentId: number;
  evidenceCode: string;
  name: string;
  reason: string;
  doc: Pick<
    PlanDocument,
    'docType' | 'number' | 'issuedOn' | 'issuer' | 'subject' | 'originalName' | 'pages' | 'sha256'
  >;
}

/** What part of the index an export of selected areas or offices covers (null: the whole). */
export interface PlanPartial {
  /** The selected areas, in tree order ("1", "Công tác chỉ đạo, điều hành…"). */
  areas: { code: string; title: string }[];
  /** Names of the selected offices. */
  offices: string[];
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
  /** Set when only some areas or offices are exported: totals are then not the index's. */
  partial?: PlanPartial | null;
}

export const OFFICE_KINDS: ReadonlySet<string> = new Set([
  'docx',
  'xlsx',
  'doc',
  'xls',
  'odt',
  'ods',
]);

export function buildPlan(
  db: Db,
  store: FileStore,
  selection: {
    assessmentId?: number | undefined;
    areas?: string[] | undefined;
    offices?: number[] | undefined;
  },
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
  // Evidence codes must be unique in a dossier: a code that several criteria share (numbering
  // restarts under each Roman area) is qualified by its parent's ("II.1.1-02", "1.2.a)-01").
  const codeBase = qualifiedCodes(tree);
  // Each stored file is checked once, cheaply: there, and as long as when it was added.
  const checked = new Set<number>();
  for (const n of tree) {
    if (!keep.has(n.id)) continue;
    const rollup = check.rollup.get(n.id);
    const links: PlanLink[] = [];
    const excludedLinks: PlanNode['excludedLinks'] = [];
    (linksByNode.get(n.id) ?? []).forEach((r, i) => {
      const id = r.id as number;
      const evidenceCode = `${codeBase.get(n.id)!}-${String(i + 1).padStart(2, '0')}`;
      let reason = unusable(r, fileStatus.get(id));
      if (reason === null && !documents.has(id) && !checked.has(id)) {
        checked.add(id);
        reason = storedFileProblem(store.pathOf(r.sha256 as string), r.size as number);
      }
      reason ??= excluded.get(id)?.reason ?? null;
      if (reason) {
        const e = excluded.get(id) ?? { documentId: id, name: describe(r), codes: [], reason };
        e.codes.push(evidenceCode);
        excluded.set(id, e);
        excludedLinks.push({
          documentId: id,
          evidenceCode,
          name: e.name,
          reason,
          doc: {
            docType: (r.doc_type as string | null) ?? null,
            number: (r.number as string | null) ?? null,
            issuedOn: (r.issued_on as string | null) ?? null,
            issuer: (r.issuer as string | null) ?? null,
            subject: (r.subject as string | null) ?? null,
            originalName: r.original_name as string,
            pages: (r.pages as number | null) ?? null,
            sha256: r.sha256 as string,
          },
        });
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
      excludedLinks,
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
    partial: partialOf(db, tree, selection.areas, selection.offices),
  };
}

function partialOf(
  db: Db,
  tree: TreeNode[],
  areas?: string[],
  offices?: number[],
): PlanPartial | null {
  const roots = tree.filter((n) => n.parentId === null);
  const chosen = areas?.length ? roots.filter((n) => areas.includes(n.code)) : [];
  const allAreas = chosen.length === 0 || chosen.length === roots.length;
  if (allAreas && !offices?.length) return null;
  const names = offices?.length
    ? (
        db
          .prepare(
            `SELECT name FROM office WHERE id IN (${offices.map(() => '?').join(',')}) ORDER BY name`,
          )
          .all(...offices) as { name: string }[]
      ).map((o) => o.name)
    : [];
  return {
    areas: allAreas ? [] : chosen.map((n) => ({ code: n.code, title: n.title })),
    offices: names,
  };
}

/**
 * The plan without some documents, which are added to its exclusions with their reason: the
 * PDF step leaves out a document it cannot read, and the workbook then lists it as left out.
 */
export function withExcluded(
  plan: ExportPlan,
  leaveOut: { documentId: number; reason: string }[],
): ExportPlan {
  const why = new Map(
    leaveOut.filter((x) => plan.documents.has(x.documentId)).map((x) => [x.documentId, x.reason]),
  );
  if (why.size === 0) return plan;
  const documents = new Map([...plan.documents].filter(([id]) => !why.has(id)));
  const added = new Map<number, ExcludedDocument>();
  const nodes = plan.nodes.map((n) => {
    if (!n.links.some((l) => why.has(l.documentId))) return n;
    const excludedLinks = [...n.excludedLinks];
    const links = n.links.filter((l) => {
      const reason = why.get(l.documentId);
      if (reason === undefined) return true;
      const d = plan.documents.get(l.documentId)!;
      const name = d.number ?? d.subject ?? path.basename(d.originalName);
      const e = added.get(l.documentId) ?? { documentId: l.documentId, name, codes: [], reason };
      e.codes.push(l.evidenceCode);
      added.set(l.documentId, e);
      excludedLinks.push({
        documentId: l.documentId,
        evidenceCode: l.evidenceCode,
        name,
        reason,
        doc: d,
      });
      return false;
    });
    return { ...n, links, excludedLinks };
  });
  return { ...plan, documents, nodes, excluded: [...plan.excluded, ...added.values()] };
}

/**
 * The refusal when unusable documents would be left out without the person's consent: names
 * them (evidence codes and reason) and says what to do.
 */
export function excludedConflict(list: ExcludedDocument[], confirmHint: string): string {
  const shown = list
    .slice(0, 3)
    .map((e) => `${e.name} (${e.codes.join(', ')}): ${e.reason.replace(/[.\s]+$/, '')}`)
    .join('; ');
  return `Có ${list.length} tài liệu không dùng được: ${shown}${list.length > 3 ? '; …' : ''}. ${confirmHint}`;
}

/** A stored file that is gone or not the size it had when added (truncated, overwritten). */
function storedFileProblem(file: string, size: number): string | null {
  try {
    const st = statSync(file);
    if (!st.isFile()) return 'Tệp không còn trong kho lưu trữ của hồ sơ.';
    if (st.size !== size)
      return `Tệp trong kho lưu trữ đã bị hỏng (${vnBytes(st.size)} thay vì ${vnBytes(size)} như lúc thêm vào).`;
    return null;
  } catch {
    return 'Tệp không còn trong kho lưu trữ của hồ sơ.';
  }
}

function vnBytes(n: number): string {
  return `${n.toLocaleString('en-US').replace(/,/g, '.')} byte`;
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
    for (
      let cur: TreeNode | undefined = n;
      cur && !keep.has(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined
    ) {
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
  return (
    (r.number as string | null) ??
    (r.subject as string | null) ??
    path.basename(r.original_name as string)
  );
}
