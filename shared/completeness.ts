import type { NodeKind } from './framework';
import { formatPoints, type Hundredths } from './points';
import { foldVi } from './text';
import type { CheckDocument, CheckInput, CheckNode, CheckScore } from './check-model';
import { buildCheckTree, childrenOf, isLeaf } from './check-tree';
import { rollupWithTotal, scoreIssue, type NodeRollup, type ScoreRule } from './scoring';
import {
  date,
  documentLabel,
  fileKindName,
  formatSize,
  joinVi,
  lowerFirst,
  nodeLabel,
  points,
} from './completeness-messages';

export type {
  CheckDocument,
  CheckFileKind,
  CheckInput,
  CheckLink,
  CheckNode,
  CheckOffice,
  CheckScore,
  CheckScoringOption,
} from './check-model';

/**
 * The completeness check: everything an appraiser at Sở Nội vụ would cut points for, found
 * before the dossier leaves the district. Pure and synchronous; linear in nodes + documents +
 * links, because it runs on every edit in the UI.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * Rules. Per node and document (one problem per node linking the document): the evidence.*
 * errors and the document.* warnings except those below. Once per document:
 * document.scan_without_text and document.many_links (on the first linked node in tree order,
 * naming every linked code) and document.unlinked (nodeId null). Per leaf: the score.* rules,
 * evidence.slot_empty and node.overdue; score.na_* apply to any node marked N/A.
 */
export type ProblemRule =
  // errors
  | 'score.not_scored'
  | ScoreRule
  | 'score.missing_evidence'
  | 'score.na_without_reason'
  | 'score.na_not_allowed'
  | 'evidence.slot_empty'
  | 'evidence.file_missing'
  | 'evidence.file_corrupt'
  | 'evidence.encrypted'
  | 'evidence.damaged'
  // warnings
  | 'score.survey_not_entered'
  | 'score.missing_explanation'
  | 'document.missing_metadata'
  | 'document.outside_year'
  | 'document.draft'
  | 'document.too_large'
  | 'node.overdue'
  // infos
  | 'document.scan_without_text'
  | 'document.many_links'
  | 'document.unlinked';

export interface Problem {
  /** Stable code, safe to filter on and to key translations or help pages by. */
  rule: ProblemRule;
  severity: Severity;
  /**
   * null only for a document linked to nothing; the other problems about a document as such
   * (linked too often, scan) carry its first linked node, so a list can jump there.
   */
  nodeId: number | null;
  code: string | null;
  documentId?: number;
  message: string;
}

/**
 * Leaf: 'not_started' when applicable, unscored and without evidence (its "not scored" error
 * is still listed); otherwise the worst severity of its own problems (infos and the overdue
 * warning do not count), else 'not_applicable' or 'complete'. Parent: 'not_started' when all
 * its leaves are not started or not applicable, 'not_applicable' when all are not applicable,
 * else the worst of its children and its own problems (a not-started child counts as its error).
 */
export type NodeStatus = 'complete' | 'warning' | 'error' | 'not_started' | 'not_applicable';

export interface GroupStats {
  /** Applicable leaves (not-applicable ones are counted apart). */
  leaves: number;
  /** Leaves with status 'complete'. */
  complete: number;
  notStarted: number;
  notApplicable: number;
  /** Number of error / warning / info problems attributed to the group's nodes. */
  errors: number;
  warnings: number;
  infos: number;
  /** ⌊complete ÷ leaves × 100⌋, so 100 only when really done; 100 for no applicable leaves. */
  percent: number;
  /** Sum of self-scores on leaves that have at least one error. */
  pointsAtRisk: Hundredths;
}

export interface AreaStats extends GroupStats {
  nodeId: number;
  code: string;
  title: string;
  status: NodeStatus;
  score: Hundredths;
  applicableMax: Hundredths;
  index: number | null;
}

export interface OfficeStats extends GroupStats {
  officeId: number | null;
  name: string;
}

export interface CheckSummary extends GroupStats {
  score: Hundredths;
  applicableMax: Hundredths;
  index: number | null;
}

export interface CompletenessResult {
  /** Node problems in tree order, then problems about documents as such (in document order). */
  problems: Problem[];
  nodeStatus: Map<number, NodeStatus>;
  byArea: AreaStats[];
  byOffice: OfficeStats[];
  summary: CheckSummary;
  /** The score roll-up the check computed anyway, so callers need not redo it. */
  rollup: Map<number, NodeRollup>;
}

export const DEFAULT_MANY_LINKS_THRESHOLD = 5;
export const UNASSIGNED_OFFICE_NAME = 'Chưa phân công đơn vị chủ trì';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 0 };

/** A problem every link to a document carries, minus the node part of the message. */
interface LinkIssue {
  rule: ProblemRule;
  severity: Severity;
  text: string;
}

/** Null, empty or only whitespace; text starting with a printable ASCII character skips the trim. */
function blank(s: string | null | undefined): boolean {
  if (s == null || s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return s.trim() === '';
}

/**
 * Plans (KH) for year N are due before 20/12 of N−1, so December of N−1 still counts. A
 * document without a type counts when its subject reads as a plan ("Kế hoạch cải cách…").
 */
function isPlan(doc: Pick<CheckDocument, 'docType' | 'subject'>): boolean {
  if (doc.docType && !blank(doc.docType)) {
    const t = foldVi(doc.docType).replace(/[^a-z]/g, '');
    return t === 'kh' || t === 'kehoach';
  }
  if (!doc.subject) return false;
  return /^ke\s*hoach\b/.test(foldVi(doc.subject.normalize('NFC').trim()));
}

const NO_ISSUES: readonly LinkIssue[] = Object.freeze([]);

function issuedOutsideYear(doc: CheckDocument, year: number): boolean {
  const iso = doc.issuedOn?.trim();
  if (!iso) return false;
  const y = Number(iso.slice(0, 4));
  if (!Number.isInteger(y) || y === year) return false;
  return !(y === year - 1 && iso.slice(5, 7) === '12' && isPlan(doc));
}

/** Screenshots of a portal have no number, date or subject to show. */
function missingMetadata(doc: CheckDocument): string[] | null {
  if (doc.fileKind === 'png' || doc.fileKind === 'jpeg') return null;
  const noNumber = blank(doc.number);
  const noDate = blank(doc.issuedOn);
  const noSubject = blank(doc.subject);
  if (!noNumber && !noDate && !noSubject) return null;
  const missing: string[] = [];
  if (noNumber) missing.push('số, ký hiệu');
  if (noDate) missing.push('ngày ban hành');
  if (noSubject) missing.push('trích yếu');
  return missing;
}

/**
 * Problems of one document that every node linking it inherits. The cheap tests run first and
 * text is only built for the few documents that have something wrong: this runs for each of
 * tens of thousands of documents.
 */
function documentIssues(doc: CheckDocument, input: CheckInput): readonly LinkIssue[] {
  const missing = missingMetadata(doc);
  const outside = issuedOutsideYear(doc, input.year);
  const tooLarge = input.uploadLimitBytes > 0 && doc.sizeBytes > input.uploadLimitBytes;
  if (
    doc.fileStatus === 'ok' &&
    !doc.encrypted &&
    !doc.damaged &&
    !missing &&
    !outside &&
    !doc.draft &&
    !tooLarge
  ) {
    return NO_ISSUES;
  }
  const out: LinkIssue[] = [];
  const d = `tài liệu ${documentLabel(doc)}`;
  if (doc.fileStatus === 'missing') {
    out.push({
      rule: 'evidence.file_missing',
      severity: 'error',
      text: `tệp của ${d} không còn trong kho lưu trữ, cần đính kèm lại.`,
    });
  } else if (doc.fileStatus === 'corrupt') {
    out.push({
      rule: 'evidence.file_corrupt',
      severity: 'error',
      text: `tệp của ${d} bị hỏng hoặc đã bị thay đổi so với bản đã lưu, cần đính kèm lại.`,
    });
  }
  // The brief names PDFs, but a password-protected or broken Word/Excel file fails the same way.
  if (doc.encrypted) {
    out.push({
      rule: 'evidence.encrypted',
      severity: 'error',
      text: `${d} là tệp ${fileKindName(doc.fileKind)} có đặt mật khẩu, người thẩm định không mở được.`,
    });
  }
  if (doc.damaged) {
    out.push({
      rule: 'evidence.damaged',
      severity: 'error',
      text: `${d} là tệp ${fileKindName(doc.fileKind)} bị lỗi, không mở được.`,
    });
  }
  if (missing) {
    out.push({
      rule: 'document.missing_metadata',
      severity: 'warning',
      text: `${d} chưa ghi ${joinVi(missing)}.`,
    });
  }
  if (outside) {
    out.push({
      rule: 'document.outside_year',
      severity: 'warning',
      text: `${d} ban hành ngày ${date(doc.issuedOn!.trim())}, ngoài năm đánh giá ${input.year}.`,
    });
  }
  if (doc.draft) {
    out.push({
      rule: 'document.draft',
      severity: 'warning',
      text: `${d} là bản dự thảo (chưa có số, ngày hoặc chữ ký), không có giá trị kiểm chứng.`,
    });
  }
  if (tooLarge) {
    out.push({
      rule: 'document.too_large',
      severity: 'warning',
      text: `${d} có dung lượng ${formatSize(doc.sizeBytes)}, vượt giới hạn tải lên ${formatSize(input.uploadLimitBytes)}.`,
    });
  }
  return out;
}

/** Slot names are compared loosely ("Kế hoạch " = "kế hoạch"); a dossier has only a few. */
function slotKeyer(): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let k = cache.get(s);
    if (k === undefined) {
      k = s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
      cache.set(s, k);
    }
    return k;
  };
}

function docProblem(
  doc: CheckDocument,
  rule: ProblemRule,
  message: string,
  node: CheckNode | null = null,
): Problem {
  return {
    rule,
    severity: 'info',
    nodeId: node?.id ?? null,
    code: node?.code ?? null,
    documentId: doc.id,
    message,
  };
}

/** Codes shown when naming the nodes a document is linked to; the rest are counted. */
const LINKED_CODES_SHOWN = 10;

/**
 * "1.1.1, 1.2 và 2.3" for the first codes of `count` linked nodes, or "1.1.1, 1.2, … và 4
 * tiêu chí khác" when only some of them are given.
 */
function linkedCodes(codes: string[], count: number): string {
  for (let k = 0; k < codes.length; k++) codes[k] = codes[k]!.trim() || '(không mã)';
  if (count > codes.length) return `${codes.join(', ')} và ${count - codes.length} tiêu chí khác`;
  if (codes.length === 1) return codes[0]!;
  return `${codes.slice(0, -1).join(', ')} và ${codes[codes.length - 1]}`;
}

function emptyStats(): GroupStats {
  return {
    leaves: 0,
    complete: 0,
    notStarted: 0,
    notApplicable: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    percent: 100,
    pointsAtRisk: 0,
  };
}

function finishPercent(s: GroupStats): void {
  s.percent = s.leaves === 0 ? 100 : Math.floor((s.complete * 100) / s.leaves);
}

function countProblem(s: GroupStats, severity: Severity): void {
  if (severity === 'error') s.errors++;
  else if (severity === 'warning') s.warnings++;
  else s.infos++;
}

function countLeaf(s: GroupStats, status: NodeStatus, atRisk: Hundredths): void {
  if (status === 'not_applicable') {
    s.notApplicable++;
    return;
  }
  s.leaves++;
  if (status === 'complete') s.complete++;
  else if (status === 'not_started') s.notStarted++;
  s.pointsAtRisk += atRisk;
}

/**
 * Maps ids to dense positions. Database ids are small and dense, so a typed array does the
 * lookup without hashing; anything else (huge or odd ids) falls back to a Map.
 */
function idIndex(ids: ArrayLike<number>): (id: number) => number {
  let maxId = -1;
  let dense = true;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!Number.isInteger(id) || id < 0) {
      dense = false;
      break;
    }
    if (id > maxId) maxId = id;
  }
  if (dense && maxId <= 4 * ids.length + 1024) {
    const table = new Int32Array(maxId + 1).fill(-1);
    // Later duplicates lose, like the Map below: the first row with an id wins.
    for (let i = ids.length - 1; i >= 0; i--) table[ids[i]!] = i;
    return (id) => (Number.isInteger(id) && id >= 0 && id <= maxId ? table[id]! : -1);
  }
  const map = new Map<number, number>();
  for (let i = ids.length - 1; i >= 0; i--) map.set(ids[i]!, i);
  return (id) => map.get(id) ?? -1;
}

export function checkCompleteness(input: CheckInput): CompletenessResult {
  const { nodes, documents, links } = input;
  const tree = buildCheckTree(nodes);
  const order = tree.order;
  const N = order.length;
  const scores = new Map<number, CheckScore>();
  for (const s of input.scores) scores.set(s.nodeId, s);
  const rolled = rollupWithTotal(nodes, scores, tree);
  const roll = rolled.nodes;

  // Everything below works on positions: node i is order[i], document j is documents[j].
  const nodeIdx = idIndex(order.map((n) => n.id));
  const docIdx = idIndex(documents.map((d) => d.id));
  const parentIdx = new Int32Array(N);
  const leaf = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const n = order[i]!;
    const p = n.parentId === null ? -1 : nodeIdx(n.parentId);
    // A parent later in pre-order only happens inside a broken cycle: treat as a root.
    parentIdx[i] = p < i ? p : -1;
    leaf[i] = isLeaf(tree, n.id) ? 1 : 0;
  }

  // Links bucketed by node (counting sort), so de-duplication needs no per-node Set.
  const linkNode = new Int32Array(links.length);
  const linkDoc = new Int32Array(links.length);
  const start = new Int32Array(N + 1);
  for (let k = 0; k < links.length; k++) {
    const l = links[k]!;
    const ni = nodeIdx(l.nodeId);
    const di = ni < 0 ? -1 : docIdx(l.documentId);
    // Links to unknown nodes or documents are ignored.
    linkNode[k] = di < 0 ? -1 : ni;
    linkDoc[k] = di;
    if (di >= 0) start[ni + 1]!++;
  }
  for (let i = 0; i < N; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, N);
  const bucket = new Int32Array(start[N]!);
  for (let k = 0; k < links.length; k++) {
    const ni = linkNode[k]!;
    if (ni >= 0) bucket[fill[ni]!++] = k;
  }

  const slotKey = slotKeyer();
  const stamp = new Int32Array(documents.length).fill(-1);
  const linkedNodes = new Int32Array(documents.length);
  const docIssues: (readonly LinkIssue[] | undefined)[] = new Array(documents.length);
  const distinctDocs = new Int32Array(N);

  const perNode: (Problem[] | undefined)[] = new Array(N);
  let label = '';
  const add = (
    i: number,
    rule: ProblemRule,
    severity: Severity,
    text: string,
    documentId?: number,
  ) => {
    const n = order[i]!;
    const p: Problem = { rule, severity, nodeId: n.id, code: n.code, message: `${label}: ${text}` };
    if (documentId !== undefined) p.documentId = documentId;
    const list = perNode[i];
    if (list) list.push(p);
    else perNode[i] = [p];
  };

  const na = new Uint8Array(N);
  const deadline: (string | undefined)[] = new Array(N);

  // Node rules, in tree order.
  for (let i = 0; i < N; i++) {
    const n = order[i]!;
    const pi = parentIdx[i]!;
    const s = scores.get(n.id);
    if (s?.notApplicable || (pi >= 0 && na[pi] === 1)) na[i] = 1;
    const ownDeadline = n.deadline?.trim() ? n.deadline.trim().slice(0, 10) : undefined;
    deadline[i] = ownDeadline ?? (pi >= 0 ? deadline[pi] : undefined);
    label = nodeLabel(n.code, n.title);
    const kind: NodeKind = tree.kind.get(n.id) ?? n.kind;

    if (s?.notApplicable) {
      if (!n.mayBeNotApplicable) {
        add(
          i,
          'score.na_not_allowed',
          'error',
          'tiêu chí này không được đánh dấu không chấm (không áp dụng), cần chấm điểm.',
        );
      }
      if (blank(s.naReason)) {
        add(
          i,
          'score.na_without_reason',
          'error',
          'đánh dấu không chấm (không áp dụng) nhưng chưa ghi lý do.',
        );
      }
    }

    // Distinct documents of this node; `stamp` remembers which node saw a document last.
    let docCount = 0;
    const from = start[i]!;
    const to = start[i + 1]!;
    for (let b = from; b < to; b++) {
      const di = linkDoc[bucket[b]!]!;
      if (stamp[di] === i) continue;
      stamp[di] = i;
      docCount++;
      linkedNodes[di]!++;
    }
    distinctDocs[i] = docCount;

    if (leaf[i] === 1 && na[i] === 0) {
      const value = s?.selfScore ?? null;
      if (value === null) {
        // A leaf without a maximum is a task-tracker row (PAPI, DDCI): nothing to score.
        if (n.maxPoints !== null) {
          if (kind === 'survey') {
            // Survey results are published by the province, often after the self-assessment.
            add(
              i,
              'score.survey_not_entered',
              'warning',
              'chưa nhập điểm theo kết quả điều tra xã hội học.',
            );
          } else {
            add(i, 'score.not_scored', 'error', 'chưa chấm điểm tự đánh giá.');
          }
        }
      } else {
        const issue = scoreIssue(n, value, kind);
        if (issue) add(i, issue.rule, 'error', lowerFirst(issue.message));
        if (kind !== 'survey' && value > 0) {
          if (docCount === 0) {
            const need =
              n.evidenceSlots.length > 0
                ? ` Cần có: ${n.evidenceSlots.map((x) => `“${x}”`).join('; ')}.`
                : '';
            add(
              i,
              'score.missing_evidence',
              'error',
              `chấm ${points(value)} nhưng thiếu TLKC (chưa gắn tài liệu kiểm chứng nào).${need}`,
            );
          } else if (n.evidenceSlots.length > 0) {
            const filled = new Set<string>();
            for (let b = from; b < to; b++) {
              const slot = links[bucket[b]!]!.slot;
              if (slot !== null && !blank(slot)) filled.add(slotKey(slot));
            }
            for (const slot of n.evidenceSlots) {
              if (!filled.has(slotKey(slot))) {
                add(i, 'evidence.slot_empty', 'error', `chưa có TLKC cho mục “${slot}”.`);
              }
            }
          }
        }
        // Bonus points not earned need a word too; a penalty's best score is 0, survey scores
        // are published by the province.
        if (
          (kind === 'self' || kind === 'bonus') &&
          !issue &&
          n.maxPoints !== null &&
          value < n.maxPoints &&
          blank(s?.explanation)
        ) {
          add(
            i,
            'score.missing_explanation',
            'warning',
            `chấm ${formatPoints(value)}/${points(n.maxPoints)} nhưng chưa có giải trình vì sao chưa đạt điểm tối đa.`,
          );
        }
      }
    }

    // Document problems, checked once per document and stamped onto every node linking it.
    if (docCount > 0) {
      for (let b = from; b < to; b++) {
        const di = linkDoc[bucket[b]!]!;
        if (stamp[di] !== i) continue;
        stamp[di] = -2 - i; // visited for this node: a duplicate link will not repeat the problems
        const doc = documents[di]!;
        const issues = (docIssues[di] ??= documentIssues(doc, input));
        for (const issue of issues) add(i, issue.rule, issue.severity, issue.text, doc.id);
      }
    }
  }

  // Statuses, children before parents. `rank` carries the severity a status stands for, so a
  // criterion with 9 finished items and 1 not started shows the error of the unscored item.
  const status: NodeStatus[] = new Array(N);
  const rank = new Uint8Array(N);
  const leafHasError = new Uint8Array(N);
  for (let i = N - 1; i >= 0; i--) {
    const n = order[i]!;
    let own = 0;
    const list = perNode[i];
    if (list) for (const p of list) own = Math.max(own, SEVERITY_RANK[p.severity]);
    let st: NodeStatus;
    let r: number;
    if (leaf[i] === 1) {
      if (own === 3) leafHasError[i] = 1;
      const idle =
        na[i] === 0 && (scores.get(n.id)?.selfScore ?? null) === null && distinctDocs[i] === 0;
      if (idle) {
        st = 'not_started';
        r = Math.max(own, 2);
      } else if (own > 0) {
        st = own === 3 ? 'error' : 'warning';
        r = own;
      } else {
        st = na[i] === 1 ? 'not_applicable' : 'complete';
        r = st === 'complete' ? 1 : 0;
      }
    } else {
      let childRank = 0;
      let anyIdle = false;
      let allIdleOrNa = true;
      for (const c of childrenOf(tree, n.id)) {
        const ci = nodeIdx(c.id);
        const cs = status[ci]!;
        childRank = Math.max(childRank, rank[ci]!);
        if (cs === 'not_started') anyIdle = true;
        else if (cs !== 'not_applicable') allIdleOrNa = false;
      }
      r = Math.max(own, childRank);
      if (own === 0 && anyIdle && allIdleOrNa) st = 'not_started';
      else if (r === 3) st = 'error';
      else if (r === 2) st = 'warning';
      else if (r === 1) st = 'complete';
      else st = 'not_applicable';
    }
    status[i] = st;
    rank[i] = r;
  }

  // Deadlines last: they depend on the status and do not change it.
  const today = input.today.slice(0, 10);
  for (let i = 0; i < N; i++) {
    const d = deadline[i];
    if (!d || d >= today || leaf[i] === 0) continue;
    if (status[i] === 'complete' || status[i] === 'not_applicable') continue;
    label = nodeLabel(order[i]!.code, order[i]!.title);
    add(i, 'node.overdue', 'warning', `đã quá hạn hoàn thành (${date(d)}) nhưng chưa xong.`);
  }

  const problems: Problem[] = [];
  const nodeStatus = new Map<number, NodeStatus>();
  for (let i = 0; i < N; i++) {
    nodeStatus.set(order[i]!.id, status[i]!);
    const list = perNode[i];
    if (list) for (const p of list) problems.push(p);
  }

  // Problems about documents as such: they never change a status. A scan or a document linked
  // too often is reported once, on its first linked node (tree order) so a list can jump there,
  // naming every node that links it; a document linked to nothing has no node.
  const threshold = input.manyLinksThreshold ?? DEFAULT_MANY_LINKS_THRESHOLD;
  // Flagged documents get a slot of LINKED_CODES_SHOWN node positions, filled in tree order by
  // one more pass over the links; the count itself is linkedNodes.
  const slotOf = new Int32Array(documents.length).fill(-1);
  let flaggedCount = 0;
  for (let di = 0; di < documents.length; di++) {
    const count = linkedNodes[di]!;
    if (count > 0 && (documents[di]!.isScan || count >= threshold)) slotOf[di] = flaggedCount++;
  }
  const shown = new Int32Array(flaggedCount * LINKED_CODES_SHOWN);
  const filled = new Uint8Array(flaggedCount);
  if (flaggedCount > 0) {
    stamp.fill(-1);
    for (let i = 0; i < N; i++) {
      for (let b = start[i]!; b < start[i + 1]!; b++) {
        const di = linkDoc[bucket[b]!]!;
        const slot = slotOf[di]!;
        if (slot < 0 || stamp[di] === i) continue;
        stamp[di] = i;
        const f = filled[slot]!;
        if (f < LINKED_CODES_SHOWN) {
          shown[slot * LINKED_CODES_SHOWN + f] = i;
          filled[slot] = f + 1;
        }
      }
    }
  }
  const docLevel: { i: number; p: Problem }[] = [];
  for (let di = 0; di < documents.length; di++) {
    const doc = documents[di]!;
    if (docIdx(doc.id) !== di) continue; // a repeated id is reported once
    const count = linkedNodes[di]!;
    const slot = slotOf[di]!;
    if (count > 0 && slot < 0) continue;
    const d = `Tài liệu ${documentLabel(doc)}`;
    if (count === 0) {
      problems.push(docProblem(doc, 'document.unlinked', `${d} chưa được gắn vào tiêu chí nào.`));
      continue;
    }
    const first = shown[slot * LINKED_CODES_SHOWN]!;
    const codeList: string[] = [];
    for (let k = 0; k < filled[slot]!; k++)
      codeList.push(order[shown[slot * LINKED_CODES_SHOWN + k]!]!.code);
    const codes = linkedCodes(codeList, count);
    if (doc.isScan) {
      const where = count === 1 ? `tiêu chí ${codes}` : `các tiêu chí ${codes}`;
      const p = docProblem(
        doc,
        'document.scan_without_text',
        `${d} (gắn vào ${where}) là bản quét chưa có lớp chữ, không tìm kiếm hay sao chép được nội dung.`,
        order[first]!,
      );
      problems.push(p);
      docLevel.push({ i: first, p });
    }
    if (count >= threshold) {
      const p = docProblem(
        doc,
        'document.many_links',
        `${d} được gắn vào ${count} tiêu chí (${codes}), nên kiểm tra lại có gắn nhầm tiêu chí nào không.`,
        order[first]!,
      );
      problems.push(p);
      docLevel.push({ i: first, p });
    }
  }

  // Per area and per office.
  const rootPos = new Map<number, number>();
  const areaStats: GroupStats[] = tree.roots.map((r, k) => {
    rootPos.set(r.id, k);
    return emptyStats();
  });
  const areaOf = (i: number) => areaStats[rootPos.get(tree.topId.get(order[i]!.id)!)!]!;
  const officeStats = new Map<number | null, GroupStats>();
  const officeOf = (i: number) => {
    const id = order[i]!.leadOfficeId;
    let s = officeStats.get(id);
    if (!s) {
      s = emptyStats();
      officeStats.set(id, s);
    }
    return s;
  };
  const summary = emptyStats();
  for (let i = 0; i < N; i++) {
    if (leaf[i] === 0) continue;
    const st = status[i]!;
    const atRisk =
      leafHasError[i] === 1 && na[i] === 0 ? Math.max(0, roll.get(order[i]!.id)!.score) : 0;
    countLeaf(areaOf(i), st, atRisk);
    countLeaf(officeOf(i), st, atRisk);
    countLeaf(summary, st, atRisk);
  }
  for (let i = 0; i < N; i++) {
    const list = perNode[i];
    if (!list) continue;
    const area = areaOf(i);
    const office = officeOf(i);
    for (const p of list) {
      countProblem(area, p.severity);
      countProblem(office, p.severity);
    }
  }
  for (const { i, p } of docLevel) {
    countProblem(areaOf(i), p.severity);
    countProblem(officeOf(i), p.severity);
  }
  for (const p of problems) countProblem(summary, p.severity);

  const byArea: AreaStats[] = tree.roots.map((r, k) => {
    const s = areaStats[k]!;
    finishPercent(s);
    const ro = roll.get(r.id)!;
    return {
      nodeId: r.id,
      code: r.code,
      title: r.title,
      status: nodeStatus.get(r.id)!,
      score: ro.score,
      applicableMax: ro.applicableMax,
      index: ro.index,
      ...s,
    };
  });

  // Offices in the order given, then ids the list does not know, then the unassigned rows.
  const byOffice: OfficeStats[] = [];
  const named = new Set<number>();
  for (const o of input.offices) {
    const s = officeStats.get(o.id);
    if (!s || named.has(o.id)) continue;
    named.add(o.id);
    finishPercent(s);
    byOffice.push({ officeId: o.id, name: o.name, ...s });
  }
  for (const [id, s] of officeStats) {
    if (id === null || named.has(id)) continue;
    finishPercent(s);
    byOffice.push({ officeId: id, name: `Đơn vị #${id}`, ...s });
  }
  const unassigned = officeStats.get(null);
  if (unassigned) {
    finishPercent(unassigned);
    byOffice.push({ officeId: null, name: UNASSIGNED_OFFICE_NAME, ...unassigned });
  }

  finishPercent(summary);
  return {
    problems,
    nodeStatus,
    byArea,
    byOffice,
    summary: {
      ...summary,
      score: rolled.total.score,
      applicableMax: rolled.total.applicableMax,
      index: rolled.total.index,
    },
    rollup: roll,
  };
}
