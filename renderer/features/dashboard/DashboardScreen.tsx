import { Alert, Button, Card, Checkbox, Empty, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  deadlineRows,
  keepGroup,
  officeScores,
  problemsByOffice,
  scoredLeafCount,
  type DashboardFilter,
} from '../../../shared/dashboard';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCheck } from '../scoring/useCheck';
import { Deadlines } from './Deadlines';
import { Figures } from './Figures';
import { GroupBars, type BarRow } from './GroupBars';
import { ProblemList } from './ProblemList';
import { useDashboardSettings } from './queries';

const t = vi.dashboard;

/**
 * "Tổng quan": the coordinator's daily question — what is still missing, whose is it, and how
 * many points are at risk. Runs the completeness check locally on check.input, so it follows
 * every change (the queries refresh on 'workspace.changed').
 */
export function DashboardScreen() {
  const { info, assessment, navigate } = useApp();
  const check = useCheck(assessment?.id ?? null);
  const settings = useDashboardSettings();
  const [mineOnly, setMineOnly] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);

  const myOfficeId = settings.data?.userOfficeId ?? null;
  const myOffice = info.offices.find((o) => o.id === myOfficeId) ?? null;
  const filter: DashboardFilter = useMemo(
    () => ({
      ...(mineOnly && myOffice ? { officeId: myOffice.id } : {}),
      onlyErrors,
      onlyIncomplete,
    }),
    [mineOnly, myOffice, onlyErrors, onlyIncomplete],
  );
  const filtered = (mineOnly && myOffice !== null) || onlyErrors || onlyIncomplete;

  const { input, result } = check;
  const derived = useMemo(() => {
    if (!input || !result) return null;
    return {
      groups: problemsByOffice(input, result, filter),
      deadlines: deadlineRows(input, result, filter),
      officeScores: officeScores(input, result),
      scoredLeaves: scoredLeafCount(result),
    };
  }, [input, result, filter]);

  const open = (nodeId: number) => navigate({ screen: 'criteria', nodeId });
  const officeName = (id: number | null) =>
    id === null ? t.noLead : (info.offices.find((o) => o.id === id)?.name ?? `#${id}`);

  if (!assessment) {
    return (
      <div className="dash-page">
        <Empty description={t.noAssessment} />
      </div>
    );
  }
  if (check.error) {
    return (
      <div className="dash-page">
        <Alert type="error" showIcon message={vi.errorTitle} description={check.error.message} />
      </div>
    );
  }
  if (!result || !derived) {
    return (
      <div className="dash-page">
        <Spin tip={vi.loading}>
          <div style={{ height: 120 }} />
        </Spin>
      </div>
    );
  }

  const scored = assessment.scored;
  const areaRows: BarRow[] = result.byArea
    .filter((a) => keepGroup(a, filter))
    .map((a) => ({
      ...a,
      key: `area:${a.nodeId}`,
      name: a.title,
      score: scored ? { score: a.score, applicableMax: a.applicableMax } : undefined,
      onOpen: () => open(a.nodeId),
    }));
  const officeRows: BarRow[] = result.byOffice
    .filter((o) => filter.officeId === undefined || o.officeId === filter.officeId)
    .filter((o) => keepGroup(o, filter))
    .map((o) => ({
      ...o,
      key: `office:${o.officeId ?? 'none'}`,
      score: scored ? derived.officeScores.get(o.officeId) : undefined,
    }));

  return (
    <div className="dash-page" data-testid="dashboard">
      <div className="dash-head">
        <div>
          <Typography.Title level={3} className="dash-title">
            {t.title}
          </Typography.Title>
          <div className="dash-subtitle">{t.subtitle}</div>
        </div>
        <div className="dash-filters">
          <Checkbox
            checked={mineOnly && myOffice !== null}
            disabled={myOffice === null}
            onChange={(e) => setMineOnly(e.target.checked)}
            data-testid="filter-mine"
          >
            {t.filters.mine}
          </Checkbox>
          <Checkbox
            checked={onlyErrors}
            onChange={(e) => setOnlyErrors(e.target.checked)}
            data-testid="filter-errors"
          >
            {t.filters.onlyErrors}
          </Checkbox>
          <Checkbox
            checked={onlyIncomplete}
            onChange={(e) => setOnlyIncomplete(e.target.checked)}
            data-testid="filter-incomplete"
          >
            {t.filters.onlyIncomplete}
          </Checkbox>
          <div className="dash-mine-hint" data-testid="filter-mine-hint">
            {myOffice ? (
              t.filters.mineIs(myOffice.name)
            ) : settings.isPending ? null : (
              <>
                {t.filters.noOffice}{' '}
                <Button
                  type="link"
                  size="small"
                  className="dash-inline-link"
                  onClick={() => navigate({ screen: 'settings' })}
                >
                  {t.filters.setOffice}
                </Button>
              </>
            )}
          </div>
        </div>
      </div>

      {!scored && <Alert type="info" showIcon className="dash-note" message={t.notScored} />}

      <Figures summary={result.summary} scoredLeaves={derived.scoredLeaves} scored={scored} />

      <div className="dash-grid">
        <div className="dash-col">
          <Card size="small" title={t.byArea} className="dash-card">
            <GroupBars rows={areaRows} testId="dash-areas" />
          </Card>
          <Card size="small" title={t.deadlines} className="dash-card">
            <Deadlines
              rows={derived.deadlines}
              filtered={filtered}
              officeName={officeName}
              onOpen={open}
            />
          </Card>
        </div>
        <div className="dash-col">
          <Card size="small" title={t.byOffice} className="dash-card">
            <GroupBars rows={officeRows} testId="dash-offices" />
          </Card>
          <Card size="small" title={t.problemList} className="dash-card">
            <ProblemList groups={derived.groups} filtered={filtered} onOpen={open} />
          </Card>
        </div>
      </div>
    </div>
  );
}
