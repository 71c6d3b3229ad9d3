import { App, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api';
import { vi } from '../../i18n/vi';
import { useNodeDetail } from '../workspace/queries';
import { NodePicker } from './NodePicker';

const t = vi.evidence.bulk;

/** Links many documents to one sub-criterion (optionally to one of its required slots). */
export function BulkLinkDialog({ ids, onClose }: { ids: number[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const node = useNodeDetail(nodeId);
  const slots = node.data?.evidenceSlots ?? [];
  const link = useMutation({
    mutationFn: async () => {
      for (const documentId of ids)
        await call('evidence.link', { documentId, nodeId: nodeId!, ...(slot ? { slot } : {}) });
    },
    onSuccess: () => {
      void message.success(t.linked(ids.length, node.data?.code ?? ''));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal
      open
      title={t.linkTitle(ids.length)}
      okText={t.link}
      cancelText={t.cancel}
      okButtonProps={{ disabled: nodeId === null, loading: link.isPending }}
      onOk={() => link.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div className="ev-field-label">{t.node}</div>
      <NodePicker
        value={nodeId}
        testId="bulk-link-node"
        onChange={(id) => {
          setNodeId(id);
          setSlot(null);
        }}
      />
      {slots.length > 0 && (
        <>
          <div className="ev-field-label ev-gap-top">{t.slot}</div>
          <Select
            className="ev-full"
            value={slot ?? ''}
            onChange={(v: string) => setSlot(v || null)}
            options={[
              { value: '', label: vi.evidence.node.noSlot },
              ...slots.map((s) => ({ value: s, label: s })),
            ]}
          />
        </>
      )}
    </Modal>
  );
}
