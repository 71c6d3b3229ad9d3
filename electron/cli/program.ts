import type { Command } from 'commander';
import type { Input, Method, Output } from '../../shared/api';
import { createCore, type Core } from '../core';
import { toApiError } from '../core/dispatch';
import { vietnameseHelp } from './help';
import { CliError, type Io } from './output';

/** What a command prints: JSON with --json, text otherwise; a non-zero exitCode after printing. */
export interface Printed {
  json: unknown;
  text: string;
  exitCode?: number;
}

export type Runner = () => Promise<void>;

/** Shared by every command file: define a subcommand and attach its action. */
export interface CliKit {
  io: Io;
  command(name: string, description: string): Command;
  run(fn: (...args: never[]) => Promise<Printed>): (...args: unknown[]) => void;
}

/** Calls one contract method through the same dispatch as the other doors. */
export async function call<M extends Method>(
  core: Core,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new CliError(r.error);
  return r.data as Output<M>;
}

/** Opens the workspace for one command and always closes it (releasing the write lock). */
export async function withCore<T>(
  dir: string | undefined,
  readOnly: boolean,
  fn: (core: Core) => Promise<T>,
): Promise<T> {
  let core: Core;
  try {
    core = createCore({
      ...(dir ? { dataDir: dir } : {}),
      readOnly,
      actor: { name: process.env.HSKC_USER ?? null, office: process.env.HSKC_OFFICE ?? null },
    });
  } catch (e) {
    throw new CliError(toApiError(e));
  }
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

export class PrintedExit extends Error {
  constructor(readonly exitCode: number) {
    super('exit');
  }
}

export function makeKit(program: Command, io: Io, setRunner: (r: Runner) => void): CliKit {
  return {
    io,
    command: (name, description) =>
      program
        .command(name)
        .description(description)
        .helpOption('-h, --help', 'Hiện trợ giúp')
        .option('--json', 'In kết quả dạng JSON')
        .configureHelp({ formatHelp: vietnameseHelp })
        .exitOverride(),
    run:
      (fn) =>
      (...args: unknown[]) => {
        const opts = args[args.length - 2] as { json?: boolean };
        setRunner(async () => {
          const printed = await (fn as (...a: unknown[]) => Promise<Printed>)(...args);
          io.out(opts.json ? JSON.stringify(printed.json, null, 2) : printed.text);
          if (printed.exitCode) throw new PrintedExit(printed.exitCode);
        });
      },
  };
}
