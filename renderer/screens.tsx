import type { ReactNode } from 'react';
import type { Screen } from './app/route';
import { CriteriaScreen } from './features/criteria/CriteriaScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { GapScreen } from './features/gap/GapScreen';
import { LibraryScreen } from './features/evidence/LibraryScreen';
import { ExportScreen } from './features/export/ExportScreen';
import { vi } from './i18n/vi';

/** The screens in the header menu, in order; each feature adds its own entry here. */
export const SCREENS: { key: Screen; label: string; render: () => ReactNode }[] = [
  { key: 'dashboard', label: vi.nav.dashboard, render: () => <DashboardScreen /> },
  { key: 'criteria', label: vi.nav.criteria, render: () => <CriteriaScreen /> },
  { key: 'library', label: vi.nav.library, render: () => <LibraryScreen /> },
  { key: 'gap', label: vi.nav.gap, render: () => <GapScreen /> },
  { key: 'export', label: vi.nav.export, render: () => <ExportScreen /> },
  { key: 'settings', label: vi.nav.settings, render: () => <SettingsScreen /> },
];
