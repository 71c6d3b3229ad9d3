import { Menu, Select, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { WorkspaceInfo } from '../shared/models';
import { AppContext, type AppState } from './app/context';
import { useRoute } from './app/route';
import { QueryState } from './components/QueryState';
import { useWorkspaceInfo } from './features/workspace/queries';
import { vi } from './i18n/vi';
import { SCREENS } from './screens';

export function App() {
  const info = useWorkspaceInfo();
  return <QueryState query={info}>{(data) => <Shell info={data} />}</QueryState>;
}

function Shell({ info }: { info: WorkspaceInfo }) {
  const [route, navigate] = useRoute();
  const [chosen, setChosen] = useState<number | null>(null);
  const assessment =
    info.assessments.find((a) => a.id === (chosen ?? info.currentAssessmentId)) ??
    info.assessments[0] ??
    null;
  const state: AppState = useMemo(
    () => ({ info, assessment, setAssessmentId: setChosen, route, navigate }),
    [info, assessment, route, navigate],
  );
  const screen = SCREENS.find((s) => s.key === route.screen) ?? SCREENS[0]!;

  return (
    <AppContext.Provider value={state}>
      <header className="app-header">
        <span className="brand">{vi.appName}</span>
        <span className="unit" data-testid="unit-name" title={info.dataDir}>
          {info.unit?.name}
        </span>
        {assessment && (
          <Select
            aria-label={vi.header.assessment}
            data-testid="assessment-select"
            value={assessment.id}
            style={{ minWidth: 300 }}
            onChange={(id: number) => {
              setChosen(id);
              navigate({ nodeId: null });
            }}
            options={info.assessments.map((a) => ({
              value: a.id,
              label: `${a.frameworkName} — ${vi.header.year(a.year)}`,
            }))}
          />
        )}
        {assessment && <Tag data-testid="assessment-year">{vi.header.year(assessment.year)}</Tag>}
        {assessment?.illustrative && (
          <Tooltip title={vi.header.illustrativeHint}>
            <Tag color="gold">{vi.header.illustrative}</Tag>
          </Tooltip>
        )}
      </header>
      <Menu
        className="app-nav"
        mode="horizontal"
        theme="dark"
        // Its own row has room for every screen; folding items under "…" only hides them.
        disabledOverflow
        selectedKeys={[screen.key]}
        onClick={(e) => navigate({ screen: e.key as typeof screen.key })}
        items={SCREENS.map((s) => ({ key: s.key, label: s.label }))}
      />
      {screen.render()}
    </AppContext.Provider>
  );
}
