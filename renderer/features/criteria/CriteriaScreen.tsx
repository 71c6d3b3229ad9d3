import { QueryState } from '../../components/QueryState';
import { useApp } from '../../app/context';
import { useCriteriaTree } from '../workspace/queries';
import { CriteriaTree } from './CriteriaTree';
import { NodeDetails } from './NodeDetails';
import { TreeSummary } from './TreeSummary';

/** The criteria tree on the left, the selected node on the right. */
export function CriteriaScreen() {
  const { info, assessment, route, navigate } = useApp();
  const tree = useCriteriaTree(assessment?.id ?? null);
  const select = (nodeId: number) => navigate({ screen: 'criteria', nodeId });
  return (
    <div className="app-body">
      <aside className="tree-pane">
        <QueryState query={tree}>
          {(t) => <CriteriaTree nodes={t.nodes} selectedId={route.nodeId} onSelect={select} />}
        </QueryState>
      </aside>
      <main className="detail-pane">
        {route.nodeId !== null ? (
          <NodeDetails nodeId={route.nodeId} onSelect={select} />
        ) : (
          <QueryState query={tree}>{(t) => <TreeSummary tree={t} offices={info.offices} />}</QueryState>
        )}
      </main>
    </div>
  );
}
