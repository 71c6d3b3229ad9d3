import type { Db } from './db/open';

export interface Actor {
  name: string | null;
  office: string | null;
}

/** Every change writes who did what, inside the same transaction as the change itself. */
export function audit(
  db: Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number | null,
  detail?: unknown,
): void {
  db.prepare(
    'INSERT INTO audit (at, actor, office, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    new Date().toISOString(),
    actor.name,
    actor.office,
    action,
    entity,
    entityId,
    detail === undefined ? null : JSON.stringify(detail),
  );
}
