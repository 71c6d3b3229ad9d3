import { Alert, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { NODE_KIND_LABEL, NodeKind } from '../../../shared/framework';
import { vi } from '../../i18n/vi';
import { pointsOrNull, pointsRule } from './node-form';
import { PointsInput } from './PointsInput';
import { useCoreAction } from './useCoreAction';

interface Values {
  code: string;
  title: string;
  maxPoints: string;
  kind: NodeKind;
}

export interface AddTarget {
  title: string;
  parentId: number | null;
  /** Index among the parent's children; at the end when absent. */
  position?: number;
  code: string;
  kind: NodeKind;
}

const KIND_OPTIONS = NodeKind.options.map((k) => ({ value: k, label: NODE_KIND_LABEL[k] }));

/** "Thêm mục con" / "Thêm mục cùng cấp": code (suggested), title, points, kind. */
export function AddNodeDialog({
  assessmentId,
  target,
  onClose,
  onAdded,
}: {
  assessmentId: number;
  target: AddTarget;
  onClose: () => void;
  onAdded: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const add = useCoreAction('criteria.addNode', {
    inlineError: true,
    success: (n) => vi.nodeAdd.added(n.code),
    onSuccess: (n) => {
      onClose();
      onAdded(n.id);
    },
  });
  const submit = (v: Values) =>
    add.mutate({
      assessmentId,
      parentId: target.parentId,
      ...(target.position !== undefined ? { position: target.position } : {}),
      node: {
        code: v.code.trim(),
        title: v.title.trim(),
        maxPoints: pointsOrNull(v.maxPoints),
        kind: v.kind,
      },
    });

  return (
    <Modal
      open
      title={target.title}
      okText={vi.nodeAdd.add}
      cancelText={vi.nodeEdit.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ code: target.code, title: '', maxPoints: '', kind: target.kind }}
        onFinish={submit}
        data-testid="add-node-form"
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={vi.node.code}
              rules={[{ required: true, whitespace: true, message: vi.nodeEdit.required }]}
              extra={<Typography.Text type="secondary">{vi.nodeAdd.codeHint}</Typography.Text>}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="title"
              label={vi.node.title}
              rules={[{ required: true, whitespace: true, message: vi.nodeEdit.required }]}
            >
              <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="maxPoints"
              label={vi.node.maxPoints}
              rules={[pointsRule()]}
              validateTrigger={['onBlur', 'onSubmit']}
            >
              <PointsInput placeholder="0,5" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="kind" label={vi.node.kind}>
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        {add.error && <Alert type="error" showIcon title={add.error.message} />}
      </Form>
    </Modal>
  );
}
