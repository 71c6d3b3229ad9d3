import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Settings } from '../../../shared/settings';
import { call } from '../../api';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';
import { useSettings } from './queries';

const t = vi.settings;

/** "Tệp và xuất hồ sơ": the province's size limits and the LibreOffice the export runs. */
export function FilesCard() {
  const settings = useSettings();
  return (
    <Card title={t.files} className="settings-card" data-testid="files-card">
      <Typography.Paragraph type="secondary">{t.filesHelp}</Typography.Paragraph>
      <QueryState query={settings}>{(s) => <FilesForm settings={s} />}</QueryState>
    </Card>
  );
}

interface Values {
  uploadWarnMb: number;
  maxFileMb: number;
  libreOfficePath: string;
}

function FilesForm({ settings }: { settings: Settings }) {
  const save = useCoreAction('settings.set', { success: () => t.saved });
  const mb = { min: 1, max: 10_000, precision: 0, style: { width: '100%' } } as const;
  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      initialValues={{ ...settings, libreOfficePath: settings.libreOfficePath ?? '' }}
      onFinish={(v) =>
        save.mutate({
          uploadWarnMb: v.uploadWarnMb,
          maxFileMb: v.maxFileMb,
          libreOfficePath: v.libreOfficePath.trim() || null,
        })
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="uploadWarnMb"
            label={t.uploadWarnMb}
            extra={t.uploadWarnHelp}
            rules={[{ required: true, message: vi.nodeEdit.required }]}
          >
            <InputNumber {...mb} suffix="MB" data-testid="upload-warn-mb" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="maxFileMb"
            label={t.maxFileMb}
            extra={t.maxFileHelp}
            rules={[{ required: true, message: vi.nodeEdit.required }]}
          >
            <InputNumber {...mb} suffix="MB" data-testid="max-file-mb" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="libreOfficePath" label={t.libreOfficePath}>
        <Input
          placeholder={t.libreOfficePlaceholder}
          maxLength={500}
          data-testid="libreoffice-path"
        />
      </Form.Item>
      <LibreOfficeStatus />
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="files-save">
        {t.save}
      </Button>
    </Form>
  );
}

/** Which soffice the next export will run, or what happens to Word/Excel files without one. */
function LibreOfficeStatus() {
  const tools = useQuery({ queryKey: ['export.tools'], queryFn: () => call('export.tools', {}) });
  if (!tools.data) return null;
  const { libreOffice, configuredMissing } = tools.data;
  return (
    <Alert
      className="settings-status"
      data-testid="libreoffice-status"
      showIcon
      type={libreOffice && !configuredMissing ? 'success' : 'warning'}
      title={libreOffice ? t.libreOfficeFound(libreOffice) : t.libreOfficeNone}
      description={configuredMissing ? t.libreOfficeMissing : undefined}
    />
  );
}
