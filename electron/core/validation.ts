import type { z } from 'zod';

/**
 * What a person calls each input field, by its path in the contract ("unit.name") or, failing
 * that, by its last key ("name" anywhere). Numeric path parts (list positions) are written "#".
 * A field not listed here is named generically: a raw schema key never reaches a person.
 */
const LABELS_BY_PATH: Record<string, string> = {
  'unit.name': 'Tên đơn vị',
  'unit.level': 'Cấp đơn vị',
  'unit.parentBody': 'Cơ quan chủ quản',
  'unit.place': 'Địa danh',
  offices: 'Danh sách phòng ban',
  'offices.#': 'Tên phòng ban',
};

const LABELS_BY_KEY: Record<string, string> = {
  year: 'Năm đánh giá',
  frameworkId: 'Bộ tiêu chí',
  level: 'Cấp đơn vị',
  parentBody: 'Cơ quan chủ quản',
  place: 'Địa danh',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  isCoordinator: 'Đơn vị đầu mối',
  officeId: 'Phòng ban',
  leadOfficeId: 'Phòng ban chủ trì',
  assessmentId: 'Kỳ đánh giá',
  nodeId: 'Tiêu chí',
  code: 'Mã tiêu chí',
  title: 'Tên tiêu chí',
  maxPoints: 'Điểm tối đa',
  documentId: 'Tài liệu',
  fileName: 'Tên tệp',
  number: 'Số, ký hiệu văn bản',
  issuedOn: 'Ngày ban hành',
  subject: 'Trích yếu',
  docType: 'Loại văn bản',
  note: 'Ghi chú',
  reason: 'Lý do',
  naReason: 'Lý do không áp dụng',
  explanation: 'Giải trình',
  selfScore: 'Điểm tự chấm',
  score: 'Điểm',
  limit: 'Số dòng',
  offset: 'Vị trí bắt đầu',
  query: 'Nội dung tìm kiếm',
  jobId: 'Mã công việc',
  dataBase64: 'Nội dung tệp',
  userName: 'Tên người dùng',
  userOfficeId: 'Phòng ban của người dùng',
  uploadWarnMb: 'Ngưỡng cảnh báo dung lượng tệp',
  maxFileMb: 'Dung lượng tệp tối đa',
  libreOfficePath: 'Đường dẫn LibreOffice',
};

export const GENERIC_FIELD_LABEL = 'Giá trị nhập vào';

/** The Vietnamese name of the field at path; generic when the field has no label. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = path.map((p) => (typeof p === 'number' ? '#' : String(p))).join('.');
  const byPath = LABELS_BY_PATH[key];
  if (byPath) return byPath;
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  return (last !== undefined && LABELS_BY_KEY[last]) || GENERIC_FIELD_LABEL;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'một đoạn chữ',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'có hoặc không',
  array: 'một danh sách',
  object: 'một nhóm thông tin',
  date: 'một ngày',
};

/** Turns a zod error into one Vietnamese sentence a person can act on. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = `“${issue.path.length ? fieldLabel(issue.path) : GENERIC_FIELD_LABEL}”`;
    switch (issue.code) {
      case 'invalid_type': {
        // zod keeps the input only with reportInput; its own message ends "… undefined" then.
        const missing =
          'input' in issue ? issue.input === undefined : /\bundefined$/.test(issue.message);
        if (missing) return `thiếu ${field}`;
        const expected = TYPE_NAMES[issue.expected];
        return expected ? `${field} phải là ${expected}` : `${field} sai kiểu`;
      }
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1
            ? `${field} không được để trống`
            : `${field} phải có ít nhất ${String(issue.minimum)} ký tự`;
        }
        if (issue.origin === 'array' || issue.origin === 'set') {
          return `${field} phải có ít nhất ${String(issue.minimum)} mục`;
        }
        return issue.inclusive === false
          ? `${field} phải lớn hơn ${String(issue.minimum)}`
          : `${field} phải từ ${String(issue.minimum)} trở lên`;
      case 'too_big':
        if (issue.origin === 'string') {
          return `${field} dài quá ${String(issue.maximum)} ký tự`;
        }
        if (issue.origin === 'array' || issue.origin === 'set') {
          return `${field} có quá ${String(issue.maximum)} mục`;
        }
        return issue.inclusive === false
          ? `${field} phải nhỏ hơn ${String(issue.maximum)}`
          : `${field} không được vượt quá ${String(issue.maximum)}`;
      case 'unrecognized_keys': {
        const known = [
          ...new Set(
            issue.keys
              .map((k) => fieldLabel([...issue.path, k]))
              .filter((l) => l !== GENERIC_FIELD_LABEL),
          ),
        ];
        return known.length
          ? `có thông tin không được phép: ${known.map((l) => `“${l}”`).join(', ')}`
          : 'có thông tin thừa không được phép';
      }
      case 'invalid_value':
        // The allowed values are what a CLI user types (e.g. --level xa); the UI offers choices.
        return issue.values.length > 0 && issue.values.length <= 8
          ? `${field} phải là một trong: ${issue.values.map(String).join(', ')}`
          : `${field} không thuộc các giá trị cho phép`;
      case 'invalid_format':
        return `${field} sai định dạng`;
      default:
        return `${field} không hợp lệ`;
    }
  });
  const more = error.issues.length > 3 ? ` (và ${error.issues.length - 3} lỗi khác)` : '';
  return `Dữ liệu không hợp lệ: ${parts.join('; ')}${more}.`;
}
