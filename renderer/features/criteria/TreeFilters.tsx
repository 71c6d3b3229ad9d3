import { Alert, Button, Space, Switch, Typography } from 'antd';
import { vi } from '../../i18n/vi';

const t = vi.criteriaTools;

/** "Việc của tôi" and "Chọn nhiều mục" under the search box, with the bulk-assign bar. */
export function TreeFilters({
  mine,
  onMine,
  officeName,
  onOpenSettings,
  multi,
  onMulti,
  checked,
  onAssign,
  onClear,
}: {
  mine: boolean;
  onMine: (on: boolean) => void;
  /** The user's office from settings, or null when none is set. */
  officeName: string | null;
  onOpenSettings: () => void;
  multi: boolean;
  onMulti: (on: boolean) => void;
  checked: number;
  onAssign: () => void;
  onClear: () => void;
}) {
  return (
    <div className="tree-filters">
      <Space size={16} wrap>
        <label className="switch-label">
          <Switch size="small" checked={mine} onChange={onMine} data-testid="my-work" />
          {t.myWork}
        </label>
        <label className="switch-label">
          <Switch size="small" checked={multi} onChange={onMulti} data-testid="multi-select" />
          {t.multiSelect}
        </label>
      </Space>
      {mine && officeName && (
        <Typography.Text type="secondary" className="filter-hint">
          {t.myWorkHint(officeName)}
        </Typography.Text>
      )}
      {mine && !officeName && (
        <Alert
          type="info"
          showIcon
          className="filter-alert"
          data-testid="my-work-no-office"
          title={t.myWorkNoOffice}
          action={
            <Button size="small" onClick={onOpenSettings}>
              {t.openSettings}
            </Button>
          }
        />
      )}
      {multi && (
        <div className="bulk-bar" data-testid="bulk-bar">
          <Typography.Text>{checked ? t.checked(checked) : t.checkHint}</Typography.Text>
          {checked > 0 && (
            <Space size={4}>
              <Button size="small" type="primary" onClick={onAssign}>
                {t.assignChecked}
              </Button>
              <Button size="small" onClick={onClear}>
                {t.clearChecked}
              </Button>
            </Space>
          )}
        </div>
      )}
    </div>
  );
}
