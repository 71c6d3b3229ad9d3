import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EvidenceListItem } from '../../../shared/contract/evidence';
import { formatDateVi } from '../../../shared/dates';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { DocFlags } from './DocFlags';
import { docTitle, formatSize } from './format';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.table;

const FIXED = {
  type: 88,
  number: 136,
  date: 124,
  issuer: 170,
  links: 120,
  size: 96,
  flags: 130,
  actions: 72,
};
const FIXED_SUM = Object.values(FIXED).reduce((a, b) => a + b, 0);
const SELECTION = 48;

/** All documents, virtualised; more are fetched as the person scrolls. */
export function LibraryTable({
  items,
  total,
  width,
  height,
  loading,
  selected,
  onSelect,
  onOpen,
  onNearEnd,
}: {
  items: EvidenceListItem[];
  total: number;
  width: number;
  height: number;
  loading: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onOpen: (id: number) => void;
  onNearEnd: () => void;
}) {
  const { assessment, navigate } = useApp();
  const remove = useEvidenceAction('evidence.delete', { success: (r) => t.deleted(r.deleted) });
  // The rest of the width, less the vertical scrollbar's.
  const subjectWidth = Math.max(240, width - FIXED_SUM - SELECTION - 18);
  const footer = items.length < total;

  const columns: ColumnsType<EvidenceListItem> = [
    {
      key: 'type',
      title: t.type,
      width: FIXED.type,
      render: (_, d) =>
        d.docType ? <Tooltip title={d.docTypeName}>{d.docTypeName ?? d.docType}</Tooltip> : null,
    },
    {
      key: 'number',
      title: t.number,
      width: FIXED.number,
      render: (_, d) => <span className="ev-number">{d.number}</span>,
    },
    { key: 'date', title: t.date, width: FIXED.date, render: (_, d) => formatDateVi(d.issuedOn) },
    {
      key: 'subject',
      title: t.subject,
      width: subjectWidth,
      render: (_, d) => (
        <button
          type="button"
          className="lib-subject"
          onClick={() => onOpen(d.id)}
          title={d.originalName}
        >
          <span className="lib-subject-text">{docTitle(d)}</span>
          {d.subject && <span className="lib-file ev-muted">{d.originalName}</span>}
        </button>
      ),
    },
    {
      key: 'issuer',
      title: t.issuer,
      width: FIXED.issuer,
      render: (_, d) => <span className="lib-clamp">{d.issuer}</span>,
    },
    {
      key: 'links',
      title: t.links,
      width: FIXED.links,
      render: (_, d) => {
        const here = d.links.filter((l) => l.assessmentId === assessment?.id);
        const other = d.links.length - here.length;
        return (
          <span className="lib-links">
            {here.map((l) => (
              <Tag
                key={l.nodeId}
                className="ev-code-tag"
                onClick={() => navigate({ screen: 'criteria', nodeId: l.nodeId })}
                title={t.openNode}
              >
                {l.code}
              </Tag>
            ))}
            {other > 0 && <span className="ev-muted">{t.otherYears(other)}</span>}
            {d.links.length === 0 && <span className="ev-muted">{t.noLinks}</span>}
          </span>
        );
      },
    },
    {
      key: 'size',
      title: t.size,
      width: FIXED.size,
      align: 'right',
      render: (_, d) => formatSize(d.size),
    },
    { key: 'flags', title: t.flags, width: FIXED.flags, render: (_, d) => <DocFlags doc={d} /> },
    {
      key: 'actions',
      title: '',
      width: FIXED.actions,
      render: (_, d) => (
        <span className="lib-actions">
          <Tooltip title={t.view}>
            <Button
              size="small"
              type="text"
              icon={<EyeOutlined />}
              aria-label={t.view}
              onClick={() => onOpen(d.id)}
            />
          </Tooltip>
          <Popconfirm
            title={t.deleteTitle}
            description={t.deleteBody(d.linkCount)}
            okText={t.delete}
            okButtonProps={{ danger: true }}
            cancelText={t.cancel}
            onConfirm={() => remove.mutate({ documentIds: [d.id] })}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t.delete}
            />
          </Popconfirm>
        </span>
      ),
    },
  ];

  return (
    <Table<EvidenceListItem>
      data-testid="library-table"
      className="lib-table"
      virtual
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      pagination={false}
      loading={loading}
      scroll={{
        x: FIXED_SUM + subjectWidth + SELECTION,
        y: Math.max(200, height - (footer ? 88 : 44)),
      }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as number[]),
        columnWidth: SELECTION,
      }}
      locale={{ emptyText: t.empty }}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) onNearEnd();
      }}
      footer={footer ? () => t.loaded(items.length, total) : undefined}
    />
  );
}
