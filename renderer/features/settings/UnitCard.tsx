import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { UNIT_LEVEL_LABEL, UnitLevel } from '../../../shared/models';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';

const t = vi.settings;

interface Values {
  name: string;
  level: UnitLevel;
  parentBody: string;
  place: string;
}

/** The assessed unit: name, level, parent body, place (for "…, ngày … tháng … năm …"). */
export function UnitCard() {
  const { info } = useApp();
  const [form] = Form.useForm<Values>();
  const save = useCoreAction('unit.update', { success: () => t.saved });
  const unit = info.unit;
  return (
    <Card title={t.unit} className="settings-card" data-testid="unit-card">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          name: unit?.name ?? '',
          level: unit?.level ?? 'xa',
          parentBody: unit?.parentBody ?? '',
          place: unit?.place ?? '',
        }}
        onFinish={(v) =>
          save.mutate({
            name: v.name.trim(),
            level: v.level,
            parentBody: v.parentBody.trim() || null,
            place: v.place.trim() || null,
          })
        }
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t.unitName}
              rules={[{ required: true, whitespace: true, message: vi.nodeEdit.required }]}
            >
              <Input placeholder={t.unitNamePlaceholder} maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="level" label={t.level}>
              <Select
                options={UnitLevel.options.map((l) => ({ value: l, label: UNIT_LEVEL_LABEL[l] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="parentBody" label={t.parentBody}>
              <Input placeholder={t.parentBodyPlaceholder} maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="place" label={t.place} tooltip={t.placeHelp}>
              <Input placeholder={t.placePlaceholder} maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.save}
        </Button>
      </Form>
    </Card>
  );
}
