import { Select } from 'antd';
import { useMemo } from 'react';
import { matchesQuery } from '../../../shared/text';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCriteriaTree } from '../workspace/queries';

const t = vi.evidence.nodePicker;

/** A sub-criterion of the current assessment, found by code or words (no diacritics needed). */
export function NodePicker({
  value,
  onChange,
  allowClear,
  placeholder,
  size,
  leavesOnly = true,
  testId,
}: {
  value: number | null;
  onChange: (nodeId: number | null) => void;
  allowClear?: boolean;
  placeholder?: string;
  size?: 'small' | 'middle';
  leavesOnly?: boolean;
  testId?: string;
}) {
  const { assessment } = useApp();
  const tree = useCriteriaTree(assessment?.id ?? null);
  const options = useMemo(
    () =>
      (tree.data?.nodes ?? [])
        .filter((n) => !leavesOnly || n.isLeaf || n.id === value)
        .map((n) => ({ value: n.id, label: `${n.code} ${n.title}`, code: n.code })),
    [tree.data, leavesOnly, value],
  );
  return (
    <Select
      data-testid={testId}
      className="ev-full"
      size={size}
      value={value ?? undefined}
      onChange={(v?: number) => onChange(v ?? null)}
      allowClear={allowClear}
      placeholder={placeholder ?? t.placeholder}
      loading={tree.isPending}
      options={options}
      showSearch={{
        filterOption: (input, o) =>
          String(o?.code ?? '').startsWith(input.trim()) ||
          matchesQuery(String(o?.label ?? ''), input),
      }}
      popupMatchSelectWidth={false}
      listHeight={320}
      notFoundContent={t.none}
    />
  );
}
