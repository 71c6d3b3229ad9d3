import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import type { FileProblem, UnitLevel, VerifyReport } from '../../../shared/models';
import { defaultOffices } from '../../core/org';
import { toApiError } from '../../core/dispatch';
import { describeZodError } from '../../core/validation';
import { api } from '../../../shared/api';
import { CoreError } from '../../core/errors';
import { verifyStoreOnly, verifyWorkspace } from '../../core/verify';
import { DB_FILE, openWorkspace, type Workspace } from '../../core/workspace';
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
      new Option('--level <cấp>', 'Cấp của đơn vị (mặc định: cấp của bộ tiêu chí)').choices([
        'xa',
        'so',
        'huyen',
        'tinh',
      ]),
    )
    .option('--parent-body <tên>', 'Cơ quan chủ quản, ví dụ "UBND TỈNH LẠNG SƠN"')
    .option('--place <địa danh>', 'Địa danh ghi trên văn bản')
    .option(
      '--offices <danh sách>',
      'Các phòng ban, cách nhau bởi dấu chấm phẩy; phòng đầu tiên là đầu mối (mặc định: danh sách gợi ý theo cấp)',
    )
    .action(
      run(
        async (
          dir: string,
          o: {
            framework: string;
            year: string;
            unit: string;
            level?: UnitLevel;
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
          // The framework decides the defaults (its level); an unknown framework or an empty
          // skeleton is refused before any folder is created.
          const frameworks = await withCore(undefined, true, (core) =>
            call(core, 'frameworks.list', {}),
          );
          const framework = frameworks.find((f) => f.id === o.framework);
          if (!framework) {
            throw new CliError({
              code: 'NOT_FOUND',
              message: `Không có bộ tiêu chí “${o.framework}”. Các bộ có sẵn: ${frameworks.map((f) => f.id).join(', ')}.`,
            });
          }
          if (framework.nodes === 0) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Bộ tiêu chí “${framework.id}” mới là khung, chưa có lĩnh vực hay tiêu chí nào. Hãy nhập bảng tiêu chí chính thức: hskc import-criteria <thư mục> <tệp .xlsx hoặc .docx> --unit "<tên đơn vị>".`,
            });
          }
          const level: UnitLevel = o.level ?? framework.level;
          const offices = o.offices
            ? o.offices
                .split(';')
                .map((s) => s.trim())
                .filter(Boolean)
            : defaultOffices(level).names;
          const input = {
            frameworkId: o.framework,
            year,
            unit: { name: o.unit, level, parentBody: o.parentBody ?? null, place: o.place ?? null },
            offices,
          };
          // Checked before the folder is created, so a typo leaves nothing behind.
          const checked = api['workspace.init'].input.safeParse(input);
          if (!checked.success) {
            throw new CliError({
              code: 'INVALID_INPUT',
              message: describeZodError(checked.error),
            });
          }
          return withCore(dir, false, async (core) => {
            const info = await call(core, 'workspace.init', input);
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
              f.nodes === 0 ? '0 (khung trống, cần nhập)' : String(f.nodes),
              f.maxPoints == null ? '—' : formatPoints(Math.round(f.maxPoints * 100)),
            ]),
          ]),
        };
      }),
    ),
  );

  command('verify <dir>', 'Kiểm tra cơ sở dữ liệu và băm lại mọi tệp đã lưu').action(
    run(async (dir: string) => {
      const { report: r, saved, notSaved } = await verifyFolder(path.resolve(dir));
      const named = (p: FileProblem) =>
        p.documents.length
          ? p.documents.map((d) => `tài liệu #${d.id} “${d.name}”`).join(', ')
          : r.database === 'ok'
            ? `tệp ${p.sha256.slice(0, 12)}… (không gắn với tài liệu nào)`
            : `tệp ${p.sha256.slice(0, 12)}… (không đọc được cơ sở dữ liệu để biết của tài liệu nào)`;
      return {
        // The documented shape, plus which documents failed (fields may be added).
        json: {
          ...r,
          // Whether the statuses were recorded for `hskc check` (false: e.g. the app held the lock).
          saved,
        },
        text: [
          `Cơ sở dữ liệu: ${r.database === 'ok' ? 'tốt' : r.database}`,
          `Tệp: đã kiểm tra ${r.files.checked}, thiếu ${r.files.missing}, hỏng ${r.files.corrupt}`,
          ...r.problems.map((p) => `  ${p.status === 'missing' ? 'Thiếu' : 'Hỏng'}: ${named(p)}`),
          r.ok ? 'Kết quả: hồ sơ toàn vẹn.' : 'Kết quả: hồ sơ CÓ LỖI.',
          ...(notSaved ? [notSaved] : []),
        ].join('\n'),
        exitCode: r.ok ? 0 : 1,
      };
    }),
  );
}

const noContext = { signal: new AbortController().signal, progress: () => {} };

const NOT_SAVED = {
  locked:
    'Lưu ý: hồ sơ đang được mở ở cửa sổ khác (hoặc một lệnh hskc khác) nên kết quả kiểm tra không được lưu; “hskc check” chỉ báo tệp hỏng sau khi chạy lại lệnh này lúc hồ sơ đã đóng.',
  readOnly:
    'Lưu ý: không ghi được vào thư mục hồ sơ nên kết quả kiểm tra không được lưu; “hskc check” sẽ chưa báo các tệp hỏng.',
};

/**
 * Opens the workspace to record what it finds (file_status, read by the completeness check),
 * through the same core code as the contract's workspace.verify. When the app or another
 * command holds the write lock, or the folder cannot be written, it still checks, read-only,
 * and says in one line that nothing was recorded.
 */
function openForVerify(dir: string): { ws: Workspace; notSaved: string | null } {
  let notSaved = NOT_SAVED.readOnly;
  if (existsSync(path.join(dir, DB_FILE))) {
    try {
      return { ws: openWorkspace(dir), notSaved: null };
    } catch (e) {
      if (!canFallBack(e)) throw e;
      if (e instanceof CoreError && e.code === 'WORKSPACE_LOCKED') notSaved = NOT_SAVED.locked;
    }
  }
  return { ws: openWorkspace(dir, { readOnly: true }), notSaved };
}

/** Failures of the writable open that a read-only open may get past. */
function canFallBack(e: unknown): boolean {
  if (e instanceof CoreError) return e.code === 'WORKSPACE_LOCKED' || e.code === 'DB_CORRUPT';
  const code = (e as { code?: string }).code ?? '';
  return ['EACCES', 'EPERM', 'EROFS', 'EBUSY'].includes(code) || code.startsWith('SQLITE_');
}

/**
 * Verifies beside the contract's workspace.verify: a database that cannot be read is a finding
 * (`database` names it) rather than an error. `notSaved` is the
 * line to print when the statuses could not be recorded (null when they were, or when the
 * database could not be read at all).
 */
async function verifyFolder(
  dir: string,
): Promise<{ report: VerifyReport; saved: boolean; notSaved: string | null }> {
  let opened: ReturnType<typeof openForVerify>;
  try {
    opened = openForVerify(dir);
  } catch (e) {
    if (e instanceof CoreError && e.code === 'DB_CORRUPT') {
      return {
        report: await verifyStoreOnly(dir, e.message, noContext),
        saved: false,
        notSaved: null,
      };
    }
    throw new CliError(toApiError(e));
  }
  const { ws, notSaved } = opened;
  try {
    const report = await verifyWorkspace(ws, noContext);
    return { report, saved: !ws.readOnly, notSaved };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw new CliError(toApiError(e));
    return {
      report: await verifyStoreOnly(
        dir,
        'Tệp cơ sở dữ liệu của hồ sơ bị hỏng hoặc không phải là cơ sở dữ liệu.',
        noContext,
      ),
      saved: false,
      notSaved: null,
    };
  } finally {
    ws.close();
  }
}
