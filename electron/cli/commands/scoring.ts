import { formatDateVi } from '../../../shared/dates';
import { formatPoints, parsePoints, PointsFormatError } from '../../../shared/points';
import { formatIndex } from '../../../shared/scoring';
import { localToday } from '../../core/scoring/input';
import { findNode } from '../codes';
import { CliError, table } from '../output';
import { call, withCore, type CliKit } from '../program';
import { previousAssessment } from '../../../shared/models';

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
    .option('--last-year <điểm>', 'Điểm năm trước của tiêu chí, để so sánh')
    .option('--assessment <id>', 'Số của kỳ đánh giá (mặc định: năm gần nhất)')
    .action(
      run(
        async (
          dir: string,
          code: string,
          value: string,
          o: {
            reason?: string;
            note?: string;
            appraised?: string;
            lastYear?: string;
            assessment?: string;
          },
        ) =>
          withCore(dir, false, async (core) => {
            const { node, code: shownCode } = await findNode(core, code, o.assessment);
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
              ...(o.lastYear !== undefined
                ? { lastYear: points(o.lastYear, 'Điểm năm trước') }
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
                lastYear: s.lastYear === null ? null : s.lastYear / 100,
              },
              text: `Đã chấm ${shownCode} ${node.title}: ${shown}${s.lastYear === null ? '' : ` (năm trước: ${formatPoints(s.lastYear)} điểm)`}.`,
            };
          }),
      ),
    );

  command(
    'copy-last-year <dir>',
    'Chép điểm năm trước từ kỳ đánh giá trước (điểm thẩm định, chưa có thì điểm tự đánh giá), khớp theo mã tiêu chí',
  )
    .option('--from <id>', 'Số của kỳ đánh giá để chép (mặc định: kỳ gần nhất trước năm đánh giá)')
    .option('--assessment <id>', 'Số của kỳ đánh giá nhận điểm (mặc định: năm gần nhất)')
    .action(
      run(async (dir: string, o: { from?: string; assessment?: string }) =>
        withCore(dir, false, async (core) => {
          const info = await call(core, 'workspace.info', {});
          const byId = (id: string, what: string) => {
            const a = info.assessments.find((x) => x.id === Number(id));
            if (!a)
              throw new CliError({
                code: 'NOT_FOUND',
                message: `Không có kỳ đánh giá số ${id} (${what}). Các kỳ trong hồ sơ: ${info.assessments.map((x) => `số ${x.id} năm ${x.year}`).join(', ')}.`,
              });
            return a;
          };
          const target = o.assessment
            ? byId(o.assessment, 'nhận điểm')
            : info.assessments.find((x) => x.id === info.currentAssessmentId);
          if (!target)
            throw new CliError({
              code: 'NOT_FOUND',
              message: 'Hồ sơ chưa có kỳ đánh giá nào.',
            });
          const source = o.from
            ? byId(o.from, 'để chép')
            : previousAssessment(info.assessments, target);
          if (!source)
            throw new CliError({
              code: 'NOT_FOUND',
              message: `Hồ sơ chưa có kỳ đánh giá nào trước năm ${target.year} để chép điểm năm trước. Hãy chỉ rõ kỳ cần chép bằng --from <số>, hoặc nhập từng điểm: hskc score <thư mục> <mã> <điểm> --last-year <điểm>.`,
            });
          if (source.id === target.id)
            throw new CliError({
              code: 'INVALID_INPUT',
              message: `Kỳ đánh giá để chép phải khác kỳ nhận điểm (số ${target.id} năm ${target.year}).`,
            });
          const r = await call(core, 'score.copyLastYear', {
            assessmentId: target.id,
            fromAssessmentId: source.id,
          });
          return {
            json: {
              assessmentId: target.id,
              year: target.year,
              fromAssessmentId: source.id,
              fromYear: source.year,
              matched: r.matched,
            },
            text:
              r.matched === 0
                ? `Không có điểm nào để chép: kỳ đánh giá năm ${source.year} chưa có tiêu chí nào được chấm trùng mã với năm ${target.year}.`
                : `Đã chép điểm năm ${source.year} vào cột “năm trước” của ${r.matched} tiêu chí năm ${target.year} (điểm thẩm định, chưa có thì điểm tự đánh giá).`,
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
