import { Select, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { QueryState } from './components/QueryState';
import { CriteriaTree } from './features/criteria/CriteriaTree';
import { NodeDetails } from './features/criteria/NodeDetails';
import { TreeSummary } from './features/criteria/TreeSummary';
import { useCriteriaTree, useWorkspaceInfo } from './features/workspace/queries';
import { vi } from './i18n/vi';
import type { WorkspaceInfo } from '../shared/models';

export function App() {
  const info = useWorkspaceInfo();
  return <QueryState query={info}>{(data) => <Workspace info={data} />}</QueryState>;
}

function Workspace({ info }: { info: WorkspaceInfo }) {
  const [assessmentId, setAssessmentId] = useState<number | null>(info.currentAssessmentId);
  const [selected, setSelected] = useState<number | null>(null);
  const tree = useCriteriaTree(assessmentId);
  const assessment = info.assessments.find((a) => a.id === assessmentId) ?? null;

  return (
    <>
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
            style={{ minWidth: 320 }}
            onChange={(id: number) => {
              setAssessmentId(id);
              setSelected(null);
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
      <div className="app-body">
        <aside className="tree-pane">
          <QueryState query={tree}>
            {(t) => <CriteriaTree nodes={t.nodes} selectedId={selected} onSelect={setSelected} />}
          </QueryState>
        </aside>
        <main className="detail-pane">
          {selected !== null ? (
            <NodeDetails nodeId={selected} onSelect={setSelected} />
          ) : (
            <QueryState query={tree}>
              {(t) => <TreeSummary tree={t} offices={info.offices} />}
            </QueryState>
          )}
        </main>
      </div>
    </>
  );
}
