import { useQuery } from '@tanstack/react-query';
import type { UnitLevel } from '../../../shared/models';
import { call } from '../../api';

export const useSettings = () =>
  useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });

export const useOfficeDefaults = (level: UnitLevel) =>
  useQuery({
    queryKey: ['offices.defaults', level],
    queryFn: () => call('offices.defaults', { level }),
  });
