/** Dates travel as ISO "YYYY-MM-DD" and are shown as dd/mm/yyyy. */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function toIsoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts "31/05/2021", "31/5/2021", "31-05-2021", "31.05.2021" and ISO; null if not a real date. */
export function parseDateVi(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = ISO_RE.exec(s);
  const vn = VN_RE.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return null;
  return isValidYmd(y, m, d) ? toIsoDate(y, m, d) : null;
}

/** "2021-05-31" → "31/05/2021"; an ISO timestamp shows its date part. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "2026-11-23T08:05:00.000Z" → "23/11/2026 15:05" in Vietnam time (UTC+7, no DST). */
export function formatDateTimeVi(isoTimestamp: string): string {
  const t = new Date(isoTimestamp);
  if (Number.isNaN(t.getTime())) return isoTimestamp;
  const local = new Date(t.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}`;
}
