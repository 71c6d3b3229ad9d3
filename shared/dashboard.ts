import type { CheckInput } from './check-model';
import {
  UNASSIGNED_OFFICE_NAME,
  type CompletenessResult,
  type GroupStats,
  type NodeStatus,
  type Problem,
} from './completeness';
import type { Hundredths } from './points';

/**
 * What the overview screen shows beyond the completeness result itself: the problems grouped by
 * the office that must fix them, the deadlines, and per-office scores. Pure and linear in nodes
 * + problems, so it re-runs with the check on every change (2,000 leaves, 100,000 problems).
 */

/** The filters a person can switch on; an absent officeId means every office. */
export interface DashboardFilter {
  /** Only this lead office ("Chỉ phòng của tôi"); null is the unassigned group. */
  officeId?: number | null;
  /** Only problems of severity error, only groups that have errors. */
  onlyErrors?: boolean;
  /** Only groups below 100 %, only deadlines not yet met. */
  onlyIncomplete?: boolean;
}

/** Key of the group for problems about documents as such (not tied to any node). */
export const DOCUMENTS_GROUP = 'documents';

export interface ProblemGroup {
  /** `office:<id>`, `office:none` or DOCUMENTS_GROUP. */
  key: string;
  /** Lead office; null for the unassigned group and for the documents group. */
  officeId: number | null;
  name: string;
  /** In tree order, as the check reported them, after the filter. */
  problems: Problem[];
  errors: number;
  warnings: number;
  infos: number;
  /** The office's points at risk (self-scores of its leaves that have an error). */
  pointsAtRisk: Hundredths;
}

const officeKey = (id: number | null) => (id === null ? 'office:none' : `office:${id}`);

function officeName(input: Pick<CheckInput, 'offices'>, id: number | null): string {
  if (id === null) return UNASSIGNED_OFFICE_NAME;
  return input.offices.find((o) => o.id === id)?.name ?? `Đơn vị #${id}`;
}

/**
 * The problem list "whose is it": each node problem goes to the node's lead office (already
 * inherited in the check input); problems about documents as such form a last group. Offices
 * come in the order of `result.byOffice`; groups left empty by the filter are dropped.
 */
export function problemsByOffice(
  input: Pick<CheckInput, 'nodes' | 'offices'>,
  result: Pick<CompletenessResult, 'problems' | 'byOffice'>,
  filter: DashboardFilter = {},
): ProblemGroup[] {
  const officeOf = new Map<number, number | null>();
  for (const n of input.nodes) officeOf.set(n.id, n.leadOfficeId);
  const mine = filter.officeId;
  const groups = new Map<string, ProblemGroup>();
  const risk = new Map<string, Hundredths>();
  const order = new Map<string, number>();
  result.byOffice.forEach((o, i) => {
    const key = officeKey(o.officeId);
    order.set(key, i);
    risk.set(key, o.pointsAtRisk);
  });

  for (const p of result.problems) {
    if (filter.onlyErrors && p.severity !== 'error') continue;
    let key: string;
    let officeId: number | null;
    if (p.nodeId === null) {
      if (mine !== undefined) continue;
      key = DOCUMENTS_GROUP;
      officeId = null;
    } else {
      officeId = officeOf.get(p.nodeId) ?? null;
      if (mine !== undefined && officeId !== mine) continue;
      key = officeKey(officeId);
    }
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        officeId,
        name: key === DOCUMENTS_GROUP ? '' : officeName(input, officeId),
        problems: [],
        errors: 0,
        warnings: 0,
        infos: 0,
        pointsAtRisk: risk.get(key) ?? 0,
      };
      groups.set(key, g);
    }
    g.problems.push(p);
    if (p.severity === 'error') g.errors++;
    else if (p.severity === 'warning') g.warnings++;
    else g.infos++;
  }

  const rank = (g: ProblemGroup) =>
    g.key === DOCUMENTS_GROUP ? Number.MAX_SAFE_INTEGER : (order.get(g.key) ?? 1e9);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** Whether an area or office row stays under the filter. */
export function keepGroup(
  g: Pick<GroupStats, 'errors' | 'percent'>,
  filter: DashboardFilter,
): boolean {
  if (filter.onlyErrors && g.errors === 0) return false;
  if (filter.onlyIncomplete && g.percent >= 100) return false;
  return true;
}

export interface DeadlineRow {
  nodeId: number;
  code: string;
  title: string;
  /** ISO date, the node's own deadline. */
  deadline: string;
  officeId: number | null;
  status: NodeStatus;
  /** Complete or not applicable. */
  done: boolean;
  /** Past the deadline and not done. */
  overdue: boolean;
  /** Days from today to the deadline: negative when past, 0 today. */
  daysLeft: number;
}

const DAY = 86_400_000;

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY);
}

/**
 * Nodes that carry a deadline of their own (children inherit it, so the row of a criterion
 * stands for its sub-criteria), earliest first; ties keep tree order. Overdue means past and
 * not done, the same rule as the check's node.overdue.
 */
export function deadlineRows(
  input: Pick<CheckInput, 'nodes' | 'today'>,
  result: Pick<CompletenessResult, 'nodeStatus'>,
  filter: DashboardFilter = {},
): DeadlineRow[] {
  const today = dayNumber(input.today);
  const rows: DeadlineRow[] = [];
  for (const n of input.nodes) {
    const iso = n.deadline?.trim().slice(0, 10);
    if (!iso) continue;
    const day = dayNumber(iso);
    if (day === null) continue;
    if (filter.officeId !== undefined && n.leadOfficeId !== filter.officeId) continue;
    const status = result.nodeStatus.get(n.id) ?? 'not_started';
    const done = status === 'complete' || status === 'not_applicable';
    if (filter.onlyIncomplete && done) continue;
    const daysLeft = today === null ? 0 : day - today;
    rows.push({
      nodeId: n.id,
      code: n.code,
      title: n.title,
      deadline: iso,
      officeId: n.leadOfficeId,
      status,
      done,
      overdue: !done && daysLeft < 0,
      daysLeft,
    });
  }
  // Array.prototype.sort is stable: equal dates keep tree order.
  return rows.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
}

export interface OfficeScore {
  /** Sum of the self-scores of the office's applicable leaves. */
  score: Hundredths;
  /** Sum of the maxima of those leaves (bonus and penalty items do not add to it). */
  applicableMax: Hundredths;
}

/**
 * Self-score over applicable maximum per lead office, from the check's roll-up. Counted on
 * leaves, so a bonus group's own cap is not applied here; the unit's figure is the summary's.
 */
export function officeScores(
  input: Pick<CheckInput, 'nodes'>,
  result: Pick<CompletenessResult, 'rollup'>,
): Map<number | null, OfficeScore> {
  const parents = new Set<number>();
  for (const n of input.nodes) if (n.parentId !== null) parents.add(n.parentId);
  const out = new Map<number | null, OfficeScore>();
  for (const n of input.nodes) {
    if (parents.has(n.id)) continue;
    const r = result.rollup.get(n.id);
    if (!r || r.notApplicable) continue;
    let s = out.get(n.leadOfficeId);
    if (!s) {
      s = { score: 0, applicableMax: 0 };
      out.set(n.leadOfficeId, s);
    }
    s.score += r.score;
    if (r.kind === 'self' || r.kind === 'survey') s.applicableMax += r.applicableMax;
  }
  return out;
}

/** Applicable leaves that have a self-score, over the whole tree. */
export function scoredLeafCount(result: Pick<CompletenessResult, 'byArea' | 'rollup'>): number {
  let n = 0;
  for (const a of result.byArea) n += result.rollup.get(a.nodeId)?.scoredLeaves ?? 0;
  return n;
}
