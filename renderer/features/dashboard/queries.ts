import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

/** The workspace settings (same cache entry as the settings screen's). */
export const useDashboardSettings = () =>
  useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });
