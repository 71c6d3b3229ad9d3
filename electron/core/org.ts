import type { Db } from './db/open';
import type { Office, Unit } from '../../shared/models';
import { cleanText } from '../../shared/text';
import { DEFAULT_OFFICES } from '../../shared/office-defaults';

/** The assessed unit and its offices: data, never hard-coded (no "huyện" assumptions). */

export function getUnit(db: Db): Unit | null {
  const row = db.prepare('SELECT name, level, parent_body, place FROM unit WHERE id = 1').get() as
    | { name: string; level: Unit['level']; parent_body: string | null; place: string | null }
    | undefined;
  return row
    ? { name: row.name, level: row.level, parentBody: row.parent_body, place: row.place }
    : null;
}

export function setUnit(db: Db, unit: Unit): void {
  db.prepare(
    `INSERT INTO unit (id, name, level, parent_body, place) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, level = excluded.level,
       parent_body = excluded.parent_body, place = excluded.place`,
  ).run(
    cleanText(unit.name),
    unit.level,
    unit.parentBody && cleanText(unit.parentBody),
    unit.place && cleanText(unit.place),
  );
}

export function listOffices(db: Db): Office[] {
  return (
    db
      .prepare(
        'SELECT id, name, short_name, is_coordinator FROM office WHERE deleted_at IS NULL ORDER BY position, id',
      )
      .all() as { id: number; name: string; short_name: string | null; is_coordinator: number }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    isCoordinator: r.is_coordinator === 1,
  }));
}

/** Finds an office by name (ignoring case and spacing) or creates it at the end of the list. */
export function ensureOffice(db: Db, name: string, opts: { coordinator?: boolean } = {}): number {
  const clean = cleanText(name);
  const existing = db
    .prepare('SELECT id FROM office WHERE deleted_at IS NULL AND lower(name) = lower(?)')
    .get(clean) as { id: number } | undefined;
  if (existing) return existing.id;
  const pos = (
    db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM office').get() as { p: number }
  ).p;
  return Number(
    db
      .prepare('INSERT INTO office (name, is_coordinator, position) VALUES (?, ?, ?)')
      .run(clean, opts.coordinator ? 1 : 0, pos).lastInsertRowid,
  );
}

/**
 * The suggested offices for a new unit of this level, the coordinator first: the office in
 * charge of internal affairs (Nội vụ) where the level has one, else the unit's Văn phòng.
 * workspace.init marks the first office it is given as the coordinator.
 */
export function defaultOffices(level: Unit['level']): { names: string[]; coordinator: string } {
  const names = DEFAULT_OFFICES[level];
  const coordinator =
    names.find((n) => /Nội vụ/i.test(n)) ?? names.find((n) => /^Văn phòng/i.test(n)) ?? names[0]!;
  return { names: [coordinator, ...names.filter((n) => n !== coordinator)], coordinator };
}
