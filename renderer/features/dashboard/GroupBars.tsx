import { Empty, Progress, Tag } from 'antd';
import type { GroupStats } from '../../../shared/completeness';
import { formatPoints, type Hundredths } from '../../../shared/points';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

export interface BarRow extends GroupStats {
  key: string;
  code?: string;
  name: string;
  /** Self-score and applicable maximum, when the assessment is scored. */
  score?: { score: Hundredths; applicableMax: Hundredths } | undefined;
  /** Where a click goes (an area's node); none for offices. */
  onOpen?: (() => void) | undefined;
}

/** One progress bar per area or office: percent complete, score, errors, points at risk. */
export function GroupBars({ rows, testId }: { rows: BarRow[]; testId: string }) {
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noGroups} />;
  return (
    <div className="dash-bars" data-testid={testId}>
      {rows.map((r) => {
        const head = (
          <>
            {r.code && <span className="code">{r.code}</span>}
            <span className="name" title={r.name}>
              {r.name}
            </span>
          </>
        );
        return (
          <div className="dash-bar" key={r.key} data-key={r.key}>
            <div className="dash-bar-head">
              {r.onOpen ? (
                <button type="button" className="dash-link" onClick={r.onOpen} title={t.openNode}>
                  {head}
                </button>
              ) : (
                <span className="dash-bar-title">{head}</span>
              )}
              {r.score && (
                <span className="dash-bar-score">
                  {t.groupScore(formatPoints(r.score.score), formatPoints(r.score.applicableMax))}
                </span>
              )}
            </div>
            <Progress
              className="dash-bar-progress"
              percent={r.percent}
              size="small"
              strokeColor={r.percent >= 100 ? '#15803d' : r.errors > 0 ? '#d97706' : '#2563eb'}
              format={(p) => `${p ?? 0}%`}
            />
            <div className="dash-bar-meta">
              <span>{t.groupLeaves(r.complete, r.leaves)}</span>
              {r.errors > 0 && <Tag color="red">{t.errors(r.errors)}</Tag>}
              {r.warnings > 0 && <Tag color="orange">{t.warnings(r.warnings)}</Tag>}
              {r.pointsAtRisk > 0 && (
                <span className="risk">{t.groupRisk(formatPoints(r.pointsAtRisk))}</span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
