import { Empty, Input, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { TreeNode } from '../../../shared/models';
import { formatPoints } from '../../../shared/points';
import { useElementHeight } from '../../components/useElementHeight';
import { vi } from '../../i18n/vi';
import { visibleIds } from './tree-model';
import { StatusIcon, type RowStatus } from '../scoring/StatusIcon';

interface Props {
  nodes: TreeNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** "Việc của tôi": only this office's nodes (lead or cooperating) and their ancestors. */
  officeId?: number | null;
  /** Short label per office id, shown on rows that name their own lead office. */
  officeLabel?: (id: number) => string;
  /** Bulk mode: a checkbox on every row. */
  checkable?: boolean;
  checkedIds?: number[];
  onCheck?: (ids: number[]) => void;
  /** Under the search box: filters, the bulk bar, warnings. */
  tools?: ReactNode;
  /** Shown instead of the generic "nothing matches" when the tree filtered to nothing. */
  emptyText?: string;
  /** Completeness per node: a status icon and "score/max" instead of the bare maximum. */
  statusOf?: (id: number) => RowStatus | undefined;
  /** Extra filter (only incomplete, only errors), ancestors kept. */
  keep?: ((n: TreeNode) => boolean) | null;
}

/** Builds antd's nested data from the flat tree-order list, keeping ancestors of matches. */
function buildTreeData(
  nodes: TreeNode[],
  visible: Set<number> | null,
  officeLabel?: (id: number) => string,
  statusOf?: (id: number) => RowStatus | undefined,
): { data: DataNode[]; shown: number } {
  const items = new Map<number, DataNode & { children: DataNode[] }>();
  const roots: DataNode[] = [];
  let shown = 0;
  for (const n of nodes) {
    if (visible && !visible.has(n.id)) continue;
    shown++;
    const lead =
      officeLabel && n.leadOfficeId !== null && !n.leadOfficeInherited
        ? officeLabel(n.leadOfficeId)
        : null;
    const item = {
      key: n.id,
      title: (
        <span className={`tree-title level-${n.level}`} data-code={n.code}>
          <StatusIcon status={statusOf?.(n.id)} />
          <span className="code">{n.code}</span>
          <span className="label">{n.title}</span>
          {statusOf?.(n.id)?.points ? (
            <span className="pts" data-testid={`pts-${n.code}`}>
              {statusOf(n.id)!.points}
            </span>
          ) : (
            n.maxPoints !== null && (
              <span className="pts">{vi.tree.points(formatPoints(n.maxPoints))}</span>
            )
          )}
          {lead && (
            <span className="lead" title={`${vi.node.lead}: ${n.leadOffice ?? ''}`}>
              {lead}
            </span>
          )}
        </span>
      ),
      isLeaf: n.isLeaf,
      children: [],
    };
    items.set(n.id, item);
    const parent = n.parentId ? items.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return { data: roots, shown };
}

export function CriteriaTree({
  nodes,
  selectedId,
  onSelect,
  officeId = null,
  officeLabel,
  checkable = false,
  checkedIds = [],
  onCheck,
  tools,
  emptyText,
  statusOf,
  keep = null,
}: Props) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const visible = useMemo(
    () => visibleIds(nodes, { query: deferred, officeId, keep }),
    [nodes, deferred, officeId, keep],
  );
  const { data, shown } = useMemo(
    () => buildTreeData(nodes, visible, officeLabel, statusOf),
    [nodes, visible, officeLabel, statusOf],
  );
  const allKeys = useMemo(() => nodes.filter((n) => !n.isLeaf).map((n) => n.id), [nodes]);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const expandedKeys = useMemo(
    () => (visible ? allKeys : allKeys.filter((k) => !collapsed.has(k))),
    [allKeys, collapsed, visible],
  );
  const [boxRef, height] = useElementHeight<HTMLDivElement>();

  return (
    <>
      <div className="tree-tools">
        <Input.Search
          allowClear
          placeholder={vi.tree.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={vi.tree.search}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {vi.tree.count(shown, nodes.length)}
        </Typography.Text>
        {tools}
      </div>
      <div className="tree-box" ref={boxRef} data-testid="criteria-tree">
        {data.length === 0 ? (
          <Empty
            description={deferred ? vi.tree.empty : (emptyText ?? vi.tree.empty)}
            style={{ marginTop: 32, padding: '0 16px' }}
          />
        ) : (
          <Tree
            blockNode
            virtual
            height={height}
            treeData={data}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              const open = new Set(keys.map(Number));
              setCollapsed(new Set(allKeys.filter((k) => !open.has(k))));
            }}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys, e) => {
              const key = keys[0] ?? e.node.key;
              if (key !== undefined) onSelect(Number(key));
            }}
            checkable={checkable}
            checkStrictly
            checkedKeys={{ checked: checkedIds, halfChecked: [] }}
            onCheck={(keys) => {
              const checked = Array.isArray(keys) ? keys : keys.checked;
              onCheck?.(checked.map(Number));
            }}
          />
        )}
      </div>
    </>
  );
}
