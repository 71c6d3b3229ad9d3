import type { Db } from './db/open';
import type { FrameworkCatalog } from './criteria/frameworks';
import { createAssessment } from './criteria/repo';
import { ensureOffice, setUnit } from './org';

export const DEMO_FRAMEWORK_ID = 'demo-par-phuong-minh-hoa';
export const DEMO_YEAR = 2026;

/** A realistic ward after the 2025 reorganisation: no district level, offices are data. */
export const DEMO_UNIT = {
  name: 'UBND phường Đông Kinh',
  level: 'xa' as const,
  parentBody: 'UBND TỈNH LẠNG SƠN',
  place: 'Đông Kinh',
};

export const DEMO_OFFICES = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
];

/** Fills an empty workspace with the demo unit, its offices and the illustrative PAR tree. */
export function seedDemo(db: Db, catalog: FrameworkCatalog): number {
  setUnit(db, DEMO_UNIT);
  DEMO_OFFICES.forEach((name, i) => ensureOffice(db, name, { coordinator: i === 0 }));
  return createAssessment(db, catalog.get(DEMO_FRAMEWORK_ID), DEMO_YEAR);
}
