/** Import and export of official criteria tables (xlsx, docx): pure, no database, no UI. */
export { previewCriteriaTable, inspectCriteriaTable, MAX_DATA_ROWS, FIELD_LABEL } from './preview';
export { splitEvidenceSlots } from './slots';
export { planOffices, officeKey, type OfficePlan } from './offices';
export { exportCriteriaTable } from './export';
export { extractScoringOptions } from './guide';
export {
  IMPORT_FIELDS,
  type ImportField,
  type ImportOptions,
  type ImportPreview,
  type ImportWarning,
} from './types';
