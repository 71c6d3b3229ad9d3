import { Option } from 'commander';
import { formatPoints } from '../../../shared/points';
import { CliError, table } from '../output';
import { call, withCore, type CliKit } from '../program';

export function workspaceCommands({ command, run }: CliKit): void {
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
          if (!/^\d{4}$/.test(o.year)) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Năm “${o.year}” không hợp lệ (ví dụ: 2026).`,
            });
          }
          const year = Number(o.year);
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
          json: list,
          text: table([
            ['Mã', 'Tên', 'Số mục', 'Điểm'],
            ...list.map((f) => [
              f.id,
              f.name,
              String(f.nodes),
              f.maxPoints == null ? '—' : formatPoints(Math.round(f.maxPoints * 100)),
            ]),
          ]),
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
}
