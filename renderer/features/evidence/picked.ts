import { screenshotName } from './format';

/**
 * Files as a person hands them over: dropped (files or whole folders), picked with the file
 * chooser or a folder chooser, or pasted from the clipboard. `path` is the path relative to the
 * dropped or chosen folder ("1.2.3 Kế hoạch/abc.pdf"), or the file name.
 */
export interface PickedFile {
  file: File;
  path: string;
}

export const fromFileList = (list: FileList | File[] | null): PickedFile[] =>
  Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));

/** True when the drag carries files from the desktop (not a row being reordered). */
export const carriesFiles = (dt: DataTransfer | null) =>
  !!dt && Array.from(dt.types).includes('Files');

/**
 * What was dropped. Entries are taken synchronously (the DataTransfer empties once the drop
 * handler returns), then folders are walked.
 */
export function readDrop(dt: DataTransfer): Promise<{ files: PickedFile[]; folder: boolean }> {
  const entries = Array.from(dt.items ?? [])
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  const plain = fromFileList(dt.files);
  if (!entries.some((e) => e?.isDirectory)) return Promise.resolve({ files: plain, folder: false });
  return (async () => {
    const out: PickedFile[] = [];
    for (const e of entries) if (e) await walk(e, out);
    return { files: out, folder: true };
  })();
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File | null>((resolve) =>
      (entry as FileSystemFileEntry).file(resolve, () => resolve(null)),
    );
    if (file) out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** The image of a paste, if it carries one. */
export function imageOfPaste(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items)) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return Array.from(data.files).find((f) => f.type.startsWith('image/')) ?? null;
}

/** A pasted image as a PNG file with a dated name (screenshot tools may hand over BMP etc.). */
export async function asPngScreenshot(image: Blob): Promise<File> {
  const name = screenshotName();
  if (image.type === 'image/png') return new File([image], name, { type: 'image/png' });
  const bitmap = await createImageBitmap(image);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('png');
  return new File([png], name, { type: 'image/png' });
}

/** The clipboard's image through the async clipboard API; null when it holds none. */
export async function readClipboardImage(): Promise<Blob | null> {
  const items = await navigator.clipboard.read();
  for (const item of items) {
    const type = item.types.find((ty) => ty.startsWith('image/'));
    if (type) return item.getType(type);
  }
  return null;
}
