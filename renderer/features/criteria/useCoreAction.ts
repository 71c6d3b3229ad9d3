import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Input, Method, Output } from '../../../shared/api';
import { call } from '../../api';

interface Options<M extends Method> {
  /** Shown as a success message; omitted → no message. */
  success?: (data: Output<M>, input: Input<M>) => string;
  onSuccess?: (data: Output<M>, input: Input<M>) => void;
  /** Errors are shown as a message unless the caller shows them inline. */
  inlineError?: boolean;
}

/**
 * One core call as a mutation: the core's Vietnamese error in a message (or left for the form),
 * an optional success message. Views refresh through the core's workspace.changed event.
 */
export function useCoreAction<M extends Method>(method: M, opts: Options<M> = {}) {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input),
    onSuccess: (data, input) => {
      if (opts.success) void message.success(opts.success(data, input));
      opts.onSuccess?.(data, input);
    },
    onError: (e) => {
      if (!opts.inlineError) void message.error(e.message);
    },
  });
}
