import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { TreeWarning } from '../../../shared/contract/criteria';
import type { TreeNode } from '../../../shared/models';
import { vi } from '../../i18n/vi';
import { codePath } from './tree-model';

const t = vi.treeCheck;

/** criteria.validate's warnings, folded to one line; each opens its node. */
export function TreeWarnings({
  warnings,
  nodes,
  onSelect,
}: {
  warnings: TreeWarning[];
  nodes: TreeNode[];
  onSelect: (id: number) => void;
}) {
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  return (
    <div className="tree-warnings" data-testid="tree-warnings">
      <Alert
        type="warning"
        icon={<WarningOutlined />}
        showIcon
        title={t.title(warnings.length)}
        action={
          <Button size="small" type="link" onClick={() => setOpen(!open)}>
            {open ? t.hide : t.show}
          </Button>
        }
      />
      {open && (
        <ul className="tree-warnings-list">
          {warnings.map((w, i) => (
            <li key={`${w.nodeId}-${i}`}>
              {w.nodeId !== null ? (
                <a title={t.goTo} onClick={() => onSelect(w.nodeId!)}>
                  <span className="where">{codePath(nodes, w.nodeId)}</span> {w.message}
                </a>
              ) : (
                w.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
