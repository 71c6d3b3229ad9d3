import { Button, Checkbox, Input, Select } from 'antd';
import { DOC_TYPES } from '../../../shared/evidence';
import { matchesQuery } from '../../../shared/text';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';

const t = vi.evidence.filters;

export interface LibFilters {
  search: string;
  types: string[];
  year: number | null;
  officeId: number | null;
  unlinked: boolean;
  scan: boolean;
  draft: boolean;
}

export const NO_FILTERS: LibFilters = {
  search: '',
  types: [],
  year: null,
  officeId: null,
  unlinked: false,
  scan: false,
  draft: false,
};

const isFiltered = (f: LibFilters) => JSON.stringify(f) !== JSON.stringify(NO_FILTERS);

/** Search box (no diacritics needed) and the filters of the library. */
export function LibraryFilters({
  value,
  onChange,
}: {
  value: LibFilters;
  onChange: (f: LibFilters) => void;
}) {
  const { info, assessment } = useApp();
  const set = (patch: Partial<LibFilters>) => onChange({ ...value, ...patch });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  return (
    <div className="lib-filters">
      <Input.Search
        data-testid="library-search"
        className="lib-search"
        allowClear
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
        placeholder={t.search}
        aria-label={t.search}
      />
      <Select
        mode="multiple"
        className="lib-filter-types"
        value={value.types}
        onChange={(types: string[]) => set({ types })}
        placeholder={t.type}
        maxTagCount="responsive"
        allowClear
        options={DOC_TYPES.map(([code, name]) => ({ value: code, label: name }))}
        showSearch={{ filterOption: (input, o) => matchesQuery(String(o?.label ?? ''), input) }}
        aria-label={t.type}
      />
      <Select
        className="lib-filter-year"
        value={value.year ?? undefined}
        onChange={(year?: number) => set({ year: year ?? null })}
        placeholder={t.year}
        allowClear
        options={years.map((y) => ({ value: y, label: t.yearOption(y) }))}
        aria-label={t.year}
      />
      <Select
        className="lib-filter-office"
        value={value.officeId ?? undefined}
        onChange={(officeId?: number) => set({ officeId: officeId ?? null })}
        placeholder={t.office}
        allowClear
        popupMatchSelectWidth={false}
        options={info.offices.map((o) => ({ value: o.id, label: o.name }))}
        aria-label={t.office}
      />
      <Checkbox checked={value.unlinked} onChange={(e) => set({ unlinked: e.target.checked })}>
        {assessment ? t.unlinkedYear(assessment.year) : t.unlinked}
      </Checkbox>
      <Checkbox checked={value.scan} onChange={(e) => set({ scan: e.target.checked })}>
        {t.scan}
      </Checkbox>
      <Checkbox checked={value.draft} onChange={(e) => set({ draft: e.target.checked })}>
        {t.draft}
      </Checkbox>
      {isFiltered(value) && (
        <Button type="link" onClick={() => onChange(NO_FILTERS)}>
          {t.clear}
        </Button>
      )}
    </div>
  );
}
