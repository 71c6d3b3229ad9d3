import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api';
import { call } from '../../api';

type Content = Output<'evidence.content'>;

/**
 * A document's bytes for its preview. Not a cached query: every change in the workspace
 * refreshes queries, and the bytes of a document never change.
 */
export function useDocumentContent(documentId: number | null, enabled = true) {
  const [state, setState] = useState<{
    id: number | null;
    data: Content | null;
    bytes: Uint8Array | null;
    error: string | null;
  }>({ id: null, data: null, bytes: null, error: null });
  useEffect(() => {
    if (documentId === null || !enabled) return;
    let live = true;
    call('evidence.content', { documentId }).then(
      (data) => {
        if (!live) return;
        const bin = atob(data.base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        setState({ id: documentId, data, bytes, error: null });
      },
      (e: Error) => live && setState({ id: documentId, data: null, bytes: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [documentId, enabled]);
  return state.id === documentId ? state : { id: documentId, data: null, bytes: null, error: null };
}
