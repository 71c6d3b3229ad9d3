import { resolveCode } from '../../shared/codes';
import type { CriteriaTree, TreeNode } from '../../shared/models';
import { CliError } from './output';

/**
 * The criterion a command-line code names: its own code when unique ("1.1.2"), or a qualified
 * code as the export and the dossier print it ("II.1"). An ambiguous or unknown code stops the
 * command with a Vietnamese message; `code` is the node's printed (qualified) code.
 */
export function nodeByCode(tree: CriteriaTree, code: string): { node: TreeNode; code: string } {
  const r = resolveCode(tree.nodes, code, `trong kỳ đánh giá năm ${tree.assessment.year}`);
  if (r.ok) return { node: r.node, code: r.code };
  throw new CliError({
    code: r.reason === 'ambiguous' ? 'INVALID_INPUT' : 'NOT_FOUND',
    message: r.message,
  });
}
