import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const useWorkspaceInfo = () =>
  useQuery({ queryKey: ['workspace.info'], queryFn: () => call('workspace.info', {}) });

export const useCriteriaTree = (assessmentId: number | null) =>
  useQuery({
    queryKey: ['criteria.tree', assessmentId],
    queryFn: () => call('criteria.tree', assessmentId ? { assessmentId } : {}),
    enabled: assessmentId !== null,
  });

export const useNodeDetail = (nodeId: number | null) =>
  useQuery({
    queryKey: ['criteria.node', nodeId],
    queryFn: () => call('criteria.node', { nodeId: nodeId! }),
    enabled: nodeId !== null,
  });
