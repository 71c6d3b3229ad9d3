import { Empty, Input, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useDeferredValue, useMemo, useState } from 'react';
import type { TreeNode } from '../../../shared/models';
import { formatPoints } from '../../../shared/points';
import { matchesQuery } from '../../../shared/text';
import { useElementHeight } from '../../components/useElementHeight';
import { vi } from '../../i18n/vi';

interface Props {
  nodes: TreeNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** Builds antd's nested data from the flat tree-order list, keeping ancestors of matches. */
function buildTreeData(nodes: TreeNode[], query: string): { data: DataNode[]; shown: number } {
  const q = query.trim();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let visible: Set<number> | null = null;
  if (q) {
    visible = new Set<number>();
    for (const n of nodes) {
      if (matchesQuery(`${n.code} ${n.title}`, q)) {
        for (
          let cur: TreeNode | undefined = n;
          cur && !visible.has(cur.id);
          cur = cur.parentId ? byId.get(cur.parentId) : undefined
        ) {
          visible.add(cur.id);
        }
      }
    }
  }
  const items = new Map<number, DataNode & { children: DataNode[] }>();
  const roots: DataNode[] = [];
  let shown = 0;
  for (const n of nodes) {
    if (visible && !visible.has(n.id)) continue;
    shown++;
    const item = {
      key: n.id,
      title: (
        <span className={`tree-title level-${n.level}`} data-code={n.code}>
          <span className="code">{n.code}</span>
          <span className="label">{n.title}</span>
          {n.maxPoints !== null && (
            <span className="pts">{vi.tree.points(formatPoints(n.maxPoints))}</span>
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

export function CriteriaTree({ nodes, selectedId, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const { data, shown } = useMemo(() => buildTreeData(nodes, deferred), [nodes, deferred]);
  const allKeys = useMemo(() => nodes.filter((n) => !n.isLeaf).map((n) => n.id), [nodes]);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const expandedKeys = useMemo(
    () => (deferred ? allKeys : allKeys.filter((k) => !collapsed.has(k))),
    [allKeys, collapsed, deferred],
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
      </div>
      <div className="tree-box" ref={boxRef} data-testid="criteria-tree">
        {data.length === 0 ? (
          <Empty description={vi.tree.empty} style={{ marginTop: 32 }} />
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
            onSelect={(keys) => {
              if (keys[0] !== undefined) onSelect(Number(keys[0]));
            }}
          />
        )}
      </div>
    </>
  );
}
