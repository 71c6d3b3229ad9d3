import type { ApiError } from '../../shared/api';

/** Where the CLI writes; tests pass buffers instead of the real streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export class CliError extends Error {
  constructor(
    readonly error: ApiError,
    readonly exitCode = 1,
  ) {
    super(error.message);
  }
}

/** Pads columns for a plain-text table (Vietnamese letters are one column each after NFC). */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length)))
        .join('  '),
    )
    .join('\n');
}
