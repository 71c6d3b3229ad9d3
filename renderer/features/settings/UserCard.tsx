import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import type { Settings } from '../../../shared/settings';
import { useApp } from '../../app/context';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';
import { useSettings } from './queries';

const t = vi.settings;

/** "Người dùng": the person's name and office, for the audit log and "Việc của tôi". */
export function UserCard() {
  const settings = useSettings();
  return (
    <Card title={t.user} className="settings-card" data-testid="user-card">
      <Typography.Paragraph type="secondary">{t.userHelp}</Typography.Paragraph>
      <QueryState query={settings}>{(s) => <UserForm settings={s} />}</QueryState>
    </Card>
  );
}

function UserForm({ settings }: { settings: Settings }) {
  const { info } = useApp();
  const save = useCoreAction('settings.set', { success: () => t.saved });
  return (
    <Form
      layout="vertical"
      initialValues={{ userName: settings.userName ?? '', userOfficeId: settings.userOfficeId }}
      onFinish={(v: { userName: string; userOfficeId: number | null | undefined }) =>
        save.mutate({ userName: v.userName.trim() || null, userOfficeId: v.userOfficeId ?? null })
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="userName" label={t.userName}>
            <Input placeholder={t.userNamePlaceholder} maxLength={100} data-testid="user-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="userOfficeId" label={t.userOffice}>
            <Select
              data-testid="user-office"
              allowClear
              placeholder={t.userOfficePlaceholder}
              showSearch={{ optionFilterProp: 'label' }}
              options={info.offices.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="user-save">
        {t.save}
      </Button>
    </Form>
  );
}
