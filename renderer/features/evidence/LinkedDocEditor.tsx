import { App, Button, Form, Input, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { EvidenceDocument, EvidenceLink } from '../../../shared/contract/evidence';
import { parsePageRanges } from '../../../shared/evidence';
import { call } from '../../api';
import { vi } from '../../i18n/vi';
import { MetadataFields, metaPatch, metaValues, type MetaValues } from './MetadataFields';

const t = vi.evidence.linked;

interface Values extends MetaValues {
  slot: string | null;
  pages: string;
  linkNote: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One form for what a person edits on a linked document: how it backs this node (slot, pages,
 * note for this node) and the document's own metadata. Saving the metadata marks it as checked.
 */
export function LinkedDocEditor({
  link,
  doc,
  slots,
  onDone,
}: {
  link: EvidenceLink;
  doc: EvidenceDocument;
  slots: string[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    ...metaValues(doc),
    slot: link.slot,
    pages: link.pages ?? '',
    linkNote: link.note ?? '',
  };
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (
        !same(v.slot, initial.slot) ||
        v.pages !== initial.pages ||
        v.linkNote !== initial.linkNote
      ) {
        await call('evidence.updateLink', {
          documentId: doc.id,
          nodeId: link.nodeId,
          slot: v.slot ?? null,
          pages: v.pages ?? '',
          note: v.linkNote ?? '',
        });
      }
      const patch = metaPatch(v);
      if (doc.metadataSource === 'auto' || !same(patch, metaPatch(initial))) {
        await call('evidence.update', { documentId: doc.id, ...patch });
      }
    },
    onSuccess: () => {
      void message.success(t.saved);
      onDone();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="ev-meta-form ev-linked-editor"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      data-testid="linked-editor"
    >
      <div className="ev-editor-caption">{t.forNode(link.code)}</div>
      <div className="ev-meta-grid">
        {slots.length > 0 && (
          <Form.Item name="slot" label={t.slot}>
            <Select
              allowClear
              placeholder={t.noSlot}
              options={slots.map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="pages"
          label={t.pages}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                if (!value || !value.trim()) return Promise.resolve();
                const r = parsePageRanges(value, doc.pages);
                return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
              },
            },
          ]}
        >
          <Input placeholder={t.pagesPlaceholder} />
        </Form.Item>
        <Form.Item name="linkNote" label={t.note} className={slots.length > 0 ? '' : 'span2'}>
          <Input placeholder={t.notePlaceholder} />
        </Form.Item>
      </div>
      <div className="ev-editor-caption">{t.docCaption}</div>
      <MetadataFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.save}
        </Button>
        <Button onClick={onDone}>{t.cancel}</Button>
      </Space>
    </Form>
  );
}
