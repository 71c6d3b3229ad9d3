import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { EvidenceDocument, EvidenceLink } from '../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { docLabel } from './format';

const t = vi.evidence.slots;

type Item = { link: EvidenceLink; document: EvidenceDocument };

/** The node's required documents: each filled (by which document) or still missing. */
export function SlotList({
  slots,
  items,
  onOpen,
  onAddFor,
}: {
  slots: string[];
  items: Item[];
  onOpen: (documentId: number) => void;
  onAddFor: (slot: string) => void;
}) {
  const filled = slots.filter((s) => items.some((i) => i.link.slot === s)).length;
  return (
    <div className="ev-slots" data-testid="evidence-slots">
      <div className="ev-section-title">
        {t.title} <span className="ev-muted">{t.count(filled, slots.length)}</span>
      </div>
      <ul>
        {slots.map((s) => {
          const docs = items.filter((i) => i.link.slot === s);
          return (
            <li key={s} data-slot={s} data-filled={docs.length > 0 ? 'yes' : 'no'}>
              {docs.length > 0 ? (
                <CheckCircleFilled className="ev-ok" />
              ) : (
                <ExclamationCircleFilled className="ev-bad" />
              )}
              <span className="ev-slot-label">{s}</span>
              {docs.length > 0 ? (
                <span className="ev-slot-docs">
                  {docs.map((d) => (
                    <Button
                      key={d.document.id}
                      type="link"
                      size="small"
                      onClick={() => onOpen(d.document.id)}
                    >
                      {docLabel(d.document)}
                    </Button>
                  ))}
                </span>
              ) : (
                <>
                  <Tag color="red">{t.missing}</Tag>
                  <Button type="link" size="small" onClick={() => onAddFor(s)}>
                    {t.addFor}
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
