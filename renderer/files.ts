import type { FileRef, UploadResult } from '../shared/contract/files';
import type { Result } from '../shared/api';
import { bridge, CallError, call, TOKEN_KEY } from './api';
import { vi } from './i18n/vi';

/**
 * Turns a File the person dropped, picked or pasted into a FileRef for the core: its real path
 * in Electron, otherwise the bytes streamed to the web host's POST /upload (or, for a pasted
 * screenshot inside Electron, sent through uploads.put).
 */
export async function toFileRef(file: File): Promise<FileRef> {
  const path = bridge.pathForFile?.(file);
  if (path) return { path };
  if (!window.hskc) return { uploadId: (await uploadOverHttp(file)).uploadId };
  const dataBase64 = await toBase64(file);
  return {
    uploadId: (await call('uploads.put', { name: file.name || 'anh-chup.png', dataBase64 }))
      .uploadId,
  };
}

async function uploadOverHttp(file: File): Promise<UploadResult> {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  let res: Response;
  try {
    res = await fetch('/upload', {
      method: 'POST',
      headers: { 'X-HSKC-Token': token, 'X-File-Name': encodeURIComponent(file.name || 'tep') },
      body: file,
    });
  } catch {
    throw new CallError({ code: 'OFFLINE', message: vi.connection.uploadLost });
  }
  const r = (await res.json()) as Result<UploadResult>;
  if (!r.ok) throw new CallError(r.error);
  return r.data;
}

function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () =>
      reject(new CallError({ code: 'BAD_FILE', message: vi.connection.unreadableFile }));
    reader.readAsDataURL(file);
  });
}

/** Saves bytes the core returned (base64) as a download with the given name. */
export function downloadBase64(
  fileName: string,
  base64: string,
  mime = 'application/octet-stream',
): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
