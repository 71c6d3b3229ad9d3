import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { checkCompleteness, type CompletenessResult } from '../../../shared/completeness';
import type { CheckInputSchema } from '../../../shared/contract/scoring';
import type { z } from 'zod';
import { call } from '../../api';
import type { NodeKind } from '../../../shared/framework';

export type CheckData = z.infer<typeof CheckInputSchema>;

export const useCheckInput = (assessmentId: number | null) =>
  useQuery({
    queryKey: ['check.input', assessmentId],
    queryFn: () => call('check.input', assessmentId ? { assessmentId } : {}),
    enabled: assessmentId !== null,
  });

/**
 * The completeness check, run here in the page: the core sends the plain data once and every
 * score typed re-runs the same pure rules the CLI and export use, with no round trip.
 */
export function useCheck(assessmentId: number | null): {
  input: CheckData | undefined;
  result: CompletenessResult | undefined;
  isPending: boolean;
  error: Error | null;
} {
  const q = useCheckInput(assessmentId);
  const result = useMemo(() => (q.data ? checkCompleteness(q.data) : undefined), [q.data]);
  return { input: q.data, result, isPending: q.isPending, error: q.error };
}

/**
 * The kind a node scores as: the check's roll-up gives a 'self' row under a penalty, bonus or
 * survey group that group's kind, exactly as the core validates it.
 */
export function useEffectiveKind(
  assessmentId: number | null,
  node: { id: number; kind: NodeKind },
): NodeKind {
  const { result } = useCheck(assessmentId);
  return result?.rollup.get(node.id)?.kind ?? node.kind;
}
