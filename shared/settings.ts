import { z } from 'zod';

/** Per-workspace settings a person can change; defaults apply to keys never set. */
export const Settings = z.object({
  /** Who is working, for the audit log and "Việc của tôi". */
  userName: z.string().trim().max(100).nullable(),
  userOfficeId: z.number().int().positive().nullable(),
  /** The province's upload limit per file: larger files get a warning. */
  uploadWarnMb: z.number().int().min(1).max(10_000),
  /** Files above this are refused at intake. */
  maxFileMb: z.number().int().min(1).max(10_000),
  /** LibreOffice's soffice, when not found on the usual paths. */
  libreOfficePath: z.string().trim().max(500).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  userName: null,
  userOfficeId: null,
  uploadWarnMb: 20,
  maxFileMb: 200,
  libreOfficePath: null,
};
