import { Form, Input, Modal, Select } from 'antd';
import type { Input as CallInput } from '../../../shared/api';
import { vi } from '../../i18n/vi';
import { dateRule, DocTypeSelect, IssuerInput, OfficeSelect } from './MetadataFields';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.bulk;

interface Values {
  docType?: string | null;
  issuedOn?: string;
  issuer?: string;
  officeId?: number | null;
  draft?: 'keep' | 'yes' | 'no';
  note?: string;
}

/** The same type, date, issuer, office or draft mark for many documents; blank = unchanged. */
export function BulkEditDialog({ ids, onClose }: { ids: number[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useEvidenceAction('evidence.bulkUpdate', {
    success: (r) => t.updated(r.updated),
    onSuccess: onClose,
  });
  const submit = (v: Values) => {
    const metadata: CallInput<'evidence.bulkUpdate'>['metadata'] = {};
    if (v.docType) metadata.docType = v.docType;
    if (v.issuedOn?.trim()) metadata.issuedOn = v.issuedOn;
    if (v.issuer?.trim()) metadata.issuer = v.issuer;
    if (v.note?.trim()) metadata.note = v.note;
    if (v.draft && v.draft !== 'keep') metadata.draft = v.draft === 'yes';
    save.mutate({
      documentIds: ids,
      metadata,
      ...(v.officeId ? { officeId: v.officeId } : {}),
    });
  };
  return (
    <Modal
      open
      title={t.editTitle(ids.length)}
      okText={t.apply}
      cancelText={t.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <p className="ev-muted">{t.editHint}</p>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ draft: 'keep' }}
      >
        <Form.Item name="docType" label={vi.evidence.meta.type}>
          <DocTypeSelect />
        </Form.Item>
        <Form.Item name="issuedOn" label={vi.evidence.meta.date} rules={[dateRule]}>
          <Input placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="issuer" label={vi.evidence.meta.issuer}>
          <IssuerInput />
        </Form.Item>
        <Form.Item name="officeId" label={vi.evidence.meta.office}>
          <OfficeSelect />
        </Form.Item>
        <Form.Item name="draft" label={t.draft}>
          <Select
            options={[
              { value: 'keep', label: t.keep },
              { value: 'yes', label: t.isDraft },
              { value: 'no', label: t.notDraft },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={vi.evidence.meta.note}>
          <Input placeholder={t.notePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
