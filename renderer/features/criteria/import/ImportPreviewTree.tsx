import { Card, Statistic, Tag, Tree } from 'antd';
import { useMemo } from 'react';
import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { NODE_KIND_LABEL } from '../../../../shared/framework';
import { vi } from '../../../i18n/vi';
import { pointsText, previewTree, type PreviewItem } from './import-model';

const t = vi.importWizard;
const KIND_COLOR = { self: 'default', survey: 'purple', bonus: 'green', penalty: 'red' } as const;

/** What the core read: counts, total points and the tree, before anything is written. */
export function ImportPreviewTree({
  preview,
  version,
}: {
  preview: ImportPreview;
  version: number;
}) {
  const { items, keys } = useMemo(() => previewTree(preview.nodes), [preview.nodes]);
  return (
    <Card size="small" title={t.treeTitle} className="import-tree-card">
      <Tree<PreviewItem>
        key={version}
        data-testid="import-tree"
        virtual
        height={380}
        blockNode
        selectable={false}
        defaultExpandedKeys={keys}
        treeData={items}
        titleRender={({ node }) => (
          <span className="tree-title" data-code={node.code}>
            <span className="code">{node.code || '·'}</span>
            <span className="label">{node.title}</span>
            {node.maxPoints != null && (
              <span className="pts">{vi.tree.points(pointsText(node.maxPoints))}</span>
            )}
            {node.kind && node.kind !== 'self' && (
              <Tag color={KIND_COLOR[node.kind]} className="kind-tag">
                {NODE_KIND_LABEL[node.kind]}
              </Tag>
            )}
            {node.leadOffice && <span className="lead">{node.leadOffice}</span>}
          </span>
        )}
      />
    </Card>
  );
}

export function ImportStats({ stats }: { stats: ImportPreview['stats'] }) {
  return (
    <div className="import-stats" data-testid="import-stats">
      <Card size="small">
        <Statistic title={t.stats.nodes} value={stats.nodes} />
      </Card>
      <Card size="small">
        <Statistic title={t.stats.leaves} value={stats.leaves} />
      </Card>
      <Card size="small">
        <Statistic title={t.stats.total} value={pointsText(stats.maxPoints) || '0'} />
      </Card>
    </div>
  );
}
