import type { FrameworkNode, NodeKind, ScoringOption } from '../../../../shared/framework';
import type { Hundredths } from '../../../../shared/points';
import { cleanText } from '../../../../shared/text';
import {
  extractScoringOptions,
  isSipasTitle,
  kindFromCell,
  kindFromText,
  mentionsNotApplicable,
  optionsFromColumn,
} from './guide';
import { splitOffices } from './rows';
import { slotsFromColumn, splitEvidenceSlots } from './slots';
import { walk, type Draft } from './tree';
import type { ImportField, ImportWarning } from './types';

/** What the importer settled for a draft, before it becomes a FrameworkNode. */
export interface Settled {
  draft: Draft;
  kind: NodeKind;
  na: boolean;
  /** Always ≥ 0: a deduction written "-1" is a penalty node with maximum 1. */
  points: Hundredths | null;
  options: ScoringOption[];
  slots: string[];
}

const oneLine = (s: string | undefined) => (s ? cleanText(s.replace(/\n/g, '; ')) : undefined);

/**
 * Kinds (explicit "Loại" cell, else words and ancestry; a negative maximum is a penalty),
 * not-applicable hints, options, evidence slots, filled parent points.
 * `columns` are the mapped columns: a "Phương án chấm" or "Tài liệu bắt buộc" column, when
 * present, is where options and slots come from (the exporter writes them), else they are
 * read from the guide and evidence texts.
 */
export function settle(
  roots: Draft[],
  warnings: ImportWarning[],
  columns: ReadonlySet<ImportField> = new Set(),
): Map<Draft, Settled> {
  const out = new Map<Draft, Settled>();
  walk(roots, (d) => {
    const parent = d.parent ? out.get(d.parent) : undefined;
    const t = d.rec.texts;
    let kind: NodeKind | undefined;
    let na: boolean | undefined;
    const negative = d.rec.points !== null && d.rec.points < 0;
    if (t.kind) {
      const k = kindFromCell(t.kind);
      kind = k.kind;
      na = k.na;
      if (!k.kind && !k.na) {
        const ref = d.rec.refs.kind;
        warnings.push({
          ...(ref ? { cell: ref } : {}),
          message: `${ref ? `Ô ${ref}: ` : ''}loại “${t.kind}” không rõ (dòng ${d.rec.row}), đã coi là tự đánh giá`,
        });
      }
    }
    if (negative) kind = 'penalty';
    if (!kind) {
      let inSipas = false;
      for (let a = d.parent; a; a = a.parent) if (isSipasTitle(a.rec.title)) inSipas = true;
      kind = kindFromText(d.rec.title, t.scoringGuide ?? '', inSipas);
      if (kind === 'self' && parent && parent.kind !== 'self') kind = parent.kind;
    }
    na ??= mentionsNotApplicable(d.rec.title, t.scoringGuide, t.note);
    const options = columns.has('scoringOptions')
      ? optionsFromColumn(t.scoringOptions)
      : extractScoringOptions(t.scoringGuide);
    const slots = columns.has('evidenceSlots')
      ? slotsFromColumn(t.evidenceSlots)
      : splitEvidenceSlots(t.evidenceGuide);
    const points = d.rec.points === null ? null : Math.abs(d.rec.points);
    out.set(d, { draft: d, kind, na, points, options, slots });
  });
  // An area left without points whose items are all deductions is itself a penalty area.
  const promote = (d: Draft): void => {
    d.children.forEach(promote);
    const s = out.get(d);
    if (
      s &&
      s.kind === 'self' &&
      s.points === null &&
      d.children.length > 0 &&
      d.children.every((c) => out.get(c)?.kind === 'penalty')
    ) {
      s.kind = 'penalty';
    }
  };
  roots.forEach(promote);
  // A parent row left without points takes its children's sum (post-order).
  const fill = (d: Draft): Hundredths | null => {
    const s = out.get(d);
    const kids = d.children.map(fill);
    if (s && s.points === null && kids.length > 0 && kids.every((k) => k !== null)) {
      s.points = counted(d, out).reduce((sum, c) => sum + (out.get(c)?.points ?? 0), 0);
    }
    return s?.points ?? null;
  };
  roots.forEach(fill);
  return out;
}

/** Children that add up to a parent: bonus and penalty lines sit outside the maximum. */
export function counted(d: Draft, settled: Map<Draft, Settled>): Draft[] {
  const own = settled.get(d)?.kind;
  const extra = own === 'bonus' || own === 'penalty';
  return d.children.filter((c) => {
    const k = settled.get(c)?.kind;
    return extra || (k !== 'bonus' && k !== 'penalty');
  });
}

export function toNodes(roots: Draft[], settled: Map<Draft, Settled>): FrameworkNode[] {
  const one = (d: Draft): FrameworkNode => {
    const s = settled.get(d);
    const t = d.rec.texts;
    const node: FrameworkNode = {
      code: d.rec.code?.code ?? '',
      title: d.rec.title,
      maxPoints: s?.points == null ? null : s.points / 100,
      kind: s?.kind ?? 'self',
    };
    if (s?.na) node.mayBeNotApplicable = true;
    if (t.scoringGuide) node.scoringGuide = t.scoringGuide;
    if (s && s.options.length > 0) node.scoringOptions = s.options;
    if (d.rec.step !== null && d.rec.step > 0) node.step = d.rec.step / 100;
    if (t.evidenceGuide) node.evidenceGuide = t.evidenceGuide;
    if (s && s.slots.length > 0) node.evidenceSlots = s.slots;
    const lead = oneLine(t.leadOffice);
    if (lead) node.leadOffice = lead;
    const coop = t.coopOffices ? splitOffices(t.coopOffices) : [];
    if (coop.length > 0) node.coopOffices = coop;
    if (t.task) node.task = t.task;
    if (t.target) node.target = t.target;
    const deadline = oneLine(t.deadline);
    if (deadline) node.deadline = deadline;
    if (t.note) node.note = t.note;
    if (d.children.length > 0) node.children = d.children.map(one);
    return node;
  };
  return roots.map(one);
}
