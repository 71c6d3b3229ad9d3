import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { VerifyReport } from '../../../shared/models';
import type { Settings } from '../../../shared/settings';
import { call, CallError } from '../../api';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';
import { followJob } from '../evidence/jobs';
import { useSettings } from './queries';

const t = vi.settings;

/** "Tệp và xuất hồ sơ": the province's size limits and the LibreOffice the export runs. */
export function FilesCard() {
  const settings = useSettings();
  return (
    <Card title={t.files} className="settings-card" data-testid="files-card">
      <Typography.Paragraph type="secondary">{t.filesHelp}</Typography.Paragraph>
      <QueryState query={settings}>{(s) => <FilesForm settings={s} />}</QueryState>
      <VerifyFiles />
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

/**
 * "Kiểm tra tệp": re-hashes every stored file so a damaged or vanished one shows up in the
 * completeness check (and here, by name) before the dossier is exported, not after.
 */
function VerifyFiles() {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    const jobId = `verify-${Date.now().toString(36)}`;
    setError(null);
    setResult(null);
    setRunning({ done: 0, total: 0 });
    const stop = followJob(jobId, (p) => setRunning({ done: p.done, total: p.total }));
    try {
      const report = await call('workspace.verify', {}, { jobId });
      setResult(report);
      // The check, the library and the dashboard read the remembered file status: refresh them.
      void queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof CallError ? e.message : String(e));
    } finally {
      stop();
      setRunning(null);
    }
  };

  const files = result?.files;
  const damaged = files ? files.corrupt + files.missing : 0;
  return (
    <div className="files-verify" data-testid="files-verify">
      <Typography.Paragraph type="secondary">{t.verifyHelp}</Typography.Paragraph>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={running !== null}
        onClick={() => void run()}
        data-testid="files-verify-run"
      >
        {t.verify}
      </Button>
      {running && (
        <div className="files-verify-status" data-testid="files-verify-progress">
          <Progress
            percent={running.total ? Math.floor((running.done / running.total) * 100) : 0}
            status="active"
            size="small"
          />
          <Typography.Text type="secondary">
            {t.verifying(running.done, running.total)}
          </Typography.Text>
        </div>
      )}
      {error && <Alert className="files-verify-status" type="error" showIcon title={error} />}
      {result && files && (
        <Alert
          className="files-verify-status"
          data-testid="files-verify-result"
          showIcon
          type={damaged > 0 || result.database !== 'ok' ? 'error' : 'success'}
          title={
            damaged > 0
              ? t.verifyProblems(files.checked, files.corrupt, files.missing)
              : t.verifyAllOk(files.checked)
          }
          description={
            damaged > 0 || result.database !== 'ok' ? (
              <>
                {result.database !== 'ok' && <div>{t.verifyDatabase(result.database)}</div>}
                {result.problems.length > 0 && (
                  <ul className="files-verify-list">
                    {result.problems.flatMap((p) =>
                      (p.documents.length
                        ? p.documents
                        : [{ id: p.sha256, name: t.verifyNoDocument }]
                      ).map((d) => (
                        <li key={`${p.sha256}-${d.id}`}>
                          {p.status === 'corrupt' ? t.verifyCorrupt : t.verifyMissing}: {d.name}
                        </li>
                      )),
                    )}
                  </ul>
                )}
                {damaged > 0 && <div>{t.verifyFix}</div>}
              </>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
