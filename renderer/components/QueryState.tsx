import { Alert, Button, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { vi } from '../i18n/vi';

/** Loading spinner or a Vietnamese error with a retry, else the children. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending && query.fetchStatus !== 'idle')
    return <Spin tip={vi.loading} style={{ margin: 24 }} />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        message={vi.errorTitle}
        description={query.error.message}
        action={<Button onClick={() => void query.refetch()}>{vi.retry}</Button>}
        style={{ margin: 16 }}
      />
    );
  }
  if (query.data === undefined) return null;
  return <>{children(query.data)}</>;
}
