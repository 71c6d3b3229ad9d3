import type { NodePatch } from '../../../shared/contract/criteria';
import type { NodeKind } from '../../../shared/framework';
import type { NodeDetail } from '../../../shared/models';
import { formatPoints, parsePoints, PointsFormatError } from '../../../shared/points';
import { vi } from '../../i18n/vi';

/** What the edit form holds: points as the text a person types ("0,5"), lists as arrays. */
export interface NodeFormValues {
  code: string;
  title: string;
  maxPoints: string;
  kind: NodeKind;
  mayBeNotApplicable: boolean;
  step: string;
  scoringGuide: string;
  scoringOptions: { label: string; points: string }[];
  evidenceGuide: string;
  evidenceSlots: string[];
  task: string;
  target: string;
  deadline: string;
  note: string;
}

const pts = (h: number | null) => (h === null ? '' : formatPoints(h));

export function toFormValues(n: NodeDetail): NodeFormValues {
  return {
    code: n.code,
    title: n.title,
    maxPoints: pts(n.maxPoints),
    kind: n.kind,
    mayBeNotApplicable: n.mayBeNotApplicable,
    step: pts(n.step),
    scoringGuide: n.scoringGuide ?? '',
    scoringOptions: n.scoringOptions.map((o) => ({
      label: o.label,
      points: formatPoints(o.points),
    })),
    evidenceGuide: n.evidenceGuide ?? '',
    evidenceSlots: n.evidenceSlots,
    task: n.task ?? '',
    target: n.target ?? '',
    deadline: n.deadline ?? '',
    note: n.note ?? '',
  };
}

/** Blank → null, else hundredths; throws PointsFormatError with a Vietnamese message. */
export function pointsOrNull(text: string | undefined): number | null {
  return text == null || text.trim() === '' ? null : parsePoints(text);
}

/** antd Form validator for a points field ("0,5" or "0.5"); blank allowed unless required. */
export function pointsRule(opts: { required?: boolean; positive?: string } = {}) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (value == null || value.trim() === '') {
        if (opts.required) throw new Error(vi.nodeEdit.pointsRequired);
        return;
      }
      let h: number;
      try {
        h = parsePoints(value);
      } catch (e) {
        throw new Error(e instanceof PointsFormatError ? e.message : String(e), { cause: e });
      }
      if (opts.positive && h <= 0) throw new Error(opts.positive);
    },
  };
}

/** Shows what was typed with a comma once it is valid: "0.5" → "0,5". */
export function normalizePoints(text: string | undefined): string | undefined {
  if (text == null || text.trim() === '') return text;
  try {
    return formatPoints(parsePoints(text));
  } catch {
    return text;
  }
}

const str = (s: string | undefined) => (s ?? '').trim();
const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what changed, so an unchanged code or a penalty's negative maximum (both refused by
 * the core when written) never travels with an edit of something else.
 */
export function toPatch(before: NodeDetail, v: NodeFormValues): NodePatch {
  const patch: NodePatch = {};
  const text = <
    K extends 'scoringGuide' | 'evidenceGuide' | 'task' | 'target' | 'deadline' | 'note',
  >(
    key: K,
  ) => {
    if (str(v[key]) !== (before[key] ?? '')) patch[key] = str(v[key]) || null;
  };
  if (str(v.code) !== before.code) patch.code = str(v.code);
  if (str(v.title) !== before.title) patch.title = str(v.title);
  const max = pointsOrNull(v.maxPoints);
  if (max !== before.maxPoints) patch.maxPoints = max;
  if (v.kind !== before.kind) patch.kind = v.kind;
  if (v.mayBeNotApplicable !== before.mayBeNotApplicable)
    patch.mayBeNotApplicable = v.mayBeNotApplicable;
  const step = pointsOrNull(v.step);
  if (step !== before.step) patch.step = step;
  const options = (v.scoringOptions ?? [])
    .filter((o) => str(o?.label) !== '' || str(o?.points) !== '')
    .map((o) => ({ label: str(o.label), points: parsePoints(o.points ?? '') }));
  if (!same(options, before.scoringOptions)) patch.scoringOptions = options;
  const slots = (v.evidenceSlots ?? []).map((s) => s.trim()).filter(Boolean);
  if (!same(slots, before.evidenceSlots)) patch.evidenceSlots = slots;
  text('scoringGuide');
  text('evidenceGuide');
  text('task');
  text('target');
  text('deadline');
  text('note');
  return patch;
}
