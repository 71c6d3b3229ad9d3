import { Empty } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvidenceDocument, EvidenceLink } from '../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { LinkedDocRow } from './LinkedDocRow';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.linked;
const DRAG_TYPE = 'application/x-hskc-link';

type Item = { link: EvidenceLink; document: EvidenceDocument };

/** The node's documents in their order; drag a row or use ↑/↓ to change it. */
export function LinkedDocuments({
  nodeId,
  items,
  slots,
  onOpen,
}: {
  nodeId: number;
  items: Item[];
  slots: string[];
  onOpen: (documentId: number) => void;
}) {
  const qc = useQueryClient();
  const [order, setOrder] = useState<number[] | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reorder = useEvidenceAction('evidence.reorderLinks', {
    onSuccess: (data) => {
      qc.setQueryData(['evidence.nodeDocuments', nodeId], data);
      setOrder(null);
    },
  });

  const ids = items.map((i) => i.document.id);
  // A pending order applies only while it names exactly the documents shown.
  const current =
    order && order.length === ids.length && order.every((id) => ids.includes(id)) ? order : ids;
  const byId = new Map(items.map((i) => [i.document.id, i]));

  const move = (from: number, to: number) => {
    if (to < 0 || to >= current.length || from === to) return;
    const next = [...current];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x!);
    setOrder(next);
    reorder.mutate({ nodeId, documentIds: next }, { onError: () => setOrder(null) });
  };

  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} className="ev-empty" />;
  }
  return (
    <ol className="ev-linked-list" data-testid="linked-docs">
      {current.map((id, index) => {
        const item = byId.get(id)!;
        return (
          <LinkedDocRow
            key={id}
            index={index}
            count={current.length}
            link={item.link}
            doc={item.document}
            slots={slots}
            onMove={move}
            onOpen={onOpen}
            drag={{
              over: over === index && dragging !== null && dragging !== index,
              onDragStart: (e) => {
                e.dataTransfer.setData(DRAG_TYPE, String(id));
                e.dataTransfer.effectAllowed = 'move';
                setDragging(index);
              },
              onDragOver: (e) => {
                if (dragging === null || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(index);
              },
              onDrop: (e) => {
                if (dragging === null) return;
                e.preventDefault();
                move(dragging, index);
                setDragging(null);
                setOver(null);
              },
              onDragEnd: () => {
                setDragging(null);
                setOver(null);
              },
            }}
          />
        );
      })}
    </ol>
  );
}
