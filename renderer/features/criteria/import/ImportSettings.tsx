import { Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { vi } from '../../../i18n/vi';
import {
  fieldColumn,
  headedColumns,
  IMPORT_FIELDS,
  type ImportField,
  type ImportOptions,
} from './import-model';

const t = vi.importWizard;

/** Sheet, header row and one Select per field; every change asks the core to read again. */
export function ImportSettings({
  preview,
  options,
  onChange,
}: {
  preview: ImportPreview;
  options: ImportOptions;
  onChange: (o: ImportOptions) => void;
}) {
  const columns = headedColumns(preview);
  const columnOptions = [
    { value: '', label: t.notUsed },
    ...columns.map((c) => ({ value: c.column, label: t.column(c.column, c.header) })),
  ];
  const setField = (f: ImportField, col: string) =>
    onChange({ ...options, mapping: { ...options.mapping, [f]: col || null } });

  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '140px' }}
      labelWrap
      labelAlign="left"
      colon={false}
      size="small"
      className="import-settings"
      data-testid="import-settings"
    >
      <Form.Item label={preview.format === 'xlsx' ? t.sheet : t.table}>
        <Select
          data-testid="import-sheet"
          value={options.sheet ?? preview.sheet}
          onChange={(sheet: string) => onChange({ sheet })}
          options={preview.sheets.map((s) => ({
            value: s.name,
            label: `${s.name} (${t.rows(s.rows)})`,
            likely: s.likely,
          }))}
          optionRender={(o) => (
            <Space size={4}>
              <span>{o.data.label}</span>
              {o.data.likely && <Tag color="green">{t.likely}</Tag>}
            </Space>
          )}
        />
      </Form.Item>
      <Form.Item label={t.headerRow} extra={t.headerRowHelp(preview.headerRows)}>
        <InputNumber
          data-testid="import-header-row"
          min={1}
          max={1000}
          precision={0}
          value={options.headerRow ?? preview.headerRow}
          onChange={(v) => {
            if (typeof v === 'number' && v >= 1)
              onChange({ sheet: options.sheet ?? preview.sheet, headerRow: v });
          }}
        />
      </Form.Item>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t.mapping}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.mappingHelp}
      </Typography.Paragraph>
      {IMPORT_FIELDS.map((f) => (
        <Form.Item key={f} label={t.fields[f]} className="mapping-item">
          <Select
            data-testid={`map-${f}`}
            aria-label={t.fields[f]}
            value={fieldColumn(preview, options, f)}
            onChange={(col: string) => setField(f, col)}
            options={columnOptions}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      ))}
    </Form>
  );
}
