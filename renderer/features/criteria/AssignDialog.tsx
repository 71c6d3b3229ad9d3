import { Alert, Checkbox, Form, Modal, Select, Typography } from 'antd';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCoreAction } from './useCoreAction';

const t = vi.assign;
/** Select values: an office id, or these two choices. */
const INHERIT = -1;
const KEEP = 0;

interface Values {
  lead: number;
  coop: number[];
  clearDescendants: boolean;
}

export interface AssignTarget {
  nodeIds: number[];
  /** What the dialog is about: "3.1 Kiểm soát TTHC" or "5 mục đã chọn". */
  label: string;
  /** The node's own lead office (not inherited), for a single node. */
  lead?: number | null;
  coop?: number[];
}

/** "Giao đơn vị": lead office, cooperating offices, and whether the whole branch follows. */
export function AssignDialog({
  target,
  onClose,
  onAssigned,
}: {
  target: AssignTarget;
  onClose: () => void;
  onAssigned?: () => void;
}) {
  const { info } = useApp();
  const [form] = Form.useForm<Values>();
  const single = target.lead !== undefined;
  const assign = useCoreAction('criteria.assign', {
    inlineError: true,
    success: (r) => t.done(r.updated),
    onSuccess: () => {
      onClose();
      onAssigned?.();
    },
  });
  const offices = info.offices.map((o) => ({ value: o.id, label: o.name }));
  const submit = (v: Values) => {
    // Untouched cooperating offices stay as they are (an empty list would remove them).
    const coopTouched = form.isFieldTouched('coop');
    assign.mutate({
      nodeIds: target.nodeIds,
      ...(v.lead === KEEP ? {} : { leadOfficeId: v.lead === INHERIT ? null : v.lead }),
      ...(coopTouched ? { coopOfficeIds: v.coop } : {}),
      clearDescendants: v.clearDescendants,
    });
  };

  return (
    <Modal
      open
      title={t.title(target.label)}
      okText={t.save}
      cancelText={vi.nodeEdit.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      okButtonProps={{ disabled: offices.length === 0 }}
      width={600}
    >
      {offices.length === 0 && <Alert type="warning" showIcon title={t.noOffices} />}
      <Form
        form={form}
        layout="vertical"
        data-testid="assign-form"
        initialValues={{
          lead: single ? (target.lead ?? INHERIT) : KEEP,
          coop: target.coop ?? [],
          clearDescendants: false,
        }}
        onFinish={submit}
      >
        <Form.Item name="lead" label={t.lead}>
          <Select
            data-testid="assign-lead"
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              ...(single ? [] : [{ value: KEEP, label: t.keep }]),
              { value: INHERIT, label: t.inherit },
              ...offices,
            ]}
          />
        </Form.Item>
        <Form.Item name="coop" label={t.coop}>
          <Select
            data-testid="assign-coop"
            mode="multiple"
            allowClear
            placeholder={t.coopPlaceholder}
            showSearch={{ optionFilterProp: 'label' }}
            options={offices}
          />
        </Form.Item>
        <Form.Item name="clearDescendants" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t.clearDescendants}</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">{t.clearDescendantsHelp}</Typography.Text>
      </Form>
      {assign.error && (
        <Alert type="error" showIcon title={assign.error.message} style={{ marginTop: 12 }} />
      )}
    </Modal>
  );
}
