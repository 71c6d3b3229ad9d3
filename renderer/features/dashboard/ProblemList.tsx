import { Collapse, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { Problem, Severity } from '../../../shared/completeness';
import { DOCUMENTS_GROUP, type ProblemGroup } from '../../../shared/dashboard';
import { formatPoints } from '../../../shared/points';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

export const SEVERITY_COLOR: Record<Severity, string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};

const PAGE_SIZE = 8;

/** One office's problems: paginated, so an office with thousands renders a page at a time. */
function ProblemTable({
  problems,
  onOpen,
}: {
  problems: Problem[];
  onOpen: (nodeId: number) => void;
}) {
  const columns: ColumnsType<Problem> = [
    {
      key: 'severity',
      width: 92,
      render: (_, p) => (
        <Tag color={SEVERITY_COLOR[p.severity]} className="dash-sev">
          {t.severity[p.severity]}
        </Tag>
      ),
    },
    {
      key: 'message',
      render: (_, p) => (
        <span className="dash-problem" data-code={p.code ?? undefined}>
          {p.message}
        </span>
      ),
    },
  ];
  return (
    <Table<Problem>
      size="small"
      showHeader={false}
      columns={columns}
      dataSource={problems}
      rowKey={(p) => `${p.rule}|${p.nodeId ?? ''}|${p.documentId ?? ''}|${p.message}`}
      pagination={
        problems.length > PAGE_SIZE
          ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false, showLessItems: true }
          : false
      }
      onRow={(p) =>
        p.nodeId === null
          ? {}
          : {
              className: 'dash-clickable',
              tabIndex: 0,
              title: t.openNode,
              onClick: () => onOpen(p.nodeId!),
              onKeyDown: (e) => {
                if (e.key === 'Enter') onOpen(p.nodeId!);
              },
            }
      }
    />
  );
}

/** The problems grouped by the office that must fix them, one panel per office. */
export function ProblemList({
  groups,
  filtered,
  onOpen,
}: {
  groups: ProblemGroup[];
  filtered: boolean;
  onOpen: (nodeId: number) => void;
}) {
  const [open, setOpen] = useState<string[] | null>(null);
  if (groups.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={filtered ? t.noProblemsFiltered : t.noProblems}
      />
    );
  }
  // Until the person opens or closes a panel, the first office is open.
  const activeKey = open ?? [groups[0]!.key];
  return (
    <Collapse
      data-testid="dash-problem-groups"
      destroyOnHidden
      activeKey={activeKey}
      onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
      items={groups.map((g) => ({
        key: g.key,
        label: (
          <span className="dash-group-label" data-group={g.key}>
            {g.key === DOCUMENTS_GROUP ? t.documentsGroup : g.name}
          </span>
        ),
        extra: (
          <span className="dash-group-extra">
            {g.errors > 0 && <Tag color="red">{t.errors(g.errors)}</Tag>}
            {g.warnings > 0 && <Tag color="orange">{t.warnings(g.warnings)}</Tag>}
            {g.infos > 0 && <Tag color="blue">{t.infos(g.infos)}</Tag>}
            {g.pointsAtRisk > 0 && (
              <span className="risk">{t.groupRisk(formatPoints(g.pointsAtRisk))}</span>
            )}
          </span>
        ),
        children: <ProblemTable problems={g.problems} onOpen={onOpen} />,
      }))}
    />
  );
}
