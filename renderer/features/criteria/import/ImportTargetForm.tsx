import { Alert, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { IndexKind } from '../../../../shared/framework';
import type { Assessment } from '../../../../shared/models';
import { vi } from '../../../i18n/vi';
import { useCanReplace } from '../queries';

const t = vi.importWizard;

export interface TargetValues {
  kind: 'new' | 'replace';
  year: number | null;
  name: string;
  indexKind: IndexKind;
}

/** Where the table goes: a new assessment, or the current one's tree when the core allows. */
export function ImportTargetForm({
  value,
  onChange,
  current,
}: {
  value: TargetValues;
  onChange: (v: TargetValues) => void;
  current: Assessment | null;
}) {
  const check = useCanReplace(current?.id ?? null);
  const replaceAllowed = check.data?.allowed === true;
  const set = (patch: Partial<TargetValues>) => onChange({ ...value, ...patch });

  return (
    <Form layout="vertical" data-testid="import-target">
      <Form.Item label={t.targetKind}>
        <Radio.Group value={value.kind} onChange={(e) => set({ kind: e.target.value })}>
          <Space orientation="vertical">
            <Radio value="new">{t.targetNew}</Radio>
            {current && (
              <Radio value="replace" disabled={!replaceAllowed}>
                {t.targetReplace(current.frameworkName, current.year)}
              </Radio>
            )}
          </Space>
        </Radio.Group>
      </Form.Item>
      {current && check.data && !check.data.allowed && (
        <Alert type="info" showIcon title={check.data.reason} style={{ marginBottom: 16 }} />
      )}
      {value.kind === 'new' ? (
        <Space size={16} align="start" wrap>
          <Form.Item label={t.year} required>
            <InputNumber
              data-testid="import-year"
              min={2000}
              max={2100}
              precision={0}
              value={value.year}
              onChange={(year) => set({ year })}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item
            label={t.name}
            required
            validateStatus={value.name.trim() ? undefined : 'error'}
            help={value.name.trim() ? undefined : t.nameRequired}
          >
            <Input
              data-testid="import-name"
              value={value.name}
              maxLength={300}
              onChange={(e) => set({ name: e.target.value })}
              style={{ width: 460 }}
            />
          </Form.Item>
          <Form.Item label={t.indexKind}>
            <Select
              data-testid="import-index-kind"
              value={value.indexKind}
              onChange={(indexKind) => set({ indexKind })}
              options={IndexKind.options.map((k) => ({ value: k, label: t.indexKinds[k] }))}
              style={{ width: 220 }}
            />
          </Form.Item>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t.replaceNote}</Typography.Paragraph>
      )}
    </Form>
  );
}
