import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { Office } from '../../../shared/models';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';
import { OfficeSuggestions } from './OfficeSuggestions';

const t = vi.settings;

/** The offices that lead or cooperate on criteria; one of them is the coordinator (đầu mối). */
export function OfficesCard() {
  const { info } = useApp();
  const update = useCoreAction('offices.update');
  const remove = useCoreAction('offices.remove', { success: () => t.removed });

  return (
    <Card title={t.offices} className="settings-card" data-testid="offices-card">
      <Typography.Paragraph type="secondary">{t.officesHelp}</Typography.Paragraph>
      <Table<Office>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={info.offices}
        data-testid="offices-table"
        columns={[
          {
            title: t.columns.name,
            dataIndex: 'name',
            render: (_, o) => (
              <Typography.Text
                editable={{
                  onChange: (name) =>
                    name.trim() && name !== o.name && update.mutate({ id: o.id, name }),
                }}
              >
                {o.name}
              </Typography.Text>
            ),
          },
          {
            title: t.columns.shortName,
            dataIndex: 'shortName',
            width: 140,
            render: (_, o) => (
              <Typography.Text
                type={o.shortName ? undefined : 'secondary'}
                editable={{
                  onChange: (s) =>
                    s.trim() !== (o.shortName ?? '') &&
                    update.mutate({ id: o.id, shortName: s.trim() || null }),
                }}
              >
                {o.shortName ?? ''}
              </Typography.Text>
            ),
          },
          {
            title: t.columns.role,
            width: 170,
            render: (_, o) =>
              o.isCoordinator ? (
                <Tag color="red" title={t.coordinatorHelp}>
                  {t.coordinator}
                </Tag>
              ) : (
                <Button
                  size="small"
                  type="link"
                  onClick={() => update.mutate({ id: o.id, isCoordinator: true })}
                >
                  {t.makeCoordinator}
                </Button>
              ),
          },
          {
            title: t.columns.actions,
            width: 80,
            align: 'right',
            render: (_, o) => (
              <Popconfirm
                title={t.removeConfirm(o.name)}
                okText={t.removeOffice}
                okButtonProps={{ danger: true }}
                cancelText={vi.nodeEdit.cancel}
                onConfirm={() => remove.mutateAsync({ id: o.id }).catch(() => undefined)}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />}>
                  {t.removeOffice}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <AddOfficeForm />
      <OfficeSuggestions />
    </Card>
  );
}

function AddOfficeForm() {
  const [form] = Form.useForm<{ name: string; shortName: string }>();
  const add = useCoreAction('offices.add', {
    success: (_, input) => t.added(input.name),
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form
      form={form}
      layout="inline"
      className="add-office"
      onFinish={(v) => add.mutate({ name: v.name.trim(), shortName: v.shortName?.trim() || null })}
    >
      <Form.Item
        name="name"
        rules={[{ required: true, whitespace: true, message: vi.nodeEdit.required }]}
        style={{ flex: 1, minWidth: 260 }}
      >
        <Input
          placeholder={t.officeName}
          aria-label={t.officeName}
          maxLength={200}
          data-testid="office-name"
        />
      </Form.Item>
      <Form.Item name="shortName" style={{ width: 160 }}>
        <Input placeholder={t.shortNamePlaceholder} aria-label={t.shortName} maxLength={50} />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Space>
          <Button
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="office-add"
          >
            {t.addOffice}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
