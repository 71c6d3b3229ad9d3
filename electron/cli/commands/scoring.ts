import { formatDateVi } from '../../../shared/dates';
import { formatPoints, parsePoints, PointsFormatError } from '../../../shared/points';
import { formatIndex } from '../../../shared/scoring';
import { localToday } from '../../core/scoring/input';
import { nodeByCode } from '../codes';
import { CliError, table } from '../output';
import { call, withCore, type CliKit } from '../program';

const pts = (n: number) => formatPoints(Math.round(n * 100));

function points(text: string, what: string): number {
  try {
    return parsePoints(text);
  } catch (e) {
    if (e instanceof PointsFormatError)
      throw new CliError({ code: 'INVALID_INPUT', message: `${what}: ${e.message}` });
    throw e;
  }
}

export function scoringCommands({ command, run }: CliKit): void {
  command(
    'score <dir> <code> <points>',
    'Chấm điểm tự đánh giá một tiêu chí (0,5 hoặc 0.5; "na" = không chấm)',
  )
    .option('--reason <lý do>', 'Lý do không chấm (bắt buộc với "na")')
    .option('--note <giải trình>', 'Giải trình điểm')
    .option('--appraised <điểm>', 'Điểm thẩm định (khi có kết quả)')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(
        async (
          dir: string,
          code: string,
          value: string,
          o: { reason?: string; note?: string; appraised?: string; assessment?: string },
        ) =>
          withCore(dir, false, async (core) => {
            const tree = await call(
              core,
              'criteria.tree',
              o.assessment ? { assessmentId: Number(o.assessment) } : {},
            );
            const { node, code: shownCode } = nodeByCode(tree, code);
            const na = value.trim().toLowerCase() === 'na';
            const s = await call(core, 'score.set', {
              nodeId: node.id,
              ...(na
                ? { notApplicable: true, selfScore: null, naReason: o.reason ?? null }
                : { notApplicable: false, selfScore: points(value, 'Điểm') }),
              ...(o.note !== undefined ? { explanation: o.note } : {}),
              ...(o.appraised !== undefined
                ? { appraised: points(o.appraised, 'Điểm thẩm định') }
                : {}),
            });
            // A deduction reads "-1 điểm (trừ tối đa 1 điểm)", not "-1/1".
            const shown = s.notApplicable
              ? `không chấm (${s.naReason})`
              : node.kind === 'penalty'
                ? `${formatPoints(s.selfScore ?? 0)} điểm${node.maxPoints === null ? '' : ` (trừ tối đa ${formatPoints(Math.abs(node.maxPoints))} điểm)`}`
                : `${formatPoints(s.selfScore ?? 0)}/${formatPoints(node.maxPoints ?? 0)} điểm`;
            return {
              json: {
                code: shownCode,
                ...s,
                selfScore: s.selfScore === null ? null : s.selfScore / 100,
                appraised: s.appraised === null ? null : s.appraised / 100,
              },
              text: `Đã chấm ${shownCode} ${node.title}: ${shown}.`,
            };
          }),
      ),
    );

  command('check <dir>', 'Kiểm tra hồ sơ: điểm, tài liệu còn thiếu, điểm có nguy cơ bị trừ')
    .option('--strict', 'Thoát với mã 1 khi còn lỗi')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, o: { strict?: boolean; assessment?: string }) =>
        withCore(dir, true, async (core) => {
          const r = await call(
            core,
            'check.run',
            o.assessment ? { assessmentId: Number(o.assessment) } : {},
          );
          const s = r.summary;
          const severity = { error: 'LỖI', warning: 'Cảnh báo', info: 'Lưu ý' } as const;
          const text = [
            `Điểm tự đánh giá: ${pts(s.score)}/${pts(s.applicableMax)} — chỉ số ${s.index === null ? '—' : formatIndex(s.index)}`,
            `Tiêu chí thành phần: ${s.complete}/${s.leaves} hoàn thành (${s.percent}%); ${s.errors} lỗi, ${s.warnings} cảnh báo; điểm có nguy cơ bị trừ: ${pts(s.pointsAtRisk)}`,
            '',
            table([
              ['Lĩnh vực', 'Điểm', 'Hoàn thành', 'Lỗi', 'Nguy cơ'],
              ...r.byArea.map((a) => [
                `${a.code} ${a.title.slice(0, 50)}`,
                `${pts(a.score)}/${pts(a.applicableMax)}`,
                `${a.percent}%`,
                String(a.errors),
                pts(a.pointsAtRisk),
              ]),
            ]),
            '',
            ...r.problems
              .filter((p) => p.severity !== 'info')
              .map((p) => `${severity[p.severity]}: ${p.message}`),
            `(Kiểm tra ngày ${formatDateVi(localToday())})`,
          ].join('\n');
          return { json: r, text, exitCode: o.strict && s.errors > 0 ? 1 : 0 };
        }),
      ),
    );
}
