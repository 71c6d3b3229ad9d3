import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../../shared/version';
import { toApiError } from '../core/dispatch';
import { CoreError } from '../core/errors';
import { criteriaCommands, criteriaImportCommands } from './commands/criteria';
import { workspaceCommands } from './commands/workspace';
import { evidenceCommands } from './commands/evidence';
import { scoringCommands } from './commands/scoring';
import { exportCommands } from './commands/export';
import { vietnameseCommanderError, vietnameseHelp } from './help';
import { CliError, processIo, type Io } from './output';
import { makeKit, PrintedExit, type Runner } from './program';

export function buildProgram(io: Io, setRunner: (r: Runner) => void): Command {
  const program = new Command('hskc')
    .description(
      'Hồ sơ kiểm chứng — dòng lệnh: tạo hồ sơ, nhập bộ tiêu chí, đính kèm tài liệu, kiểm tra, xuất hồ sơ.',
    )
    .version(APP_VERSION, '-V, --version', 'In số phiên bản')
    .helpOption('-h, --help', 'Hiện trợ giúp')
    .helpCommand('help [lệnh]', 'Hiện trợ giúp của một lệnh')
    .configureHelp({ formatHelp: vietnameseHelp })
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} })
    .exitOverride()
    .showSuggestionAfterError(false);
  const kit = makeKit(program, io, setRunner);
  // Each domain adds its commands in its own file.
  workspaceCommands(kit);
  criteriaCommands(kit);
  criteriaImportCommands(kit);
  evidenceCommands(kit);
  scoringCommands(kit);
  exportCommands(kit);
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  let runner: Runner | null = null;
  const program = buildProgram(io, (r) => (runner = r));
  const fail = (error: { code: string; message: string }, exitCode: number) => {
    io.err(error.message);
    if (wantsJson) io.out(JSON.stringify({ error }, null, 2));
    return exitCode;
  };
  try {
    // A deduction typed with a comma ("-1,5") would be read as an option; the dot form is the
    // same number to the points parser and commander takes it as an argument.
    const args = argv.map((a) => (/^-\d+,\d+$/.test(a) ? a.replace(',', '.') : a));
    await program.parseAsync(args, { from: 'user' });
    if (!runner) return 0;
    await (runner as Runner)();
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code))
        return 0;
      return fail({ code: 'USAGE', message: vietnameseCommanderError(e.code, e.message) }, 2);
    }
    if (e instanceof PrintedExit) return e.exitCode;
    if (e instanceof CliError) return fail(e.error, e.exitCode);
    if (e instanceof CoreError) return fail({ code: e.code, message: e.message }, 1);
    return fail(toApiError(e), 1);
  }
}
