import { Alert, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { NodeScore } from '../../../shared/contract/scoring';
import type { NodeDetail } from '../../../shared/models';
import { formatPoints, parsePoints, PointsFormatError } from '../../../shared/points';
import { formatIndex, validateScore } from '../../../shared/scoring';
import { call, CallError } from '../../api';
import { vi } from '../../i18n/vi';
import type { CheckData } from './useCheck';
import { useCheck, useEffectiveKind } from './useCheck';

const t = vi.score;

/**
 * Score, "không chấm", giải trình and appraised score of one node. A valid score is applied to
 * the cached check input at once (tree, dashboard and roll-ups move as you type) and saved a
 * moment later; the core re-validates and a refusal puts the old value back with its message.
 */
export function NodeScorePanel({ node, assessmentId }: { node: NodeDetail; assessmentId: number }) {
  const { input } = useCheck(assessmentId);
  if (!input) return null;
  // Keyed by node: the fields start from the stored values when another node is opened, and
  // later refreshes (after each save) never fight what is being typed.
  return <ScoreForm key={node.id} node={node} assessmentId={assessmentId} />;
}

function ScoreForm({ node, assessmentId }: { node: NodeDetail; assessmentId: number }) {
  const { input, result } = useCheck(assessmentId);
  const queryClient = useQueryClient();
  const key = ['check.input', assessmentId];
  const stored = input?.scores.find((s) => s.nodeId === node.id) ?? null;
  const [selfText, setSelfText] = useState(() =>
    stored?.selfScore == null ? '' : formatPoints(stored.selfScore),
  );
  const [appraisedText, setAppraisedText] = useState(() =>
    stored?.appraised == null ? '' : formatPoints(stored.appraised),
  );
  const [lastYearText, setLastYearText] = useState(() =>
    stored?.lastYear == null ? '' : formatPoints(stored.lastYear),
  );
  const [reason, setReason] = useState(stored?.naReason ?? '');
  const [explanation, setExplanation] = useState(stored?.explanation ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const rollup = result?.rollup.get(node.id);
  const checkNode = input?.nodes.find((n) => n.id === node.id);
  const kind = useEffectiveKind(assessmentId, node);
  const applyLocally = (patch: Partial<NodeScore>) => {
    queryClient.setQueryData<CheckData>(key, (old) => {
      if (!old) return old;
      const base: NodeScore = old.scores.find((s) => s.nodeId === node.id) ?? {
        nodeId: node.id,
        selfScore: null,
        notApplicable: false,
        naReason: null,
        explanation: null,
        appraised: null,
        lastYear: null,
      };
      return {
        ...old,
        scores: [...old.scores.filter((s) => s.nodeId !== node.id), { ...base, ...patch }],
      };
    });
  };
  // Edits made within the debounce window are merged and sent together.
  const pending = useRef<Partial<NodeScore>>({});
  const save = (patch: Partial<NodeScore>, delay = 400) => {
    applyLocally(patch);
    pending.current = { ...pending.current, ...patch };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const send = pending.current;
      pending.current = {};
      setStatus('saving');
      call('score.set', { nodeId: node.id, ...send }).then(
        () => setStatus('saved'),
        (e: unknown) => {
          setError(e instanceof CallError ? e.message : String(e));
          setStatus('idle');
          void queryClient.invalidateQueries({ queryKey: key });
        },
      );
    }, delay);
  };
  const points = (text: string, what: string): number | null | undefined => {
    if (text.trim() === '') return null;
    try {
      const h = parsePoints(text);
      const problem = checkNode ? validateScore(checkNode, h, kind) : null;
      if (problem) {
        setError(`${what}: ${problem}`);
        return undefined;
      }
      return h;
    } catch (e) {
      setError(e instanceof PointsFormatError ? `${what}: ${e.message}` : String(e));
      return undefined;
    }
  };

  if (!node.isLeaf) {
    return (
      <Card size="small" title={t.title} style={{ marginTop: 12 }} data-testid="score-panel">
        {rollup && (
          <Typography.Text data-testid="score-rollup">
            {t.rollup(
              formatPoints(rollup.score),
              formatPoints(rollup.applicableMax),
              rollup.index === null ? '—' : formatIndex(rollup.index),
            )}
          </Typography.Text>
        )}
        <div>
          <Typography.Text type="secondary">{t.parentHint}</Typography.Text>
        </div>
      </Card>
    );
  }
  const na = stored?.notApplicable ?? false;
  return (
    <Card
      size="small"
      title={t.title}
      style={{ marginTop: 12 }}
      data-testid="score-panel"
      extra={
        <Typography.Text type="secondary">
          {status === 'saving' ? t.saving : status === 'saved' ? t.saved : ''}
        </Typography.Text>
      }
    >
      {kind === 'survey' && (
        <Alert type="info" showIcon message={t.survey} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical" component="div">
        <Space wrap align="start">
          <Form.Item
            label={t.self}
            extra={
              node.maxPoints === null
                ? undefined
                : kind === 'penalty'
                  ? t.maxPenalty(formatPoints(Math.abs(node.maxPoints)))
                  : t.max(formatPoints(node.maxPoints))
            }
          >
            {node.scoringOptions.length > 0 ? (
              <Select
                data-testid="score-option"
                style={{ minWidth: 320 }}
                placeholder={t.option}
                disabled={na}
                allowClear
                value={stored?.selfScore ?? undefined}
                onChange={(v: number | undefined) => {
                  setError(null);
                  setSelfText(v == null ? '' : formatPoints(v));
                  save({ selfScore: v ?? null }, 0);
                }}
                options={node.scoringOptions.map((o) => ({
                  // A penalty level may be stored as a positive deduction; it is scored negative.
                  value: kind === 'penalty' ? -Math.abs(o.points) : o.points,
                  label: t.optionLabel(
                    o.label,
                    formatPoints(kind === 'penalty' ? -Math.abs(o.points) : o.points),
                  ),
                }))}
              />
            ) : (
              <Input
                data-testid="score-input"
                style={{ width: 140 }}
                placeholder={t.placeholder}
                disabled={na}
                value={selfText}
                onChange={(e) => {
                  setSelfText(e.target.value);
                  setError(null);
                  const h = points(e.target.value, t.self);
                  if (h !== undefined) save({ selfScore: h });
                }}
              />
            )}
          </Form.Item>
          <Form.Item label={t.appraised} extra={t.appraisedHint}>
            <Input
              data-testid="appraised-input"
              style={{ width: 140 }}
              value={appraisedText}
              onChange={(e) => {
                setAppraisedText(e.target.value);
                setError(null);
                const h = points(e.target.value, t.appraised);
                if (h !== undefined) save({ appraised: h });
              }}
            />
          </Form.Item>
          <Form.Item label={t.lastYear} extra={t.lastYearHint}>
            <Input
              data-testid="last-year-input"
              style={{ width: 140 }}
              value={lastYearText}
              onChange={(e) => {
                setLastYearText(e.target.value);
                setError(null);
                const h = points(e.target.value, t.lastYear);
                if (h !== undefined) save({ lastYear: h });
              }}
            />
          </Form.Item>
        </Space>
        {node.mayBeNotApplicable && (
          <Form.Item>
            <Checkbox
              checked={na}
              data-testid="score-na"
              onChange={(e) => {
                setError(null);
                if (e.target.checked && !reason.trim()) {
                  applyLocally({ notApplicable: true });
                  setError(t.naReasonRequired);
                  return;
                }
                save(
                  {
                    notApplicable: e.target.checked,
                    naReason: reason.trim() || null,
                    ...(e.target.checked ? { selfScore: null } : {}),
                  },
                  0,
                );
              }}
            >
              {t.notApplicable}
            </Checkbox>
            {na && (
              <Input
                data-testid="score-na-reason"
                style={{ marginTop: 8 }}
                placeholder={t.naReasonPlaceholder}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  if (e.target.value.trim())
                    save(
                      { notApplicable: true, naReason: e.target.value.trim(), selfScore: null },
                      600,
                    );
                }}
              />
            )}
          </Form.Item>
        )}
        <Form.Item label={t.explanation}>
          <Input.TextArea
            data-testid="score-explanation"
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t.explanationPlaceholder}
            value={explanation}
            onChange={(e) => {
              setExplanation(e.target.value);
              save({ explanation: e.target.value || null }, 800);
            }}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="score-error" />}
    </Card>
  );
}
