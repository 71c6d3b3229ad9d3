import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import type { TreeNode } from '../../../shared/models';
import { formatPoints } from '../../../shared/points';
import { useCheck } from '../scoring/useCheck';
import { QueryState } from '../../components/QueryState';
import { useApp } from '../../app/context';
import { useSettings } from '../settings/queries';
import { useCriteriaTree } from '../workspace/queries';
import { AssignDialog } from './AssignDialog';
import { CriteriaToolbar } from './CriteriaToolbar';
import { CriteriaTree } from './CriteriaTree';
import { ImportWizard } from './import/ImportWizard';
import { NewYearDialog } from './NewYearDialog';
import { NodeDetails } from './NodeDetails';
import { useTreeWarnings } from './queries';
import { officeTag } from './tree-model';
import { TrashDrawer } from './TrashDrawer';
import { TreeFilters } from './TreeFilters';
import { TreeSummary } from './TreeSummary';
import { TreeWarnings } from './TreeWarnings';
import { vi } from '../../i18n/vi';

type Dialog = 'import' | 'newYear' | 'trash' | 'assign' | null;
const MINE_KEY = 'hskc.criteria.mine';

/** The criteria tree on the left, the selected node on the right, year-wide actions on top. */
export function CriteriaScreen() {
  const { info, assessment, setAssessmentId, route, navigate } = useApp();
  const assessmentId = assessment?.id ?? null;
  const tree = useCriteriaTree(assessmentId);
  const warnings = useTreeWarnings(assessmentId);
  const settings = useSettings();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Kept for the session, so coming back from "Cài đặt" finds the filter as it was left.
  const [mine, setMineState] = useState(() => sessionStorage.getItem(MINE_KEY) === '1');
  const setMine = (on: boolean) => {
    sessionStorage.setItem(MINE_KEY, on ? '1' : '0');
    setMineState(on);
  };
  const [multi, setMulti] = useState(false);
  // Checked rows belong to the assessment they were checked in.
  const [checkedIn, setCheckedIn] = useState<{ assessmentId: number | null; ids: number[] }>({
    assessmentId: null,
    ids: [],
  });
  const checked = checkedIn.assessmentId === assessmentId ? checkedIn.ids : [];
  const setChecked = (ids: number[]) => setCheckedIn({ assessmentId, ids });

  const select = (nodeId: number | null) => navigate({ screen: 'criteria', nodeId });
  const myOffice = info.offices.find((o) => o.id === settings.data?.userOfficeId) ?? null;
  const officeLabel = useMemo(() => {
    const names = new Map(info.offices.map((o) => [o.id, officeTag(o)]));
    return (id: number) => names.get(id) ?? '';
  }, [info.offices]);
  const check = useCheck(assessmentId);
  const [only, setOnly] = useState<'all' | 'incomplete' | 'errors'>('all');
  const statusOf = useMemo(() => {
    const r = check.result;
    if (!r) return undefined;
    const scored = assessment?.scored ?? false;
    return (id: number) => {
      const status = r.nodeStatus.get(id);
      if (!status) return undefined;
      const roll = r.rollup.get(id);
      const points =
        scored && roll && roll.max > 0 ? (
          roll.notApplicable ? (
            // Not applicable: out of the maximum, so "0/0" would only puzzle.
            <span className="pts-na" title={vi.tree.notApplicableHint}>
              {vi.tree.notApplicable}
            </span>
          ) : (
            `${roll.scoredLeaves > 0 ? formatPoints(roll.score) : '—'}/${formatPoints(roll.applicableMax)}`
          )
        ) : null;
      return { status, points };
    };
  }, [check.result, assessment?.scored]);
  const keep = useMemo(() => {
    const r = check.result;
    if (!r || only === 'all') return null;
    return (n: TreeNode) => {
      const s = r.nodeStatus.get(n.id);
      return (
        n.isLeaf && (only === 'errors' ? s === 'error' : s !== 'complete' && s !== 'not_applicable')
      );
    };
  }, [check.result, only]);
  const switchTo = (id: number) => {
    setAssessmentId(id);
    navigate({ screen: 'criteria', nodeId: null });
  };

  return (
    <div className="criteria-screen">
      <CriteriaToolbar
        assessmentId={assessmentId}
        onImport={() => setDialog('import')}
        onNewYear={() => setDialog('newYear')}
        onTrash={() => setDialog('trash')}
      />
      <div className="app-body">
        <aside className="tree-pane">
          <QueryState query={tree}>
            {(t) => (
              <CriteriaTree
                nodes={t.nodes}
                selectedId={route.nodeId}
                onSelect={select}
                officeId={mine ? (myOffice?.id ?? null) : null}
                officeLabel={officeLabel}
                checkable={multi}
                checkedIds={checked}
                onCheck={setChecked}
                emptyText={mine ? vi.criteriaTools.myWorkEmpty : undefined}
                statusOf={statusOf}
                keep={keep}
                tools={
                  <>
                    <Segmented
                      size="small"
                      block
                      style={{ marginTop: 8 }}
                      data-testid="tree-status-filter"
                      value={only}
                      onChange={(v) => setOnly(v as typeof only)}
                      options={[
                        { value: 'all', label: vi.treeFilter.all },
                        { value: 'incomplete', label: vi.treeFilter.incomplete },
                        { value: 'errors', label: vi.treeFilter.errors },
                      ]}
                    />
                    <TreeFilters
                      mine={mine}
                      onMine={setMine}
                      officeName={myOffice?.name ?? null}
                      onOpenSettings={() => navigate({ screen: 'settings' })}
                      multi={multi}
                      onMulti={(on) => {
                        setMulti(on);
                        if (!on) setChecked([]);
                      }}
                      checked={checked.length}
                      onAssign={() => setDialog('assign')}
                      onClear={() => setChecked([])}
                    />
                    <TreeWarnings
                      warnings={warnings.data ?? []}
                      nodes={t.nodes}
                      onSelect={select}
                    />
                  </>
                }
              />
            )}
          </QueryState>
        </aside>
        <main className="detail-pane">
          {route.nodeId !== null ? (
            <NodeDetails nodeId={route.nodeId} nodes={tree.data?.nodes ?? []} onSelect={select} />
          ) : (
            <QueryState query={tree}>
              {(t) => <TreeSummary tree={t} offices={info.offices} />}
            </QueryState>
          )}
        </main>
      </div>
      {dialog === 'import' && (
        <ImportWizard onClose={() => setDialog(null)} onImported={switchTo} />
      )}
      {dialog === 'newYear' && assessment && (
        <NewYearDialog
          from={assessment}
          onClose={() => setDialog(null)}
          onCreated={(a) => switchTo(a.id)}
        />
      )}
      {assessmentId !== null && (
        <TrashDrawer
          assessmentId={assessmentId}
          open={dialog === 'trash'}
          onClose={() => setDialog(null)}
          onRestored={(id) => {
            setDialog(null);
            select(id);
          }}
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          target={{ nodeIds: checked, label: vi.assign.many(checked.length) }}
          onClose={() => setDialog(null)}
          onAssigned={() => setChecked([])}
        />
      )}
    </div>
  );
}
