import type { Db } from './db/open';
import { DEFAULT_SETTINGS, Settings } from '../../shared/settings';

export function readSettings(db: Db): Settings {
  const rows = db.prepare("SELECT key, value FROM setting WHERE key LIKE 'app.%'").all() as {
    key: string;
    value: string;
  }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key.slice(4)] = JSON.parse(r.value) as unknown;
  // A value written by a newer version that no longer parses falls back to its default.
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in stored)) continue;
    const parsed = Settings.shape[key].safeParse(stored[key]);
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

export function writeSettings(db: Db, patch: Partial<Settings>): void {
  const stmt = db.prepare(
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) stmt.run(`app.${k}`, JSON.stringify(v));
  }
}
