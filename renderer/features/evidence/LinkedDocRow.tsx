import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  DisconnectOutlined,
  EditOutlined,
  EyeOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Tooltip } from 'antd';
import { useState, type DragEvent } from 'react';
import type { EvidenceDocument, EvidenceLink } from '../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { DocFlags } from './DocFlags';
import { docLabel, docLine, pagesLabel } from './format';
import { LinkedDocEditor } from './LinkedDocEditor';
import { SourceTag } from './MetadataForm';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.linked;

export interface RowDrag {
  onDragStart: (e: DragEvent) => void;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
  onDragEnd: () => void;
  over: boolean;
}

/** One linked document: what an assessor checks, how it backs the node, and its actions. */
export function LinkedDocRow({
  index,
  count,
  link,
  doc,
  slots,
  onMove,
  onOpen,
  drag,
}: {
  index: number;
  count: number;
  link: EvidenceLink;
  doc: EvidenceDocument;
  slots: string[];
  onMove: (from: number, to: number) => void;
  onOpen: (documentId: number) => void;
  drag: RowDrag;
}) {
  const [editing, setEditing] = useState(false);
  const unlink = useEvidenceAction('evidence.unlink', { success: () => t.unlinked(link.code) });
  const remove = useEvidenceAction('evidence.delete', { success: () => t.deleted });
  const details = [
    doc.issuer,
    link.slot ? t.slotIs(link.slot) : null,
    pagesLabel(link.pages) || null,
    link.note ? t.noteIs(link.note) : null,
  ].filter(Boolean);

  return (
    <li
      className={`ev-linked${drag.over ? ' drop-target' : ''}`}
      data-testid="linked-doc"
      data-document-id={doc.id}
      draggable={!editing}
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDrop={drag.onDrop}
      onDragEnd={drag.onDragEnd}
    >
      <Tooltip title={t.dragHint}>
        <HolderOutlined className="ev-handle" aria-hidden />
      </Tooltip>
      <span className="ev-pos">{index + 1}.</span>
      <div className="ev-linked-body">
        <div className="ev-linked-head">
          <span className="ev-linked-title" data-testid="linked-doc-line">
            {doc.docType || doc.number ? docLine(doc) : docLabel(doc)}
          </span>
          <SourceTag doc={doc} />
          <DocFlags doc={doc} />
        </div>
        <div className="ev-linked-subject" title={doc.originalName}>
          {doc.subject ?? (
            <span className="ev-muted">
              {doc.docType || doc.number ? doc.originalName : t.noSubject}
            </span>
          )}
        </div>
        {details.length > 0 && (
          <div className="ev-muted ev-linked-details">{details.join(' · ')}</div>
        )}
        {editing ? (
          <LinkedDocEditor link={link} doc={doc} slots={slots} onDone={() => setEditing(false)} />
        ) : (
          <div className="ev-linked-actions">
            <Tooltip title={t.up}>
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={t.up}
                disabled={index === 0}
                onClick={() => onMove(index, index - 1)}
              />
            </Tooltip>
            <Tooltip title={t.down}>
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={t.down}
                disabled={index === count - 1}
                onClick={() => onMove(index, index + 1)}
              />
            </Tooltip>
            <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(doc.id)}>
              {t.view}
            </Button>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
            <Popconfirm
              title={t.unlinkTitle(link.code)}
              description={t.unlinkBody}
              okText={t.unlink}
              cancelText={t.cancel}
              onConfirm={() => unlink.mutate({ documentId: doc.id, nodeId: link.nodeId })}
            >
              <Button size="small" icon={<DisconnectOutlined />} loading={unlink.isPending}>
                {t.unlink}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t.deleteTitle}
              description={t.deleteBody(doc.linkCount)}
              okText={t.delete}
              okButtonProps={{ danger: true }}
              cancelText={t.cancel}
              onConfirm={() => remove.mutate({ documentIds: [doc.id] })}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t.delete}
              </Button>
            </Popconfirm>
          </div>
        )}
      </div>
    </li>
  );
}
