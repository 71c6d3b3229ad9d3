import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../shared/api';
import { call } from '../../api';

/**
 * One core call as a mutation: the core's Vietnamese error in a message (unless the caller
 * shows it inline), an optional success message. Views refresh on workspace.changed.
 */
export function useEvidenceAction<M extends Method>(
  method: M,
  opts: {
    success?: (data: Output<M>, input: Input<M>) => string | null;
    onSuccess?: (data: Output<M>, input: Input<M>) => void;
    inlineError?: boolean;
  } = {},
) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input),
    onSuccess: (data, input) => {
      const text = opts.success?.(data, input);
      if (text) void message.success(text);
      opts.onSuccess?.(data, input);
    },
    onError: (e) => {
      if (!opts.inlineError) void message.error(e.message);
    },
  });
}
