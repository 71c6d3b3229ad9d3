import { Drawer } from 'antd';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useNodeDetail } from '../workspace/queries';
import { NodeEvidence } from './NodeEvidence';
import { NodePicker } from './NodePicker';

const t = vi.evidence.nodeDrawer;

/**
 * "Thêm vào tiêu chí": choose a sub-criterion, then work on its evidence right here (the same
 * panel the criteria screen shows). The chosen node is in the address (#/library/<id>).
 */
export function NodeEvidenceDrawer({
  open,
  nodeId,
  onNode,
  onClose,
}: {
  open: boolean;
  nodeId: number | null;
  onNode: (id: number | null) => void;
  onClose: () => void;
}) {
  const node = useNodeDetail(nodeId);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={Math.min(900, window.innerWidth - 32)}
      title={t.title}
      destroyOnHidden
    >
      <div className="ev-field-label">{t.choose}</div>
      <NodePicker value={nodeId} onChange={onNode} testId="node-drawer-picker" />
      {nodeId !== null && (
        <QueryState query={node}>
          {(n) => (
            <div className="ev-node-drawer-body">
              <div className="ev-node-drawer-title">
                <span className="ev-code">{n.code}</span> {n.title}
              </div>
              <NodeEvidence
                key={n.id}
                nodeId={n.id}
                code={n.code}
                evidenceSlots={n.evidenceSlots}
              />
            </div>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}
