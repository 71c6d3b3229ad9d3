import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { NodeStatus } from '../../../shared/completeness';
import { vi } from '../../i18n/vi';

export interface RowStatus {
  status: NodeStatus;
  /** "0,5/1" when scored, "—/1" when not, "không chấm" when not applicable; null for trackers. */
  points: ReactNode;
}

const ICONS: Record<NodeStatus, { icon: typeof CheckCircleFilled; color: string }> = {
  complete: { icon: CheckCircleFilled, color: '#16a34a' },
  warning: { icon: ExclamationCircleFilled, color: '#d97706' },
  error: { icon: CloseCircleFilled, color: '#dc2626' },
  not_started: { icon: MinusCircleOutlined, color: '#9ca3af' },
  not_applicable: { icon: StopOutlined, color: '#9ca3af' },
};

/** The completeness status of a node as a small coloured icon with a Vietnamese tooltip. */
export function StatusIcon({ status }: { status: RowStatus | undefined }) {
  if (!status) return null;
  const { icon: Icon, color } = ICONS[status.status];
  return (
    <Icon
      className="status-icon"
      style={{ color }}
      title={vi.status[status.status]}
      aria-label={vi.status[status.status]}
      data-status={status.status}
    />
  );
}
