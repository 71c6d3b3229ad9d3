import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ExportResult } from '../../../shared/contract/export';
import { call, CallError } from '../../api';
import { useApp } from '../../app/context';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useCriteriaTree } from '../workspace/queries';
import { followJob } from '../evidence/jobs';

const t = vi.exporting;

/** Export dialog: what to include, volumes, names, destination; pre-flight; progress; result. */
export function ExportScreen() {
  const { assessment, info } = useApp();
  const { message } = AntApp.useApp();
  const assessmentId = assessment?.id ?? null;
  const tree = useCriteriaTree(assessmentId);
  const [areas, setAreas] = useState<string[]>([]);
  const [offices, setOffices] = useState<number[]>([]);
  const selection = {
    ...(assessmentId ? { assessmentId } : {}),
    ...(areas.length ? { areas } : {}),
    ...(offices.length ? { offices } : {}),
  };
  const preflight = useQuery({
    queryKey: ['export.preflight', assessmentId, areas, offices],
    queryFn: () => call('export.preflight', selection),
    enabled: assessmentId !== null,
  });
  const [parts, setParts] = useState({ pdf: true, xlsx: true, files: true, zip: false });
  const [split, setSplit] = useState<'none' | 'size' | 'area'>('none');
  const [maxMb, setMaxMb] = useState<number>(20);
  const [ascii, setAscii] = useState(true);
  const [out, setOut] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [running, setRunning] = useState<{
    jobId: string;
    done: number;
    total: number;
    label: string;
  } | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The export found unusable documents the pre-flight could not see: ask before leaving them out. */
  const [conflict, setConflict] = useState(false);

  const run = async () => {
    const jobId = `export-${Date.now().toString(36)}`;
    setError(null);
    setConflict(false);
    setResult(null);
    setRunning({ jobId, done: 0, total: 0, label: t.starting });
    const stop = followJob(jobId, (p) => setRunning({ jobId, ...p }));
    try {
      const r = await call(
        'export.run',
        {
          ...selection,
          out: out ?? preflight.data?.defaultOut ?? '',
          parts,
          ...(split === 'size' ? { maxVolumeMb: maxMb } : {}),
          volumePerArea: split === 'area',
          asciiNames: ascii,
          confirmExcluded: confirm,
        },
        { jobId },
      );
      setResult(r);
      void message.success(t.done);
    } catch (e) {
      setError(e instanceof CallError ? e.message : String(e));
      setConflict(e instanceof CallError && e.error.code === 'CONFLICT');
      if (e instanceof CallError && e.error.code === 'CONFLICT') void preflight.refetch();
    } finally {
      stop();
      setRunning(null);
    }
  };

  return (
    <div className="export-page" data-testid="export-screen">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <div className="export-grid">
        <Card size="small" title={t.contents}>
          <Form layout="vertical" component="div">
            <Form.Item label={t.parts}>
              <Space direction="vertical">
                <Checkbox
                  data-testid="part-pdf"
                  checked={parts.pdf}
                  onChange={(e) => setParts({ ...parts, pdf: e.target.checked })}
                >
                  {t.pdf}
                </Checkbox>
                <Checkbox
                  data-testid="part-xlsx"
                  checked={parts.xlsx}
                  onChange={(e) => setParts({ ...parts, xlsx: e.target.checked })}
                >
                  {t.xlsx}
                </Checkbox>
                <Checkbox
                  data-testid="part-files"
                  checked={parts.files}
                  onChange={(e) => setParts({ ...parts, files: e.target.checked })}
                >
                  {t.files}
                </Checkbox>
                <Checkbox
                  data-testid="part-zip"
                  checked={parts.zip}
                  onChange={(e) => setParts({ ...parts, zip: e.target.checked })}
                >
                  {t.zip}
                </Checkbox>
              </Space>
            </Form.Item>
            <Form.Item label={t.areas} help={t.areasHelp}>
              <Select
                mode="multiple"
                allowClear
                data-testid="export-areas"
                placeholder={t.allAreas}
                value={areas}
                onChange={setAreas}
                options={(tree.data?.nodes ?? [])
                  .filter((n) => n.level === 1)
                  .map((n) => ({ value: n.code, label: `${n.code}. ${n.title}` }))}
              />
            </Form.Item>
            <Form.Item label={t.offices} help={t.officesHelp}>
              <Select
                mode="multiple"
                allowClear
                data-testid="export-offices"
                placeholder={t.allOffices}
                value={offices}
                onChange={setOffices}
                optionFilterProp="label"
                options={info.offices.map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
            <Form.Item label={t.volumes}>
              <Select
                value={split}
                onChange={setSplit}
                data-testid="export-split"
                options={[
                  { value: 'none', label: t.oneFile },
                  { value: 'size', label: t.bySize },
                  { value: 'area', label: t.byArea },
                ]}
              />
              {split === 'size' && (
                <InputNumber
                  style={{ marginTop: 8 }}
                  min={5}
                  max={1024}
                  value={maxMb}
                  onChange={(v) => setMaxMb(v ?? 20)}
                  addonAfter="MB"
                  data-testid="export-max-mb"
                />
              )}
            </Form.Item>
            <Form.Item label={t.names}>
              <Select
                value={ascii ? 'ascii' : 'vi'}
                onChange={(v) => setAscii(v === 'ascii')}
                options={[
                  { value: 'ascii', label: t.ascii },
                  { value: 'vi', label: t.vietnamese },
                ]}
              />
            </Form.Item>
            <Form.Item label={t.destination} help={t.destinationHelp}>
              <Input
                data-testid="export-out"
                value={out ?? preflight.data?.defaultOut ?? ''}
                onChange={(e) => setOut(e.target.value)}
              />
            </Form.Item>
          </Form>
        </Card>
        <Card size="small" title={t.preflight} data-testid="export-preflight">
          <QueryState query={preflight}>
            {(p) => (
              <>
                <Space wrap size="large">
                  <Statistic title={t.documents} value={p.documents} />
                  <Statistic title={t.pages} value={p.pages} />
                  <Statistic
                    title={t.size}
                    value={`${(p.bytes / 1048576).toFixed(1).replace('.', ',')} MB`}
                  />
                  <Statistic
                    title={t.errors}
                    value={p.errors}
                    valueStyle={{ color: p.errors ? '#dc2626' : undefined }}
                  />
                  <Statistic title={t.warnings} value={p.warnings} />
                </Space>
                {p.errors > 0 && (
                  <Alert
                    style={{ marginTop: 12 }}
                    type="warning"
                    showIcon
                    message={t.hasErrors(p.errors)}
                  />
                )}
                {p.officeFiles > 0 && (
                  <Alert
                    style={{ marginTop: 12 }}
                    type="info"
                    showIcon
                    message={
                      p.libreOffice
                        ? t.officeConverted(p.officeFiles)
                        : t.officeAttached(p.officeFiles)
                    }
                  />
                )}
                {p.problems.length > 0 && (
                  <List
                    size="small"
                    className="export-problems"
                    dataSource={p.problems.slice(0, 50)}
                    renderItem={(x) => (
                      <List.Item>
                        <Tag color={x.severity === 'error' ? 'red' : 'orange'}>
                          {vi.problems.severity[x.severity]}
                        </Tag>
                        {x.message}
                      </List.Item>
                    )}
                  />
                )}
                {p.excluded.length > 0 && (
                  <Alert
                    style={{ marginTop: 12 }}
                    type="error"
                    showIcon
                    data-testid="export-excluded"
                    message={t.excluded(p.excluded.length)}
                    description={
                      <>
                        <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
                          {p.excluded.map((e) => (
                            <li key={e.documentId}>
                              {e.name} ({e.codes.join(', ')}): {e.reason}
                            </li>
                          ))}
                        </ul>
                        <Checkbox
                          checked={confirm}
                          onChange={(e) => setConfirm(e.target.checked)}
                          data-testid="export-confirm"
                        >
                          {t.confirmExcluded}
                        </Checkbox>
                      </>
                    }
                  />
                )}
              </>
            )}
          </QueryState>
        </Card>
      </div>
      <Card size="small" style={{ marginTop: 16 }}>
        {running ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress
              percent={running.total ? Math.floor((running.done / running.total) * 100) : 0}
              status="active"
              data-testid="export-progress"
            />
            <Typography.Text type="secondary">{running.label}</Typography.Text>
            <Button danger onClick={() => void call('jobs.cancel', { jobId: running.jobId })}>
              {t.cancel}
            </Button>
          </Space>
        ) : (
          <Button
            type="primary"
            size="large"
            data-testid="export-run"
            disabled={!preflight.data || (preflight.data.excluded.length > 0 && !confirm)}
            onClick={() => void run()}
          >
            {t.run}
          </Button>
        )}
        {error && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={error}
            data-testid="export-error"
            description={
              conflict && !(preflight.data?.excluded.length ?? 0) ? (
                <Checkbox
                  checked={confirm}
                  onChange={(e) => setConfirm(e.target.checked)}
                  data-testid="export-confirm-late"
                >
                  {t.confirmExcluded}
                </Checkbox>
              ) : undefined
            }
          />
        )}
        {result && (
          <div data-testid="export-result" style={{ marginTop: 12 }}>
            <Alert type="success" showIcon message={t.resultTitle(result.pages, result.volumes)} />
            {result.excluded.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                data-testid="export-result-excluded"
                message={t.leftOut(result.excluded.length)}
                description={
                  <ul style={{ paddingLeft: 18, margin: '4px 0' }}>
                    {result.excluded.map((e) => (
                      <li key={e.documentId}>
                        {e.name} ({e.codes.join(', ')}): {e.reason}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            <List
              size="small"
              dataSource={[...result.pdf, result.xlsx, result.folder, result.zip].filter(
                (x): x is string => !!x,
              )}
              renderItem={(f) => (
                <List.Item>
                  <Typography.Text copyable>{f}</Typography.Text>
                </List.Item>
              )}
            />
            <Button
              data-testid="export-open"
              onClick={() => void call('system.openFolder', { path: result.out })}
            >
              {t.openFolder}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
