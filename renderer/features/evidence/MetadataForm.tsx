import { Button, Form, Space, Tag } from 'antd';
import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { MetadataFields, metaPatch, metaValues, type MetaValues } from './MetadataFields';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.meta;

/** Whether a person has checked the metadata, or it was read from the file. */
export function SourceTag({ doc }: { doc: EvidenceDocument }) {
  return doc.metadataSource === 'auto' ? (
    <Tag color="gold">{t.auto}</Tag>
  ) : (
    <Tag color="green">{t.confirmed}</Tag>
  );
}

/**
 * A document's metadata, editable; "Xác nhận"/"Lưu" saves every field shown (so the document
 * counts as checked by a person). Mount it with key={doc.id}: values are taken once.
 */
export function MetadataForm({
  doc,
  onDone,
  onCancel,
  cancelLabel,
}: {
  doc: EvidenceDocument;
  onDone?: (saved: EvidenceDocument) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}) {
  const [form] = Form.useForm<MetaValues>();
  const save = useEvidenceAction('evidence.update', {
    success: () => t.saved,
    onSuccess: (d) => onDone?.(d),
  });
  return (
    <Form<MetaValues>
      form={form}
      layout="vertical"
      size="middle"
      className="ev-meta-form"
      initialValues={metaValues(doc)}
      onFinish={(v) => save.mutate({ documentId: doc.id, ...metaPatch(v) })}
      data-testid="metadata-form"
    >
      <MetadataFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {doc.metadataSource === 'auto' ? t.confirm : t.save}
        </Button>
        {onCancel && <Button onClick={onCancel}>{cancelLabel ?? t.cancel}</Button>}
      </Space>
    </Form>
  );
}
