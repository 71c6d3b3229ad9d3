import { Breadcrumb, Card, Descriptions, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { NodeDetail, TreeNode } from '../../../shared/models';
import { NODE_KIND_LABEL } from '../../../shared/framework';
import { formatPoints } from '../../../shared/points';
import { formatDateVi, parseDateVi } from '../../../shared/dates';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useNodeDetail } from '../workspace/queries';
import { NodeActions } from './NodeActions';
import { NodeEditForm } from './NodeEditForm';
import { useApp } from '../../app/context';
import { NodeEvidence } from '../evidence/NodeEvidence';
import { NodeProblems } from '../scoring/NodeProblems';
import { NodeScorePanel } from '../scoring/NodeScorePanel';
import { useEffectiveKind } from '../scoring/useCheck';

export function NodeDetails({
  nodeId,
  nodes,
  onSelect,
}: {
  nodeId: number;
  nodes: TreeNode[];
  onSelect: (id: number | null) => void;
}) {
  const query = useNodeDetail(nodeId);
  return (
    <QueryState query={query}>
      {(node) => <NodeBody key={node.id} node={node} nodes={nodes} onSelect={onSelect} />}
    </QueryState>
  );
}

/** Read mode with its action buttons, or the "Sửa" form; keyed by node so it resets. */
function NodeBody({
  node,
  nodes,
  onSelect,
}: {
  node: NodeDetail;
  nodes: TreeNode[];
  onSelect: (id: number | null) => void;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) return <NodeEditForm node={node} onDone={() => setEditing(false)} />;
  return (
    <>
      <NodeActions node={node} nodes={nodes} onEdit={() => setEditing(true)} onSelect={onSelect} />
      <NodeView node={node} onSelect={onSelect} />
    </>
  );
}

function NodeView({ node, onSelect }: { node: NodeDetail; onSelect: (id: number | null) => void }) {
  const t = vi.node;
  const { assessment } = useApp();
  const kind = useEffectiveKind(assessment?.id ?? null, node);
  const items = [
    { key: 'code', label: t.code, children: <span data-testid="node-code">{node.code}</span> },
    {
      key: 'max',
      label: t.maxPoints,
      children: (
        <span data-testid="node-max">
          {node.maxPoints === null ? t.noPoints : vi.tree.points(formatPoints(node.maxPoints))}
        </span>
      ),
    },
    {
      key: 'kind',
      label: t.kind,
      children: <span data-testid="node-kind">{NODE_KIND_LABEL[kind]}</span>,
    },
    ...(node.step !== null
      ? [{ key: 'step', label: vi.nodeEdit.step, children: <>{formatPoints(node.step)}</> }]
      : []),
    {
      key: 'lead',
      label: t.lead,
      children: (
        <span data-testid="node-lead">
          {node.leadOffice === null
            ? t.noLead
            : node.leadOfficeInherited
              ? t.leadInherited(node.leadOffice)
              : node.leadOffice}
        </span>
      ),
    },
  ];
  if (node.coopOffices.length) {
    items.push({
      key: 'coop',
      label: t.coop,
      children: <>{node.coopOffices.map((o) => o.name).join('; ')}</>,
    });
  }
  if (node.deadline) {
    const iso = parseDateVi(node.deadline);
    items.push({
      key: 'deadline',
      label: t.deadline,
      children: <>{iso ? formatDateVi(iso) : node.deadline}</>,
    });
  }
  const texts: [string, string | null][] = [
    [t.task, node.task],
    [t.target, node.target],
    [t.guide, node.scoringGuide],
    [t.evidenceGuide, node.evidenceGuide],
    [t.note, node.note],
  ];

  return (
    <div data-testid="node-details">
      <Breadcrumb
        items={node.path.map((p) => ({
          key: p.id,
          title: (
            <a onClick={() => onSelect(p.id)}>
              {p.code} {p.title}
            </a>
          ),
        }))}
        style={{ marginBottom: 8 }}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="node-title">
        {node.code}. {node.title}
      </Typography.Title>
      {node.mayBeNotApplicable && <Tag color="gold">{t.mayBeNa}</Tag>}
      <Card size="small" style={{ marginTop: 12 }}>
        <Descriptions column={2} size="small" items={items} />
      </Card>
      {texts
        .filter(([, v]) => v)
        .map(([label, v]) => (
          <Card key={label} size="small" title={label} style={{ marginTop: 12 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {v}
            </Typography.Paragraph>
          </Card>
        ))}
      {node.scoringOptions.length > 0 && (
        <Card size="small" title={t.options} style={{ marginTop: 12 }}>
          <List
            size="small"
            dataSource={node.scoringOptions}
            renderItem={(o) => (
              <List.Item extra={<Tag>{vi.tree.points(formatPoints(o.points))}</Tag>}>
                {o.label}
              </List.Item>
            )}
          />
        </Card>
      )}
      {assessment && <NodeProblems nodeId={node.id} assessmentId={assessment.id} />}
      {assessment && <NodeScorePanel node={node} assessmentId={assessment.id} />}
      {node.isLeaf && kind !== 'survey' && (
        <div style={{ marginTop: 12 }}>
          <NodeEvidence nodeId={node.id} code={node.code} evidenceSlots={node.evidenceSlots} />
        </div>
      )}
    </div>
  );
}
