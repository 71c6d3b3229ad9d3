import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/api';
import { call } from '../../api';

/** Reads of the evidence library; every view refreshes on the core's workspace.changed. */

export type ListFilters = Omit<Input<'evidence.list'>, 'offset' | 'limit'>;
const PAGE = 200;

export const useEvidenceList = (filters: ListFilters) =>
  useInfiniteQuery({
    queryKey: ['evidence.list', filters],
    queryFn: ({ pageParam }) =>
      call('evidence.list', { ...filters, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });

export const useNodeDocuments = (nodeId: number) =>
  useQuery({
    queryKey: ['evidence.nodeDocuments', nodeId],
    queryFn: () => call('evidence.nodeDocuments', { nodeId }),
  });

export const useEvidenceDetail = (documentId: number | null) =>
  useQuery({
    queryKey: ['evidence.get', documentId],
    queryFn: () => call('evidence.get', { documentId: documentId! }),
    enabled: documentId !== null,
  });

export const useEvidenceTrash = (enabled: boolean) =>
  useQuery({
    queryKey: ['evidence.trash'],
    queryFn: () => call('evidence.trash', { limit: 500 }),
    enabled,
  });

export const useIssuers = (query: string) =>
  useQuery({
    queryKey: ['evidence.issuers', query],
    queryFn: () => call('evidence.issuers', { query: query || undefined, limit: 15 }),
    placeholderData: keepPreviousData,
  });

export const useDocumentSearch = (search: string, enabled: boolean) =>
  useQuery({
    queryKey: ['evidence.list', 'pick', search],
    queryFn: () => call('evidence.list', { search: search || undefined, limit: 30 }),
    enabled,
    placeholderData: keepPreviousData,
  });
