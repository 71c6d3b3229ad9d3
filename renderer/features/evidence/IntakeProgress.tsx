import { Button, Progress } from 'antd';
import { vi } from '../../i18n/vi';
import type { IntakeState } from './useIntake';

const t = vi.evidence.intake;

/** The bar while files go in, with "Dừng". */
export function IntakeProgress({ state, onCancel }: { state: IntakeState; onCancel: () => void }) {
  const pct = state.total ? Math.floor((state.done / state.total) * 100) : 0;
  return (
    <div className="ev-progress" data-testid="intake-progress" role="status">
      <div className="ev-progress-line">
        <span>
          {state.stage === 'upload'
            ? t.uploading(state.done, state.total)
            : t.adding(state.done, state.total)}
        </span>
        <Button size="small" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
      <Progress percent={pct} size="small" status="active" />
      {state.label && <div className="ev-muted ev-ellipsis">{state.label}</div>}
    </div>
  );
}
