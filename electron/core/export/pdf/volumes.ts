/**
 * Splitting the dossier into volumes (tập). The unit of packing is a divider with the
 * documents it introduces, so a sub-criterion's evidence stays together; one too large for a
 * volume continues in the next with its divider repeated ("tiếp theo"). A document is never
 * split: one larger than the limit gets a volume of its own. Sizes are estimated from the
 * source files; the build then checks the real sizes and re-plans with corrected estimates.
 */
import type { UnitSpec } from './model';

/** No volume above 1 GB, whatever the settings: readers, e-mail and upload portals choke first. */
export const HARD_MAX_BYTES = 1024 * 1024 * 1024;
/** What a volume costs besides its documents: fonts, cover, contents, dividers (estimate). */
export const VOLUME_OVERHEAD = 400 * 1024;
export const GENERATED_PAGE_BYTES = 4 * 1024;
/** Per evidence page: its stamp, the placing streams, the page dictionary, its xref entry. */
export const PAGE_OVERHEAD = 1200;

export interface PackUnit {
  nodeId: number;
  areaCode: string;
  docs: { id: number; bytes: number }[];
  /** The divider's own pages (estimate). */
  bytes: number;
}

export interface PlannedVolume {
  areas: string[];
  units: UnitSpec[];
  bytes: number;
}

export function planVolumes(
  units: PackUnit[],
  opts: { maxBytes: number | null; perArea: boolean; firstVolumeExtra: number },
): PlannedVolume[] {
  const limit = Math.min(opts.maxBytes ?? HARD_MAX_BYTES, HARD_MAX_BYTES);
  const budget = (index: number) =>
    Math.max(1, limit * 0.96 - VOLUME_OVERHEAD - (index === 0 ? opts.firstVolumeExtra : 0));
  const volumes: PlannedVolume[] = [];
  let cur: PlannedVolume = { areas: [], units: [], bytes: 0 };
  const open = () => {
    if (cur.units.length) volumes.push(cur);
    cur = { areas: [], units: [], bytes: 0 };
  };
  const place = (u: PackUnit, docIds: number[], continued: boolean, bytes: number) => {
    if (!cur.areas.includes(u.areaCode)) cur.areas.push(u.areaCode);
    const last = cur.units[cur.units.length - 1];
    if (last && last.nodeId === u.nodeId && !continued) last.docIds.push(...docIds);
    else cur.units.push({ nodeId: u.nodeId, docIds, continued });
    cur.bytes += bytes;
  };
  let area: string | null = null;
  for (const u of units) {
    if (opts.perArea && area !== null && u.areaCode !== area) open();
    area = u.areaCode;
    const total = u.bytes + u.docs.reduce((a, d) => a + d.bytes, 0);
    if (cur.units.length && cur.bytes + total > budget(volumes.length)) open();
    if (cur.bytes + total <= budget(volumes.length) || u.docs.length <= 1) {
      place(
        u,
        u.docs.map((d) => d.id),
        false,
        total,
      );
      continue;
    }
    // Too large for one volume: fill volumes document by document.
    let ids: number[] = [];
    let bytes = u.bytes;
    let continued = false;
    for (const d of u.docs) {
      if (ids.length && cur.bytes + bytes + d.bytes > budget(volumes.length)) {
        place(u, ids, continued, bytes);
        open();
        ids = [];
        bytes = u.bytes;
        continued = true;
      }
      ids.push(d.id);
      bytes += d.bytes;
    }
    place(u, ids, continued, bytes);
  }
  if (cur.units.length || volumes.length === 0) volumes.push(cur);
  return volumes;
}
