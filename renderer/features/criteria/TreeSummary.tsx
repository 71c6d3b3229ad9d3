import { Card, List, Statistic, Tag, Typography } from 'antd';
import type { CriteriaTree, Office } from '../../../shared/models';
import { formatPoints } from '../../../shared/points';
import { vi } from '../../i18n/vi';

/** What the right pane shows before a node is picked: the shape of the year's criteria set. */
export function TreeSummary({ tree, offices }: { tree: CriteriaTree; offices: Office[] }) {
  const areas = tree.nodes.filter((n) => n.level === 1);
  const leaves = tree.nodes.filter((n) => n.isLeaf).length;
  const total = areas.reduce((s, n) => s + (n.maxPoints ?? 0), 0);
  return (
    <div data-testid="tree-summary">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {vi.summary.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{vi.node.none}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Card size="small">
          <Statistic title={vi.summary.areas} value={areas.length} />
        </Card>
        <Card size="small">
          <Statistic title={vi.summary.leaves} value={leaves} />
        </Card>
        {tree.assessment.scored && (
          <Card size="small">
            <Statistic title={vi.summary.total} value={formatPoints(total)} />
          </Card>
        )}
      </div>
      <Card size="small" title={vi.summary.offices} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={offices}
          renderItem={(o) => (
            <List.Item>
              {o.name} {o.isCoordinator && <Tag color="red">{vi.summary.coordinator}</Tag>}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
