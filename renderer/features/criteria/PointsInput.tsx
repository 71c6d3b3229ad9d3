import { Input, type InputProps } from 'antd';
import { normalizePoints } from './node-form';

/** A text box for points: type 0,5 or 0.5; once valid it shows with a comma when left. */
export function PointsInput({
  value,
  onChange,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (v: string) => void;
}) {
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={(e) => {
        const n = normalizePoints(e.target.value);
        if (n !== undefined && n !== e.target.value) onChange?.(n);
        rest.onBlur?.(e);
      }}
    />
  );
}
