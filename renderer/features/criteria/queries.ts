import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

/** Duplicate codes and sums that do not add up (warnings, never refusals). */
export const useTreeWarnings = (assessmentId: number | null) =>
  useQuery({
    queryKey: ['criteria.validate', assessmentId],
    queryFn: () => call('criteria.validate', { assessmentId: assessmentId! }),
    enabled: assessmentId !== null,
  });

export const useTrash = (assessmentId: number | null, enabled: boolean) =>
  useQuery({
    queryKey: ['criteria.trash', assessmentId],
    queryFn: () => call('criteria.trash', { assessmentId: assessmentId! }),
    enabled: enabled && assessmentId !== null,
  });

export const useCanReplace = (assessmentId: number | null) =>
  useQuery({
    queryKey: ['criteria.canReplace', assessmentId],
    queryFn: () => call('criteria.canReplace', { assessmentId: assessmentId! }),
    enabled: assessmentId !== null,
  });
