import { DeleteOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { vi } from '../../i18n/vi';
import { BulkEditDialog } from './BulkEditDialog';
import { BulkLinkDialog } from './BulkLinkDialog';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.bulk;

/** What can be done to the selected documents at once. */
export function BulkBar({ ids, onClear }: { ids: number[]; onClear: () => void }) {
  const [dialog, setDialog] = useState<'edit' | 'link' | null>(null);
  const remove = useEvidenceAction('evidence.delete', {
    success: (r) => vi.evidence.table.deleted(r.deleted),
    onSuccess: onClear,
  });
  return (
    <div className="lib-bulk" data-testid="bulk-bar">
      <span className="lib-bulk-count">{t.selected(ids.length)}</span>
      <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
        {t.edit}
      </Button>
      <Button icon={<LinkOutlined />} onClick={() => setDialog('link')}>
        {t.linkButton}
      </Button>
      <Popconfirm
        title={t.deleteTitle(ids.length)}
        description={t.deleteBody}
        okText={t.delete}
        okButtonProps={{ danger: true }}
        cancelText={t.cancel}
        onConfirm={() => remove.mutate({ documentIds: ids })}
      >
        <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
          {t.delete}
        </Button>
      </Popconfirm>
      <Button type="link" onClick={onClear}>
        {t.clear}
      </Button>
      {dialog === 'edit' && <BulkEditDialog ids={ids} onClose={() => setDialog(null)} />}
      {dialog === 'link' && <BulkLinkDialog ids={ids} onClose={() => setDialog(null)} />}
    </div>
  );
}
