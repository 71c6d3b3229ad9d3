import { Command, CommanderError, Option } from 'commander';
import type { Method, Input, Output } from '../../shared/api';
import { formatPoints } from '../../shared/points';
import { APP_VERSION } from '../../shared/version';
import { createCore, type Core } from '../core';
import { toApiError } from '../core/dispatch';
import { CoreError } from '../core/errors';
import { vietnameseCommanderError, vietnameseHelp } from './help';
import { CliError, processIo, table, type Io } from './output';

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

async function withCore<T>(
  dir: string | undefined,
  readOnly: boolean,
  fn: (core: Core) => Promise<T>,
): Promise<T> {
  let core: Core;
  try {
    core = createCore({
      ...(dir ? { dataDir: dir } : {}),
      readOnly,
      actor: { name: process.env.HSKC_USER ?? null },
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

interface Printed {
  json: unknown;
  text: string;
  exitCode?: number;
}

type Runner = (io: Io, json: boolean) => Promise<void>;

export function buildProgram(io: Io, setRunner: (r: Runner) => void): Command {
  const program = new Command('hskc')
    .description('Hồ sơ kiểm chứng — dòng lệnh: tạo hồ sơ, xem cây tiêu chí, kiểm tra tệp.')
    .version(APP_VERSION, '-V, --version', 'In số phiên bản')
    .helpOption('-h, --help', 'Hiện trợ giúp')
    .helpCommand('help [lệnh]', 'Hiện trợ giúp của một lệnh')
    .configureHelp({ formatHelp: vietnameseHelp })
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} })
    .exitOverride()
    .showSuggestionAfterError(false);

  const command = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .helpOption('-h, --help', 'Hiện trợ giúp')
      .option('--json', 'In kết quả dạng JSON')
      .configureHelp({ formatHelp: vietnameseHelp })
      .exitOverride();

  const run =
    (fn: (...args: never[]) => Promise<Printed>) =>
    (...args: unknown[]) => {
      const opts = args[args.length - 2] as { json?: boolean };
      setRunner(async () => {
        const printed = await (fn as (...a: unknown[]) => Promise<Printed>)(...args);
        io.out(opts.json ? JSON.stringify(printed.json, null, 2) : printed.text);
        if (printed.exitCode)
          throw Object.assign(new Error('exit'), { exitCode: printed.exitCode, printed: true });
      });
    };

  command(
    'demo <dir>',
    'Tạo hồ sơ mẫu (đơn vị, phòng ban, bộ tiêu chí minh họa) trong thư mục trống',
  ).action(
    run(async (dir: string) =>
      withCore(dir, false, async (core) => {
        const info = await call(core, 'workspace.demo', {});
        const tree = await call(core, 'criteria.tree', {});
        return {
          json: info,
          text: `Đã tạo hồ sơ mẫu tại ${info.dataDir}: ${info.unit?.name}, ${tree.assessment.frameworkName} năm ${tree.assessment.year}, ${tree.nodes.length} tiêu chí.`,
        };
      }),
    ),
  );

  command('init <dir>', 'Tạo hồ sơ mới từ một bộ tiêu chí có sẵn')
    .requiredOption('--framework <id>', 'Mã bộ tiêu chí (xem: hskc frameworks)')
    .requiredOption('--year <YYYY>', 'Năm đánh giá')
    .requiredOption('--unit <tên>', 'Tên đơn vị được đánh giá, ví dụ "UBND phường Đông Kinh"')
    .addOption(
      new Option('--level <cấp>', 'Cấp của đơn vị')
        .choices(['xa', 'so', 'huyen', 'tinh'])
        .default('xa'),
    )
    .option('--parent-body <tên>', 'Cơ quan chủ quản, ví dụ "UBND TỈNH LẠNG SƠN"')
    .option('--place <địa danh>', 'Địa danh ghi trên văn bản')
    .option(
      '--offices <danh sách>',
      'Các phòng ban, cách nhau bởi dấu chấm phẩy; phòng đầu tiên là đầu mối',
    )
    .action(
      run(
        async (
          dir: string,
          o: {
            framework: string;
            year: string;
            unit: string;
            level: 'xa';
            parentBody?: string;
            place?: string;
            offices?: string;
          },
        ) => {
          const year = Number(o.year);
          if (!/^\d{4}$/.test(o.year)) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Năm “${o.year}” không hợp lệ (ví dụ: 2026).`,
            });
          }
          return withCore(dir, false, async (core) => {
            const info = await call(core, 'workspace.init', {
              frameworkId: o.framework,
              year,
              unit: {
                name: o.unit,
                level: o.level,
                parentBody: o.parentBody ?? null,
                place: o.place ?? null,
              },
              ...(o.offices
                ? {
                    offices: o.offices
                      .split(';')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  }
                : {}),
            });
            return {
              json: info,
              text: `Đã tạo hồ sơ “${info.unit?.name}” năm ${year} tại ${info.dataDir}.`,
            };
          });
        },
      ),
    );

  command('frameworks', 'Liệt kê các bộ tiêu chí có sẵn').action(
    run(async () =>
      withCore(undefined, true, async (core) => {
        const list = await call(core, 'frameworks.list', {});
        return {
          json: list.map((f) => ({ ...f })),
          text: table([
            ['Mã', 'Tên', 'Số mục', 'Điểm'],
            ...list.map((f) => [
              f.id,
              f.name,
              String(f.nodes),
              f.maxPoints == null ? '—' : String(f.maxPoints).replace('.', ','),
            ]),
          ]),
        };
      }),
    ),
  );

  command('tree <dir>', 'In cây tiêu chí của kỳ đánh giá')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, o: { assessment?: string }) =>
        withCore(dir, true, async (core) => {
          const info = await call(core, 'workspace.info', {});
          const tree = await call(
            core,
            'criteria.tree',
            o.assessment ? { assessmentId: Number(o.assessment) } : {},
          );
          const codeOf = new Map(tree.nodes.map((n) => [n.id, n.code]));
          const a = tree.assessment;
          return {
            json: {
              assessment: {
                id: a.id,
                year: a.year,
                unit: info.unit?.name ?? null,
                framework: a.frameworkId,
              },
              nodes: tree.nodes.map((n) => ({
                code: n.code,
                title: n.title,
                level: n.level,
                parentCode: n.parentId == null ? null : (codeOf.get(n.parentId) ?? null),
                isLeaf: n.isLeaf,
                maxPoints: n.maxPoints == null ? null : n.maxPoints / 100,
                leadOffice: n.leadOffice,
              })),
            },
            text: [
              `${info.unit?.name ?? ''} — ${a.frameworkName} năm ${a.year}`,
              ...tree.nodes.map(
                (n) =>
                  `${'  '.repeat(n.level - 1)}${n.code} ${n.title}${n.maxPoints == null ? '' : ` (${formatPoints(n.maxPoints)} điểm)`}${n.leadOffice && !n.leadOfficeInherited ? ` — ${n.leadOffice}` : ''}`,
              ),
            ].join('\n'),
          };
        }),
      ),
    );

  command('verify <dir>', 'Kiểm tra cơ sở dữ liệu và băm lại mọi tệp đã lưu').action(
    run(async (dir: string) =>
      withCore(dir, true, async (core) => {
        const r = await call(core, 'workspace.verify', {});
        return {
          json: r,
          text: [
            `Cơ sở dữ liệu: ${r.database === 'ok' ? 'tốt' : r.database}`,
            `Tệp: đã kiểm tra ${r.files.checked}, thiếu ${r.files.missing}, hỏng ${r.files.corrupt}`,
            r.ok ? 'Kết quả: hồ sơ toàn vẹn.' : 'Kết quả: hồ sơ CÓ LỖI.',
          ].join('\n'),
          exitCode: r.ok ? 0 : 1,
        };
      }),
    ),
  );

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
    await program.parseAsync(argv, { from: 'user' });
    if (!runner) return 0;
    await (runner as Runner)(io, wantsJson);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return fail({ code: 'USAGE', message: vietnameseCommanderError(e.code, e.message) }, 2);
    }
    if ((e as { printed?: boolean }).printed) return (e as { exitCode: number }).exitCode;
    if (e instanceof CliError) return fail(e.error, e.exitCode);
    if (e instanceof CoreError) return fail({ code: e.code, message: e.message }, 1);
    return fail(toApiError(e), 1);
  }
}
