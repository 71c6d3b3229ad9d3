import {
  CheckCircleFilled,
  CloseCircleFilled,
  CopyOutlined,
  MinusCircleOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Alert } from 'antd';
import { vi } from '../../i18n/vi';
import type { IntakeRow, IntakeState } from './useIntake';

const t = vi.evidence.intake;

const ICON = {
  added: <CheckCircleFilled className="ev-ok" />,
  duplicate: <CopyOutlined className="ev-info" />,
  refused: <CloseCircleFilled className="ev-bad" />,
  skipped: <MinusCircleOutlined className="ev-muted" />,
};

/** What went in, what was already there (and linked), what was refused and why. */
export function IntakeSummary({ state, onClose }: { state: IntakeState; onClose: () => void }) {
  const count = (s: IntakeRow['status']) => state.rows.filter((r) => r.status === s).length;
  const added = count('added');
  const dup = count('duplicate');
  const refused = count('refused');
  const skipped = count('skipped');
  const parts = [
    added ? t.sumAdded(added) : null,
    dup ? t.sumDuplicate(dup) : null,
    refused ? t.sumRefused(refused) : null,
    skipped ? t.sumSkipped(skipped) : null,
  ].filter(Boolean);
  // Refusals, duplicates and files with remarks get a line each; added files without remarks
  // and files left out by "Dừng" are counted in the title only.
  const listed = state.rows.filter(
    (r) => r.status === 'refused' || r.status === 'duplicate' || r.warnings.length > 0,
  );
  return (
    <Alert
      data-testid="intake-summary"
      type={refused ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      title={parts.join(' · ') || t.sumNothing}
      description={
        !state.cancelled && state.pendingAnalysis === 0 && listed.length === 0 ? undefined : (
          <>
            {state.cancelled && <div>{t.cancelled}</div>}
            {state.pendingAnalysis > 0 && <div>{t.pending(state.pendingAnalysis)}</div>}
            {listed.length > 0 && (
              <ul className="ev-summary-list">
                {listed.slice(0, 200).map((r, i) => (
                  <li key={i} data-status={r.status}>
                    {ICON[r.status]}
                    <span className="ev-summary-name">{r.path}</span>
                    {r.nodeCode && <span className="ev-muted"> → {r.nodeCode}</span>}
                    <div className="ev-summary-reason">
                      {r.reason}
                      {r.warnings.map((w) => (
                        <div key={w} className="ev-warn-line">
                          <WarningFilled className="ev-warn" /> {w}
                        </div>
                      ))}
                    </div>
                  </li>
                ))}
                {listed.length > 200 && <li>{t.more(listed.length - 200)}</li>}
              </ul>
            )}
          </>
        )
      }
    />
  );
}
