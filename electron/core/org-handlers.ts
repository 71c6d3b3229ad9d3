import type { HandlersOf } from '../../shared/api';
import type { orgApi } from '../../shared/contract/org';
import { DEFAULT_OFFICES } from '../../shared/office-defaults';
import { cleanText } from '../../shared/text';
import { audit } from './audit';
import type { CoreContext } from './context';
import { tx } from './db/open';
import { CoreError, notFound } from './errors';
import { ensureOffice, getUnit, listOffices, setUnit } from './org';

export function orgHandlers(c: CoreContext): HandlersOf<typeof orgApi> {
  const change = (action: string, id: number | null, detail: unknown, fn: () => void) => {
    const w = c.writable();
    tx(w.db, () => {
      fn();
      audit(w.db, c.actor(), action, 'office', id, detail);
    });
    c.changed('offices');
    return listOffices(w.db);
  };
  const officeExists = (id: number) => {
    if (!listOffices(c.ws().db).some((o) => o.id === id)) throw notFound(`phòng ban số ${id}`);
  };

  return {
    'unit.update': async (input) => {
      const w = c.writable();
      tx(w.db, () => {
        setUnit(w.db, {
          name: input.name,
          level: input.level,
          parentBody: input.parentBody ?? null,
          place: input.place ?? null,
        });
        audit(w.db, c.actor(), 'unit.update', 'unit', 1, input);
      });
      c.changed('unit');
      return getUnit(w.db)!;
    },
    'offices.list': async () => listOffices(c.ws().db),
    'offices.defaults': async (input) => DEFAULT_OFFICES[input.level],
    'offices.add': async (input) => {
      const name = cleanText(input.name);
      if (listOffices(c.ws().db).some((o) => o.name.toLowerCase() === name.toLowerCase())) {
        throw new CoreError('CONFLICT', `Đã có phòng ban “${name}”.`);
      }
      return change('offices.add', null, input, () => {
        const id = ensureOffice(c.ws().db, name);
        if (input.shortName)
          c.ws()
            .db.prepare('UPDATE office SET short_name = ? WHERE id = ?')
            .run(input.shortName, id);
      });
    },
    'offices.update': async (input) => {
      officeExists(input.id);
      const db = c.ws().db;
      if (input.name !== undefined) {
        const name = cleanText(input.name);
        if (
          listOffices(db).some(
            (o) => o.id !== input.id && o.name.toLowerCase() === name.toLowerCase(),
          )
        ) {
          throw new CoreError('CONFLICT', `Đã có phòng ban “${name}”.`);
        }
      }
      return change('offices.update', input.id, input, () => {
        if (input.name !== undefined)
          db.prepare('UPDATE office SET name = ? WHERE id = ?').run(
            cleanText(input.name),
            input.id,
          );
        if (input.shortName !== undefined)
          db.prepare('UPDATE office SET short_name = ? WHERE id = ?').run(
            input.shortName ?? null,
            input.id,
          );
        if (input.isCoordinator)
          db.prepare('UPDATE office SET is_coordinator = (id = ?)').run(input.id);
        else if (input.isCoordinator === false)
          db.prepare('UPDATE office SET is_coordinator = 0 WHERE id = ?').run(input.id);
      });
    },
    'offices.remove': async (input) => {
      officeExists(input.id);
      const db = c.ws().db;
      const used = (
        db
          .prepare(
            `SELECT count(*) AS n FROM node WHERE deleted_at IS NULL AND (lead_office_id = ?
               OR id IN (SELECT node_id FROM node_coop_office WHERE office_id = ?))`,
          )
          .get(input.id, input.id) as { n: number }
      ).n;
      if (used > 0) {
        throw new CoreError(
          'CONFLICT',
          `Phòng ban đang được giao ${used} tiêu chí; hãy giao các tiêu chí đó cho phòng khác trước khi xóa.`,
        );
      }
      return change('offices.remove', input.id, null, () => {
        db.prepare('UPDATE office SET deleted_at = ? WHERE id = ?').run(
          new Date().toISOString(),
          input.id,
        );
      });
    },
  };
}
