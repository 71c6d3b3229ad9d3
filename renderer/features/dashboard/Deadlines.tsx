import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DeadlineRow } from '../../../shared/dashboard';
import { formatDateVi } from '../../../shared/dates';
import { vi } from '../../i18n/vi';

const t = vi.dashboard;

function dueTag(r: DeadlineRow) {
  if (r.done) return <Tag color="green">{t.done}</Tag>;
  if (r.overdue) return <Tag color="red">{t.overdue(-r.daysLeft)}</Tag>;
  if (r.daysLeft === 0) return <Tag color="orange">{t.dueToday}</Tag>;
  return <Tag color={r.daysLeft <= 7 ? 'orange' : 'default'}>{t.dueIn(r.daysLeft)}</Tag>;
}

/** Nodes with a deadline, earliest first; overdue ones in red. Paginated. */
export function Deadlines({
  rows,
  filtered,
  officeName,
  onOpen,
}: {
  rows: DeadlineRow[];
  filtered: boolean;
  officeName: (id: number | null) => string;
  onOpen: (nodeId: number) => void;
}) {
  if (rows.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={filtered ? t.noDeadlinesFiltered : t.noDeadlines}
      />
    );
  }
  const columns: ColumnsType<DeadlineRow> = [
    {
      key: 'deadline',
      title: t.colDeadline,
      width: 104,
      render: (_, r) => (
        <span className={r.overdue ? 'dash-overdue' : undefined}>{formatDateVi(r.deadline)}</span>
      ),
    },
    {
      key: 'node',
      title: t.colNode,
      render: (_, r) => (
        <div className="dash-deadline-node" data-code={r.code}>
          <span className="code">{r.code}</span> {r.title}
          <div className="office">{officeName(r.officeId)}</div>
        </div>
      ),
    },
    { key: 'status', title: t.colStatus, width: 132, render: (_, r) => dueTag(r) },
  ];
  return (
    <Table<DeadlineRow>
      data-testid="dash-deadlines"
      size="small"
      columns={columns}
      dataSource={rows}
      rowKey="nodeId"
      rowClassName={(r) => (r.overdue ? 'dash-clickable dash-row-overdue' : 'dash-clickable')}
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      onRow={(r) => ({
        tabIndex: 0,
        title: t.openNode,
        onClick: () => onOpen(r.nodeId),
        onKeyDown: (e) => {
          if (e.key === 'Enter') onOpen(r.nodeId);
        },
      })}
    />
  );
}
