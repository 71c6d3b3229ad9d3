import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { NodeDetail, TreeNode } from '../../../shared/models';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { AddNodeDialog, type AddTarget } from './AddNodeDialog';
import { AssignDialog } from './AssignDialog';
import { MoveDialog } from './MoveDialog';
import { siblingIndex, subtreeIds, suggestCode } from './tree-model';
import { useCoreAction } from './useCoreAction';

const t = vi.nodeActions;
type Dialog = { kind: 'add'; target: AddTarget } | { kind: 'move' } | { kind: 'assign' } | null;

/** The buttons above a node's details: edit, add, move, assign, delete. */
export function NodeActions({
  node,
  nodes,
  onEdit,
  onSelect,
}: {
  node: NodeDetail;
  nodes: TreeNode[];
  onEdit: () => void;
  onSelect: (id: number | null) => void;
}) {
  const { assessment } = useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const self = nodes.find((n) => n.id === node.id) ?? node;
  const parent = nodes.find((n) => n.id === node.parentId) ?? null;
  const { index, count } = siblingIndex(nodes, self);
  const below = subtreeIds(nodes, node.id).size - 1;
  const label = `${node.code} ${node.title}`;

  const move = useCoreAction('criteria.moveNode');
  const remove = useCoreAction('criteria.deleteNode', {
    success: (r) => t.deleted(r.deleted),
    onSuccess: () => onSelect(node.parentId),
  });
  const step = (delta: number) =>
    move.mutate({ nodeId: node.id, parentId: node.parentId, position: index + delta });

  return (
    <>
      <Space wrap size={[8, 8]} className="node-actions" data-testid="node-actions">
        <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
          {t.edit}
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDialog({
              kind: 'add',
              target: {
                title: vi.nodeAdd.childTitle(label),
                parentId: node.id,
                code: suggestCode(nodes, self),
                kind: node.kind,
              },
            })
          }
        >
          {t.addChild}
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDialog({
              kind: 'add',
              target: {
                title: vi.nodeAdd.siblingTitle(label),
                parentId: node.parentId,
                position: index + 1,
                code: suggestCode(nodes, parent, self),
                kind: parent?.kind ?? 'self',
              },
            })
          }
        >
          {t.addSibling}
        </Button>
        <Button icon={<TeamOutlined />} onClick={() => setDialog({ kind: 'assign' })}>
          {t.assign}
        </Button>
        <Space.Compact>
          <Tooltip title={t.moveUp}>
            <Button
              aria-label={t.moveUp}
              icon={<ArrowUpOutlined />}
              disabled={index <= 0}
              loading={move.isPending && move.variables?.position === index - 1}
              onClick={() => step(-1)}
            />
          </Tooltip>
          <Tooltip title={t.moveDown}>
            <Button
              aria-label={t.moveDown}
              icon={<ArrowDownOutlined />}
              disabled={index < 0 || index >= count - 1}
              loading={move.isPending && move.variables?.position === index + 1}
              onClick={() => step(1)}
            />
          </Tooltip>
          <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'move' })}>
            {t.moveTo}
          </Button>
        </Space.Compact>
        <Popconfirm
          title={t.deleteTitle(label)}
          description={<div style={{ maxWidth: 360 }}>{t.deleteBody(below)}</div>}
          okText={t.delete}
          okButtonProps={{ danger: true }}
          cancelText={vi.nodeEdit.cancel}
          onConfirm={() => remove.mutateAsync({ nodeId: node.id }).catch(() => undefined)}
        >
          <Button danger icon={<DeleteOutlined />}>
            {t.delete}
          </Button>
        </Popconfirm>
      </Space>
      {dialog?.kind === 'add' && assessment && (
        <AddNodeDialog
          assessmentId={assessment.id}
          target={dialog.target}
          onClose={() => setDialog(null)}
          onAdded={onSelect}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveDialog node={self} nodes={nodes} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'assign' && (
        <AssignDialog
          target={{
            nodeIds: [node.id],
            label,
            lead: node.leadOfficeInherited ? null : node.leadOfficeId,
            coop: node.coopOffices.map((o) => o.id),
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
