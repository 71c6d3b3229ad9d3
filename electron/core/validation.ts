import type { z } from 'zod';

/** Turns a zod error into one Vietnamese sentence a person can act on. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length ? `“${issue.path.join('.')}”` : 'dữ liệu';
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? `thiếu ${field}` : `${field} sai kiểu`;
      case 'too_small':
        return issue.origin === 'string'
          ? `${field} không được để trống`
          : `${field} phải từ ${String(issue.minimum)} trở lên`;
      case 'too_big':
        return issue.origin === 'string'
          ? `${field} dài quá ${String(issue.maximum)} ký tự`
          : `${field} không được vượt quá ${String(issue.maximum)}`;
      case 'unrecognized_keys':
        return `có trường không được phép: ${issue.keys.join(', ')}`;
      case 'invalid_value':
        return `${field} phải là một trong: ${issue.values.map(String).join(', ')}`;
      case 'invalid_format':
        return `${field} sai định dạng`;
      default:
        return `${field} không hợp lệ`;
    }
  });
  const more = error.issues.length > 3 ? ` (và ${error.issues.length - 3} lỗi khác)` : '';
  return `Dữ liệu không hợp lệ: ${parts.join('; ')}${more}.`;
}
