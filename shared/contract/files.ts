import { z } from 'zod';

/**
 * How a file reaches the core: a real path (Electron drag and drop via webUtils, dialogs, the
 * CLI) or an upload id from the web host's POST /upload (or uploads.put for small blobs such
 * as a pasted screenshot). The web host refuses paths: a browser page has no business naming
 * files on the PC.
 */
export const FileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(),
]);
export type FileRef = z.infer<typeof FileRef>;

export const UploadResult = z.object({
  uploadId: z.string(),
  name: z.string(),
  size: z.number().int(),
});
export type UploadResult = z.infer<typeof UploadResult>;
