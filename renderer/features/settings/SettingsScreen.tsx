import { Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { FilesCard } from './FilesCard';
import { OfficesCard } from './OfficesCard';
import { UnitCard } from './UnitCard';
import { UserCard } from './UserCard';

/** "Cài đặt": the assessed unit, its offices, who is working at this PC, file limits. */
export function SettingsScreen() {
  return (
    <div className="settings-screen" data-testid="settings-screen">
      <div className="settings-inner">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {vi.settings.title}
        </Typography.Title>
        <div className="settings-grid">
          <div>
            <UnitCard />
            <UserCard />
            <FilesCard />
          </div>
          <OfficesCard />
        </div>
      </div>
    </div>
  );
}
