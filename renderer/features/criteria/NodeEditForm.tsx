import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Divider, Form, Input, Row, Select, Space } from 'antd';
import { NODE_KIND_LABEL, NodeKind } from '../../../shared/framework';
import type { NodeDetail } from '../../../shared/models';
import { vi } from '../../i18n/vi';
import { pointsRule, toFormValues, toPatch, type NodeFormValues } from './node-form';
import { PointsInput } from './PointsInput';
import { useCoreAction } from './useCoreAction';

const KIND_OPTIONS = NodeKind.options.map((k) => ({ value: k, label: NODE_KIND_LABEL[k] }));
const t = vi.nodeEdit;

/** The "Sửa" mode of the details pane: every field of a node, points typed as 0,5 or 0.5. */
export function NodeEditForm({ node, onDone }: { node: NodeDetail; onDone: () => void }) {
  const [form] = Form.useForm<NodeFormValues>();
  const save = useCoreAction('criteria.updateNode', {
    inlineError: true,
    success: () => t.saved,
    onSuccess: onDone,
  });
  const submit = (values: NodeFormValues) => {
    const patch = toPatch(node, values);
    if (Object.keys(patch).length === 0) onDone();
    else save.mutate({ nodeId: node.id, patch });
  };
  const points = { validateTrigger: ['onBlur', 'onSubmit'] };

  return (
    <Card
      size="small"
      title={t.title(`${node.code}. ${node.title}`)}
      data-testid="node-edit"
      extra={
        <Space>
          <Button
            size="small"
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
          >
            {t.save}
          </Button>
          <Button size="small" onClick={onDone}>
            {t.cancel}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={toFormValues(node)}
        onFinish={submit}
        requiredMark={false}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="code"
              label={vi.node.code}
              rules={[{ required: true, whitespace: true, message: t.required }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="title"
              label={vi.node.title}
              rules={[{ required: true, whitespace: true, message: t.required }]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t.sections.scoring}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="maxPoints"
              label={vi.node.maxPoints}
              extra={t.pointsHelp}
              rules={[pointsRule()]}
              {...points}
            >
              <PointsInput placeholder={t.pointsPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={vi.node.kind}>
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="step"
              label={t.step}
              extra={t.stepHelp}
              rules={[pointsRule({ positive: t.stepZero })]}
              {...points}
            >
              <PointsInput placeholder={t.stepPlaceholder} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mayBeNotApplicable" valuePropName="checked">
          <Checkbox>{t.mayBeNa}</Checkbox>
        </Form.Item>
        <Form.Item name="scoringGuide" label={vi.node.guide}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item label={t.options}>
          <Form.List name="scoringOptions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: t.required }]}
                      style={{ marginBottom: 4, width: 420 }}
                    >
                      <Input placeholder={t.optionLabel} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'points']}
                      rules={[pointsRule({ required: true })]}
                      style={{ marginBottom: 4, width: 120 }}
                      {...points}
                    >
                      <PointsInput placeholder={t.optionPoints} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t.removeOption}
                      title={t.removeOption}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ label: '', points: '' })}
                >
                  {t.addOption}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t.sections.evidence}
        </Divider>
        <Form.Item name="evidenceGuide" label={vi.node.evidenceGuide}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="evidenceSlots" label={t.slots}>
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[';']}
            placeholder={t.slotsPlaceholder}
          />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t.sections.tracking}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="task" label={vi.node.task}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="target" label={vi.node.target}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="deadline" label={vi.node.deadline}>
              <Input placeholder={t.deadlinePlaceholder} maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="note" label={vi.node.note}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        {save.error && (
          <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t.save}
          </Button>
          <Button onClick={onDone}>{t.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}
