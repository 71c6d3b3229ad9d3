import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { CheckSummary } from '../../../shared/completeness';
import { formatPoints } from '../../../shared/points';
import { formatIndex } from '../../../shared/scoring';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

function Figure({
  label,
  value,
  note,
  tone,
  testId,
  hint,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  tone?: 'danger' | 'good' | undefined;
  testId: string;
  hint?: string;
}) {
  const head = <div className="dash-figure-label">{label}</div>;
  return (
    <div className={`dash-figure${tone ? ` ${tone}` : ''}`}>
      {hint ? <Tooltip title={hint}>{head}</Tooltip> : head}
      <div className="dash-figure-value" data-testid={testId}>
        {value}
      </div>
      {note && <div className="dash-figure-note">{note}</div>}
    </div>
  );
}

/** The big numbers: index, score, readiness, points at risk, problem counts. */
export function Figures({
  summary,
  scoredLeaves,
  scored,
}: {
  summary: CheckSummary;
  scoredLeaves: number;
  /** False for task trackers (PAPI, DDCI): no points to show. */
  scored: boolean;
}) {
  const s = summary;
  return (
    <div className={`dash-figures${scored ? '' : ' unscored'}`}>
      {scored && (
        <Figure
          label={t.index}
          hint={t.indexHint}
          testId="dash-index"
          value={s.index === null ? '—' : formatIndex(s.index)}
          note={t.indexNote(formatPoints(s.applicableMax))}
        />
      )}
      {scored && (
        <Figure
          label={t.score}
          testId="dash-score"
          value={t.scoreOf(formatPoints(s.score), formatPoints(s.applicableMax))}
          note={t.scoreNote(scoredLeaves, s.leaves)}
        />
      )}
      <Figure
        label={t.ready}
        testId="dash-ready"
        tone={s.leaves > 0 && s.percent >= 100 ? 'good' : undefined}
        value={`${s.percent}%`}
        note={t.readyNote(s.complete, s.leaves)}
      />
      {scored && (
        <Figure
          label={t.atRisk}
          testId="dash-risk"
          tone={s.pointsAtRisk > 0 ? 'danger' : undefined}
          value={t.points(formatPoints(s.pointsAtRisk))}
          note={t.atRiskNote}
        />
      )}
      <Figure
        label={t.problems}
        testId="dash-problems"
        tone={s.errors > 0 ? 'danger' : undefined}
        value={
          <span className="dash-counts">
            <span className={s.errors > 0 ? 'err' : 'none'}>{t.errors(s.errors)}</span>
            <span className={s.warnings > 0 ? 'warn' : 'none'}>{t.warnings(s.warnings)}</span>
          </span>
        }
        note={t.infos(s.infos)}
      />
    </div>
  );
}
