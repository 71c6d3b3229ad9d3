import type { ReactNode } from 'react';
import type { Screen } from './app/route';
import { CriteriaScreen } from './features/criteria/CriteriaScreen';
import { vi } from './i18n/vi';

/** The screens in the header menu, in order; each feature adds its own entry here. */
export const SCREENS: { key: Screen; label: string; render: () => ReactNode }[] = [
  { key: 'criteria', label: vi.nav.criteria, render: () => <CriteriaScreen /> },
];
