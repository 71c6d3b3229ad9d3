/**
 * LibreOffice turns the office files among the evidence (DOCX, XLSX, ODT, DOC, XLS, ODS) into
 * PDF pages. It runs headless with a private profile folder (so it neither collides with a
 * LibreOffice the person has open nor leaves state behind) and a time limit; on timeout or
 * cancel its whole process group is killed (soffice starts soffice.bin as a child).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const WINDOWS_DIRS = [
  process.env.ProgramFiles,
  process.env['ProgramFiles(x86)'],
  process.env.ProgramW6432,
  process.env.LOCALAPPDATA && path.join(process.env.LOCALAPPDATA, 'Programs'),
].filter((d): d is string => Boolean(d));

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The soffice executable: the configured one when it exists, else the usual places and PATH. */
export function findLibreOffice(configured: string | null): string | null {
  if (configured && isFile(configured)) return path.resolve(configured);
  const candidates: string[] = [];
  if (process.platform === 'win32') {
    for (const base of WINDOWS_DIRS) {
      candidates.push(path.join(base, 'LibreOffice', 'program', 'soffice.exe'));
      try {
        for (const d of readdirSync(base)) {
          if (/^LibreOffice/i.test(d))
            candidates.push(path.join(base, d, 'program', 'soffice.exe'));
        }
      } catch {
        // Not readable: skip.
      }
    }
  } else if (process.platform === 'darwin') {
    candidates.push('/Applications/LibreOffice.app/Contents/MacOS/soffice');
  } else {
    candidates.push(
      '/usr/bin/soffice',
      '/usr/bin/libreoffice',
      '/usr/lib/libreoffice/program/soffice',
      '/snap/bin/libreoffice',
    );
    try {
      for (const d of readdirSync('/opt')) {
        if (/^libreoffice/i.test(d)) candidates.push(path.join('/opt', d, 'program', 'soffice'));
      }
    } catch {
      // No /opt.
    }
  }
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) candidates.push(path.join(dir, n));
  }
  return candidates.find(isFile) ?? null;
}

export class ConvertError extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'failed' | 'cancelled',
  ) {
    super(message);
    this.name = 'ConvertError';
  }
}

/**
 * Converts `input` (named with its real extension) to PDF in `outDir`; returns the PDF's path.
 */
export function convertToPdf(
  soffice: string,
  input: string,
  outDir: string,
  profileDir: string,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(profileDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless',
    '--invisible',
    '--nologo',
    '--nodefault',
    '--nofirststartwizard',
    '--nolockcheck',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    input,
  ];
  const expected = path.join(outDir, `${path.basename(input, path.extname(input))}.pdf`);
  return new Promise<string>((resolve, reject) => {
    const child = spawn(soffice, args, {
      stdio: 'ignore',
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let done = false;
    const kill = () => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === 'win32')
          spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F']);
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const finish = (err: ConvertError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) {
        kill();
        reject(err);
      } else if (existsSync(expected)) resolve(expected);
      else reject(new ConvertError('LibreOffice không tạo ra tệp PDF.', 'failed'));
    };
    const onAbort = () => finish(new ConvertError('Đã hủy.', 'cancelled'));
    const timer = setTimeout(
      () => finish(new ConvertError('LibreOffice chạy quá lâu.', 'timeout')),
      opts.timeoutMs,
    );
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (e) =>
      finish(new ConvertError(`Không chạy được LibreOffice: ${e.message}`, 'failed')),
    );
    child.once('exit', (code) =>
      finish(
        code === 0 ? null : new ConvertError(`LibreOffice kết thúc với mã ${code}.`, 'failed'),
      ),
    );
  });
}
