import { Button, Card, List, Tag, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { useCheck } from './useCheck';

const COLORS: Record<string, string> = { error: 'red', warning: 'orange', info: 'default' };

/** The node's own problems from the completeness check, each with a one-click way to fix it. */
export function NodeProblems({ nodeId, assessmentId }: { nodeId: number; assessmentId: number }) {
  const { result } = useCheck(assessmentId);
  const problems = result?.problems.filter((p) => p.nodeId === nodeId) ?? [];
  const jump = (testId: string) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    el?.querySelector<HTMLElement>('input, textarea, .ant-select-selector, button')?.focus();
  };
  const fix = (rule: string) => {
    if (rule === 'score.missing_evidence' || rule === 'evidence.slot_empty') {
      return { label: vi.problems.attach, go: () => jump('node-evidence') };
    }
    if (rule === 'score.missing_explanation')
      return { label: vi.problems.explain, go: () => jump('score-explanation') };
    if (rule.startsWith('score.'))
      return { label: vi.problems.score, go: () => jump('score-panel') };
    return null;
  };
  return (
    <Card
      size="small"
      title={vi.problems.title}
      style={{ marginTop: 12 }}
      data-testid="node-problems"
    >
      {problems.length === 0 ? (
        <Typography.Text type="secondary">{vi.problems.none}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={problems}
          renderItem={(p) => {
            const f = fix(p.rule);
            return (
              <List.Item
                extra={
                  f && (
                    <Button size="small" onClick={f.go}>
                      {f.label}
                    </Button>
                  )
                }
              >
                <Tag color={COLORS[p.severity]}>{vi.problems.severity[p.severity]}</Tag>
                {p.message}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
