import type { UnitLevel } from './models';

/**
 * Suggested offices when a unit is created; always editable. Since 01/7/2025 communes and
 * wards do the work the former districts did; the huyện list stays for historical data.
 */
export const DEFAULT_OFFICES: Record<UnitLevel, string[]> = {
  xa: [
    'Văn phòng HĐND và UBND',
    'Phòng Kinh tế',
    'Phòng Văn hóa - Xã hội',
    'Trung tâm Phục vụ hành chính công',
  ],
  so: [
    'Văn phòng Sở',
    'Thanh tra Sở',
    'Phòng Kế hoạch - Tài chính',
    'Phòng Tổ chức cán bộ',
    'Phòng Chuyên môn',
  ],
  huyen: [
    'Phòng Nội vụ',
    'Văn phòng HĐND và UBND',
    'Phòng Tư pháp',
    'Phòng Tài chính - Kế hoạch',
    'Phòng Văn hóa và Thông tin',
    'UBND các xã, thị trấn',
  ],
  tinh: [
    'Sở Nội vụ',
    'Văn phòng UBND tỉnh',
    'Sở Tư pháp',
    'Sở Tài chính',
    'Sở Khoa học và Công nghệ',
  ],
};
