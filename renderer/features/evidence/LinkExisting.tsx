import { LinkOutlined } from '@ant-design/icons';
import { Button, Empty, Modal, Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { formatDateVi } from '../../../shared/dates';
import { vi } from '../../i18n/vi';
import { docLabel, docTitle } from './format';
import { useDocumentSearch } from './queries';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.linkExisting;

/** "Gắn tài liệu có sẵn": one document of the library, found by search, linked to this node. */
export function LinkExisting({
  nodeId,
  code,
  slot,
  linkedIds,
  disabled,
}: {
  nodeId: number;
  code: string;
  slot: string | null;
  linkedIds: number[];
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const deferred = useDeferredValue(search);
  const found = useDocumentSearch(deferred, open);
  const link = useEvidenceAction('evidence.link', {
    success: () => t.linked(code),
    onSuccess: () => {
      setOpen(false);
      setChosen(null);
    },
  });
  const options = (found.data?.items ?? [])
    .filter((d) => !linkedIds.includes(d.id))
    .map((d) => ({
      value: d.id,
      label: (
        <div className="ev-pick-option">
          <div>
            <b>{docLabel(d)}</b>
            {d.issuedOn && <span className="ev-muted"> · {formatDateVi(d.issuedOn)}</span>}
          </div>
          <div className="ev-muted ev-ellipsis">{docTitle(d)}</div>
        </div>
      ),
    }));
  return (
    <>
      <Button icon={<LinkOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        {t.button}
      </Button>
      <Modal
        open={open}
        title={t.title(code)}
        okText={t.ok}
        cancelText={t.cancel}
        okButtonProps={{ disabled: chosen === null, loading: link.isPending }}
        onOk={() =>
          chosen !== null && link.mutate({ documentId: chosen, nodeId, slot: slot ?? undefined })
        }
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Select
          className="ev-full"
          autoFocus
          value={chosen ?? undefined}
          onChange={setChosen}
          placeholder={t.placeholder}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={options}
          loading={found.isFetching}
          notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />}
          listHeight={360}
          data-testid="link-existing-select"
        />
        {slot && <div className="ev-muted ev-gap-top">{t.slot(slot)}</div>}
      </Modal>
    </>
  );
}
