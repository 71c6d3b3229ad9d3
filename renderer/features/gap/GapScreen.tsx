import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { GapAnalysis } from '../../../shared/contract/scoring';
import {
  gapAreaFigures,
  gapTotals,
  notApplicableByArea,
  unscoredByArea,
  type NotApplicableItem,
} from '../../../shared/gap-view';
import { formatPoints, type Hundredths } from '../../../shared/points';
import { formatIndex } from '../../../shared/scoring';
import { call } from '../../api';
import { useApp } from '../../app/context';
import { QueryState } from '../../components/QueryState';
import { downloadBase64 } from '../../files';
import { vi } from '../../i18n/vi';
import { useCheck } from '../scoring/useCheck';
import { previousAssessment } from '../../../shared/models';

const t = vi.gap;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Area = GapAnalysis['areas'][number];
type Loser = Area['losers'][number];

const pts = (h: Hundredths | null) => (h === null ? '—' : formatPoints(h));
const signed = (h: Hundredths | null) =>
  h === null ? '—' : h > 0 ? `+${formatPoints(h)}` : formatPoints(h);
const changeClass = (h: Hundredths | null) =>
  h === null || h === 0 ? undefined : h > 0 ? 'gap-up' : 'gap-down';

const useGapAnalysis = (assessmentId: number | null) =>
  useQuery({
    queryKey: ['gap.analysis', assessmentId],
    queryFn: () => call('gap.analysis', assessmentId ? { assessmentId } : {}),
    enabled: assessmentId !== null,
  });

/**
 * "Phân tích điểm" (seed 001, section II): per area the applicable maximum, self-score,
 * appraised score and last year's, and the sub-criteria that lost points, with their office
 * and giải trình, so the coordinator can say what to fix next year and whose it is.
 */
export function GapScreen() {
  const { assessment } = useApp();
  const gap = useGapAnalysis(assessment?.id ?? null);
  if (!assessment) return <div className="gap-page" />;
  if (!assessment.scored) {
    return (
      <div className="gap-page">
        <Empty description={t.notScored} />
      </div>
    );
  }
  return (
    <div className="gap-page" data-testid="gap">
      <QueryState query={gap}>{(g) => <GapView gap={g} assessmentId={assessment.id} />}</QueryState>
    </div>
  );
}

function GapView({ gap, assessmentId }: { gap: GapAnalysis; assessmentId: number }) {
  const { navigate, info } = useApp();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const current = info.assessments.find((a) => a.id === assessmentId);
  const previous = current ? previousAssessment(info.assessments, current) : null;
  const check = useCheck(assessmentId);
  const { notApplicable, unscored } = useMemo(
    () =>
      check.input && check.result
        ? {
            notApplicable: notApplicableByArea(check.input, check.result.rollup),
            unscored: unscoredByArea(check.input, check.result.rollup),
          }
        : {
            notApplicable: new Map<number, NotApplicableItem[]>(),
            unscored: new Map<number, number>(),
          },
    [check.input, check.result],
  );
  let unscoredTotal = 0;
  for (const v of unscored.values()) unscoredTotal += v;
  const totals = useMemo(() => gapTotals(gap), [gap]);
  const open = (nodeId: number) => navigate({ screen: 'criteria', nodeId });

  const exportXlsx = useMutation({
    mutationFn: () => call('gap.exportXlsx', { assessmentId }),
    onSuccess: (r) => {
      downloadBase64(r.fileName, r.base64, XLSX_MIME);
      void message.success(t.exported(r.fileName));
    },
    onError: (e) => void message.error(e.message),
  });
  const copyLastYear = useMutation({
    mutationFn: (from: { id: number; year: number }) =>
      call('score.copyLastYear', { assessmentId, fromAssessmentId: from.id }),
    onSuccess: (r, from) => {
      void queryClient.invalidateQueries({ queryKey: ['gap.analysis', assessmentId] });
      void queryClient.invalidateQueries({ queryKey: ['check.input', assessmentId] });
      if (r.matched > 0) void message.success(t.copied(r.matched, from.year));
      else void message.warning(t.copied(0, from.year));
    },
    onError: (e) => void message.error(e.message),
  });

  const hasScores = gap.total.selfScore !== null;
  const hasAppraised = gap.total.appraised !== null;
  const hasLastYear = gap.total.lastYear !== null;

  const columns: ColumnsType<Area> = [
    {
      key: 'area',
      title: t.colArea,
      render: (_, a) => (
        <span className="gap-area" data-code={a.code}>
          <span className="code">{a.code}</span> {a.title}
        </span>
      ),
    },
    {
      key: 'max',
      title: <Tooltip title={t.colMaxHint}>{t.colMax}</Tooltip>,
      align: 'right',
      width: 136,
      render: (_, a) =>
        a.applicableMax === a.max
          ? formatPoints(a.max)
          : t.maxOf(formatPoints(a.applicableMax), formatPoints(a.max)),
    },
    {
      key: 'self',
      title: t.colSelf,
      align: 'right',
      width: 104,
      render: (_, a) => pts(a.selfScore),
    },
    {
      key: 'unscored',
      title: <Tooltip title={t.colUnscoredHint}>{t.colUnscored}</Tooltip>,
      align: 'right',
      width: 96,
      render: (_, a) => {
        const u = unscored.get(a.nodeId) ?? 0;
        return <span className={u > 0 ? 'gap-muted' : undefined}>{formatPoints(u)}</span>;
      },
    },
    {
      key: 'appraised',
      title: t.colAppraised,
      align: 'right',
      width: 96,
      render: (_, a) => {
        const diff = gapAreaFigures(a).appraisalDiff;
        return (
          <span className={diff !== null && diff < 0 ? 'gap-down' : undefined}>
            {pts(a.appraised)}
          </span>
        );
      },
    },
    {
      key: 'last',
      title: t.colLastYear,
      align: 'right',
      width: 96,
      render: (_, a) => pts(a.lastYear),
    },
    {
      key: 'change',
      title: t.colChange,
      align: 'right',
      width: 140,
      render: (_, a) => {
        const c = gapAreaFigures(a).changeFromLastYear;
        return <span className={changeClass(c)}>{signed(c)}</span>;
      },
    },
    {
      key: 'lost',
      title: <Tooltip title={t.colLostHint}>{t.colLost}</Tooltip>,
      align: 'right',
      width: 104,
      render: (_, a) => {
        const lost = gapAreaFigures(a).lost;
        return <span className={lost > 0 ? 'gap-lost' : undefined}>{formatPoints(lost)}</span>;
      },
    },
    {
      key: 'losers',
      title: t.colLosers,
      align: 'right',
      width: 132,
      render: (_, a) => a.losers.length,
    },
  ];

  return (
    <>
      <div className="gap-head">
        <div>
          <Typography.Title level={3} className="dash-title">
            {t.title}
          </Typography.Title>
          <div className="dash-subtitle">{t.subtitle(gap.year)}</div>
        </div>
        <Space wrap>
          {previous ? (
            <Popconfirm
              title={t.copyConfirmTitle(previous.year)}
              description={<div className="gap-confirm">{t.copyConfirm}</div>}
              okText={t.copyOk}
              cancelText={t.copyCancel}
              onConfirm={() => copyLastYear.mutate(previous)}
            >
              <Button
                icon={<HistoryOutlined />}
                loading={copyLastYear.isPending}
                data-testid="gap-copy-last-year"
              >
                {t.copyLastYear}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              icon={<HistoryOutlined />}
              onClick={() => void message.info(t.noPrevious)}
              data-testid="gap-copy-last-year"
            >
              {t.copyLastYear}
            </Button>
          )}
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={exportXlsx.isPending}
            onClick={() => exportXlsx.mutate()}
            data-testid="gap-export"
          >
            {t.exportXlsx}
          </Button>
        </Space>
      </div>

      {!hasScores && <Alert type="warning" showIcon className="dash-note" message={t.noScores} />}
      {!hasAppraised && (
        <Alert
          type="info"
          showIcon
          className="dash-note"
          message={t.noAppraised}
          data-testid="gap-no-appraised"
        />
      )}
      {!hasLastYear && hasScores && <div className="gap-muted dash-note">{t.noLastYear}</div>}

      <Table<Area>
        data-testid="gap-table"
        className="gap-table"
        size="middle"
        columns={columns}
        dataSource={gap.areas}
        rowKey="nodeId"
        pagination={false}
        rowClassName={(a) =>
          a.losers.length > 0 || notApplicable.has(a.nodeId) ? 'dash-clickable' : ''
        }
        expandable={{
          expandRowByClick: true,
          rowExpandable: (a) => a.losers.length > 0 || notApplicable.has(a.nodeId),
          expandedRowRender: (a) => (
            <AreaDetail area={a} na={notApplicable.get(a.nodeId) ?? []} onOpen={open} />
          ),
        }}
        summary={() => (
          <Table.Summary.Row className="gap-total">
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>{t.total}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {gap.total.applicableMax === gap.total.max
                ? formatPoints(gap.total.max)
                : t.maxOf(formatPoints(gap.total.applicableMax), formatPoints(gap.total.max))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <span data-testid="gap-total-self">{pts(gap.total.selfScore)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <span data-testid="gap-total-unscored">{formatPoints(unscoredTotal)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <span data-testid="gap-total-appraised">{pts(gap.total.appraised)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {pts(gap.total.lastYear)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <span className={changeClass(totals.changeFromLastYear)}>
                {signed(totals.changeFromLastYear)}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              <span
                className={totals.lost > 0 ? 'gap-lost' : undefined}
                data-testid="gap-total-lost"
              >
                {formatPoints(totals.lost)}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right">
              {totals.losers}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {hasScores && (
        <div className="gap-index" data-testid="gap-index">
          {t.indexLine(
            totals.selfIndex === null ? '—' : formatIndex(totals.selfIndex),
            totals.appraisedIndex === null ? null : formatIndex(totals.appraisedIndex),
          )}
        </div>
      )}
    </>
  );
}

/** Inside an area: the sub-criteria that lost points, then the items not scored. */
function AreaDetail({
  area,
  na,
  onOpen,
}: {
  area: Area;
  na: NotApplicableItem[];
  onOpen: (nodeId: number) => void;
}) {
  const columns: ColumnsType<Loser> = [
    {
      key: 'code',
      title: t.colCode,
      width: 72,
      render: (_, l) => (
        <span className="code" data-code={l.code}>
          {l.code}
        </span>
      ),
    },
    { key: 'title', title: t.colTitle, render: (_, l) => l.title },
    {
      key: 'max',
      title: t.colMax,
      align: 'right',
      width: 92,
      render: (_, l) => formatPoints(l.applicableMax),
    },
    {
      key: 'self',
      title: t.colSelf,
      align: 'right',
      width: 108,
      render: (_, l) => pts(l.selfScore),
    },
    {
      key: 'appraised',
      title: t.colAppraised,
      align: 'right',
      width: 92,
      render: (_, l) => pts(l.appraised),
    },
    {
      key: 'lost',
      title: t.colLost,
      align: 'right',
      width: 96,
      render: (_, l) => <span className="gap-lost">{formatPoints(l.lost)}</span>,
    },
    {
      key: 'office',
      title: t.colOffice,
      width: 200,
      render: (_, l) => l.office ?? <span className="gap-muted">{t.noLead}</span>,
    },
    {
      key: 'reason',
      title: t.colReason,
      width: 260,
      render: (_, l) =>
        l.explanation ?? l.naReason ?? <span className="gap-muted">{t.noExplanation}</span>,
    },
  ];
  return (
    <div className="gap-detail" data-testid={`gap-detail-${area.code}`}>
      {area.losers.length > 0 && (
        <>
          <div className="gap-detail-title">{t.losersTitle}</div>
          <Table<Loser>
            size="small"
            columns={columns}
            dataSource={area.losers}
            rowKey="nodeId"
            pagination={area.losers.length > 20 ? { pageSize: 20, size: 'small' } : false}
            rowClassName={() => 'dash-clickable'}
            onRow={(l) => ({
              tabIndex: 0,
              title: t.openNode,
              onClick: () => onOpen(l.nodeId),
              onKeyDown: (e) => {
                if (e.key === 'Enter') onOpen(l.nodeId);
              },
            })}
          />
        </>
      )}
      {na.length > 0 && (
        <>
          <div className="gap-detail-title">{t.naTitle}</div>
          <ul className="gap-na">
            {na.map((n) => (
              <li key={n.nodeId}>
                <button type="button" className="dash-link" onClick={() => onOpen(n.nodeId)}>
                  <span className="code">{n.code}</span> {n.title}
                </button>{' '}
                <span className="gap-muted">({t.naItem(formatPoints(n.max))})</span>
                {': '}
                {n.reason ?? <span className="gap-down">{t.naNoReason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
