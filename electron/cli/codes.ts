import { resolveCode } from '../../shared/codes';
import type { TreeNode } from '../../shared/models';
import type { Core } from '../core';
import { CliError } from './output';
import { call } from './program';

/**
 * The criterion a command-line code names: its own code when unique ("1.1.2"), or a qualified
 * code as the export and the dossier print it ("II.1"). An ambiguous or unknown code stops the
 * command with a Vietnamese message; `code` is the node's printed (qualified) code.
 * `assessment` is the --assessment option (default: the latest year).
 */
export async function findNode(
  core: Core,
  code: string,
  assessment: string | undefined,
): Promise<{ node: TreeNode; code: string }> {
  const tree = await call(
    core,
    'criteria.tree',
    assessment ? { assessmentId: Number(assessment) } : {},
  );
  const r = resolveCode(tree.nodes, code, `trong kỳ đánh giá năm ${tree.assessment.year}`);
  if (r.ok) return { node: r.node, code: r.code };
  throw new CliError({
    code: r.reason === 'ambiguous' ? 'INVALID_INPUT' : 'NOT_FOUND',
    message: r.message,
  });
}
