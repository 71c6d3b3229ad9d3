import { AutoComplete, Checkbox, Form, Input, Select } from 'antd';
import { useDeferredValue } from 'react';
import type { Input as CallInput } from '../../../shared/api';
import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { formatDateVi, parseDateVi } from '../../../shared/dates';
import { DOC_TYPES } from '../../../shared/evidence';
import { matchesQuery } from '../../../shared/text';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useIssuers } from './queries';

const t = vi.evidence.meta;

/** The document's metadata as the form holds it (the date as typed, dd/mm/yyyy). */
export interface MetaValues {
  docType: string | null;
  number: string;
  issuedOn: string;
  issuer: string;
  subject: string;
  draft: boolean;
  note: string;
  officeId: number | null;
}

export const metaValues = (d: EvidenceDocument): MetaValues => ({
  docType: d.docType,
  number: d.number ?? '',
  issuedOn: formatDateVi(d.issuedOn),
  issuer: d.issuer ?? '',
  subject: d.subject ?? '',
  draft: d.draft,
  note: d.note ?? '',
  officeId: d.officeId,
});

/** Everything the form shows, so confirming marks it all as checked by a person. */
export const metaPatch = (
  v: MetaValues,
): { metadata: CallInput<'evidence.update'>['metadata']; officeId: number | null } => ({
  metadata: {
    docType: v.docType ?? null,
    number: v.number ?? '',
    issuedOn: v.issuedOn ?? '',
    issuer: v.issuer ?? '',
    subject: v.subject ?? '',
    draft: v.draft ?? false,
    note: v.note ?? '',
  },
  officeId: v.officeId ?? null,
});

export const dateRule = {
  validator: (_: unknown, value: string | undefined) =>
    !value || !value.trim() || parseDateVi(value)
      ? Promise.resolve()
      : Promise.reject(new Error(t.dateInvalid)),
};

const TYPE_OPTIONS = DOC_TYPES.map(([code, name]) => ({ value: code, label: `${name} (${code})` }));

export function DocTypeSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const options =
    value && !TYPE_OPTIONS.some((o) => o.value === value)
      ? [...TYPE_OPTIONS, { value, label: value }]
      : TYPE_OPTIONS;
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: (input, o) => matchesQuery(String(o?.label ?? ''), input) }}
      placeholder={t.typePlaceholder}
    />
  );
}

export function IssuerInput({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const query = useDeferredValue(value ?? '');
  const issuers = useIssuers(query);
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(v: string) => onChange?.(v)}
      options={(issuers.data ?? []).map((i) => ({
        value: i.name,
        label: (
          <span className="ev-issuer-option">
            <span>{i.name}</span>
            <span className="ev-muted">{t.issuerCount(i.count)}</span>
          </span>
        ),
      }))}
      placeholder={t.issuerPlaceholder}
    />
  );
}

export function OfficeSelect({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const { info } = useApp();
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: number) => onChange?.(v ?? null)}
      allowClear
      placeholder={t.officePlaceholder}
      options={info.offices.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

/** The metadata fields, for a Form whose values are MetaValues. */
export function MetadataFields() {
  return (
    <>
      <div className="ev-meta-grid">
        <Form.Item name="docType" label={t.type}>
          <DocTypeSelect />
        </Form.Item>
        <Form.Item name="number" label={t.number}>
          <Input placeholder={t.numberPlaceholder} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t.date} rules={[dateRule]}>
          <Input placeholder="dd/mm/yyyy" />
        </Form.Item>
      </div>
      <Form.Item name="issuer" label={t.issuer}>
        <IssuerInput />
      </Form.Item>
      <Form.Item name="subject" label={t.subject}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t.subjectPlaceholder} />
      </Form.Item>
      <div className="ev-meta-grid two">
        <Form.Item name="officeId" label={t.office}>
          <OfficeSelect />
        </Form.Item>
        <Form.Item name="note" label={t.note}>
          <Input placeholder={t.notePlaceholder} />
        </Form.Item>
      </div>
      <Form.Item name="draft" valuePropName="checked" className="ev-draft">
        <Checkbox>{t.draft}</Checkbox>
      </Form.Item>
    </>
  );
}
