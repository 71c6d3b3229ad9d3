import type { FrameworkNode, NodeKind } from '../../../../shared/framework';
import type { Hundredths } from '../../../../shared/points';
import { cleanText } from '../../../../shared/text';
import {
  extractScoringOptions,
  isSipasTitle,
  kindFromCell,
  kindFromText,
  mentionsNotApplicable,
} from './guide';
import { splitOffices } from './rows';
import { walk, type Draft } from './tree';
import type { ImportWarning } from './types';

/** What the importer settled for a draft, before it becomes a FrameworkNode. */
export interface Settled {
  draft: Draft;
  kind: NodeKind;
  na: boolean;
  points: Hundredths | null;
}

const oneLine = (s: string | undefined) => (s ? cleanText(s.replace(/\n/g, '; ')) : undefined);

/** Kinds (explicit "Loại" cell, else words and ancestry), not-applicable hints, filled parent points. */
export function settle(roots: Draft[], warnings: ImportWarning[]): Map<Draft, Settled> {
  const out = new Map<Draft, Settled>();
  walk(roots, (d) => {
    const parent = d.parent ? out.get(d.parent) : undefined;
    const t = d.rec.texts;
    let kind: NodeKind | undefined;
    let na: boolean | undefined;
    if (t.kind) {
      const k = kindFromCell(t.kind);
      kind = k.kind;
      na = k.na;
      if (!k.kind && !k.na) {
        warnings.push({
          message: `Dòng ${d.rec.row}: loại “${t.kind}” không rõ, đã coi là tự đánh giá`,
        });
      }
    }
    if (!kind) {
      let inSipas = false;
      for (let a = d.parent; a; a = a.parent) if (isSipasTitle(a.rec.title)) inSipas = true;
      kind = kindFromText(d.rec.title, t.scoringGuide ?? '', inSipas);
      if (kind === 'self' && parent && parent.kind !== 'self') kind = parent.kind;
    }
    na ??= mentionsNotApplicable(d.rec.title, t.scoringGuide, t.note);
    out.set(d, { draft: d, kind, na, points: d.rec.points });
  });
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
    if (t.scoringGuide) {
      node.scoringGuide = t.scoringGuide;
      const options = extractScoringOptions(t.scoringGuide);
      if (options.length > 0) node.scoringOptions = options;
    }
    if (t.evidenceGuide) node.evidenceGuide = t.evidenceGuide;
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
