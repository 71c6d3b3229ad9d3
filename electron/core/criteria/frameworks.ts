import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Framework, type FrameworkNode } from '../../../shared/framework';
import type { FrameworkSummary } from '../../../shared/models';
import { pointsFromNumber, toNumber } from '../../../shared/points';
import { CoreError } from '../errors';

/** Built-in criteria sets shipped as JSON in resources/frameworks, validated on load. */
export class FrameworkCatalog {
  private cache: Framework[] | null = null;

  constructor(private readonly dir: string) {}

  all(): Framework[] {
    if (!this.cache) {
      this.cache = readdirSync(this.dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const raw = JSON.parse(readFileSync(path.join(this.dir, f), 'utf8')) as unknown;
          const parsed = Framework.safeParse(raw);
          if (!parsed.success)
            throw new Error(`resources/frameworks/${f}: ${parsed.error.message}`);
          return parsed.data;
        });
    }
    return this.cache;
  }

  get(id: string): Framework {
    const fw = this.all().find((f) => f.id === id);
    if (!fw) {
      const ids = this.all()
        .map((f) => f.id)
        .join(', ');
      throw new CoreError('NOT_FOUND', `Không có bộ tiêu chí “${id}”. Các bộ có sẵn: ${ids}.`);
    }
    return fw;
  }

  summaries(): FrameworkSummary[] {
    return this.all().map((f) => ({
      id: f.id,
      name: f.name,
      index: f.index,
      level: f.level,
      status: f.status,
      source: f.source,
      scored: f.scored,
      nodes: countNodes(f.nodes),
      maxPoints: f.scored ? toNumber(sumTop(f.nodes)) : null,
    }));
  }
}

export function countNodes(nodes: FrameworkNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children ?? []), 0);
}

function sumTop(nodes: FrameworkNode[]): number {
  return nodes.reduce(
    (sum, n) =>
      sum +
      (n.maxPoints != null && n.kind !== 'bonus' && n.kind !== 'penalty'
        ? pointsFromNumber(n.maxPoints)
        : 0),
    0,
  );
}
