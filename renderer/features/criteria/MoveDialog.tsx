import { Alert, Form, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { TreeNode } from '../../../shared/models';
import { matchesQuery } from '../../../shared/text';
import { vi } from '../../i18n/vi';
import { childrenOf, subtreeIds } from './tree-model';
import { useCoreAction } from './useCoreAction';

const ROOT = 0;
const t = vi.nodeMove;

interface Option {
  value: number;
  title: string;
  children: Option[];
}

/** Possible new parents: the whole tree without the node itself and what is below it. */
function parentOptions(nodes: TreeNode[], exclude: Set<number>): Option[] {
  const items = new Map<number, Option>();
  const roots: Option[] = [];
  for (const n of nodes) {
    if (exclude.has(n.id)) continue;
    const item = { value: n.id, title: `${n.code} ${n.title}`, children: [] };
    items.set(n.id, item);
    const parent = n.parentId !== null ? items.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return [{ value: ROOT, title: t.root, children: [] }, ...roots];
}

/** "Chuyển đến…": a new parent and a place among its children. */
export function MoveDialog({
  node,
  nodes,
  onClose,
}: {
  node: TreeNode;
  nodes: TreeNode[];
  onClose: () => void;
}) {
  const [parent, setParent] = useState<number>(node.parentId ?? ROOT);
  const siblings = childrenOf(nodes, parent === ROOT ? null : parent).filter(
    (s) => s.id !== node.id,
  );
  const [position, setPosition] = useState<number>(() => siblings.length);
  const tree = useMemo(() => parentOptions(nodes, subtreeIds(nodes, node.id)), [nodes, node.id]);
  const move = useCoreAction('criteria.moveNode', {
    inlineError: true,
    success: () => vi.nodeActions.moved,
    onSuccess: onClose,
  });
  const positions = [
    { value: 0, label: t.first },
    ...siblings.map((s, i) => ({ value: i + 1, label: t.after(`${s.code} ${s.title}`) })),
  ];

  return (
    <Modal
      open
      title={t.title(`${node.code} ${node.title}`)}
      okText={t.move}
      cancelText={vi.nodeEdit.cancel}
      onOk={() =>
        move.mutate({ nodeId: node.id, parentId: parent === ROOT ? null : parent, position })
      }
      onCancel={onClose}
      confirmLoading={move.isPending}
      width={640}
    >
      <Form layout="vertical">
        <Form.Item label={t.parent}>
          <TreeSelect
            data-testid="move-parent"
            showSearch={{
              filterTreeNode: (input, n) => matchesQuery(String(n.title ?? ''), input),
            }}
            value={parent}
            treeData={tree}
            treeDefaultExpandedKeys={node.parentId ? [node.parentId] : []}
            onChange={(v: number) => {
              setParent(v);
              setPosition(
                childrenOf(nodes, v === ROOT ? null : v).filter((s) => s.id !== node.id).length,
              );
            }}
            listHeight={360}
            popupMatchSelectWidth
          />
        </Form.Item>
        <Form.Item label={t.position}>
          <Select
            data-testid="move-position"
            value={position}
            onChange={setPosition}
            options={positions}
          />
        </Form.Item>
      </Form>
      {move.error && <Alert type="error" showIcon title={move.error.message} />}
    </Modal>
  );
}
