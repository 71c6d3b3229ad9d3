/**
 * The foot band of every dossier page: on an evidence page the stamp on the left
 * ("TLKC 1.2.3-02 · 154/KH-UBND · tr. 2/7") and the dossier page number on the right; on a
 * generated page only the page number. Small grey type in the band the page was shrunk to
 * leave free (place.ts), so it never covers the document, and turned to read upright on a page
 * that keeps a /Rotate.
 */
import { FOOT } from './layout/display';
import type { PageStamp, StampText } from './model';
import { uprightAt } from './place';

/** The resource name of the stamp font on evidence pages (the volume's regular font). */
export const STAMP_FONT = 'HskcF';

export interface StampPlace {
  /** The page's /Rotate and unrotated size. */
  rotate: number;
  width: number;
  height: number;
  /** Width as the reader sees it. */
  displayWidth: number;
  /** The font's resource name on this page. */
  font: string;
}

const f = (n: number) => String(Math.round(n * 100) / 100);

/** Content-stream operators for the foot band (already encoded text, see assembler.ts). */
export function stampOps(
  stamp: { left: StampText | null; right: StampText },
  at: StampPlace,
): string {
  const text = (x: number, hex: string) =>
    `BT /${at.font} ${FOOT.size} Tf 0.3 g ${uprightAt(at.rotate, at.width, at.height, x, FOOT.baseline).map(f).join(' ')} Tm <${hex}> Tj ET\n`;
  let out = 'q\n';
  if (stamp.left?.hex) out += text(FOOT.side, stamp.left.hex);
  if (stamp.right.hex)
    out += text(at.displayWidth - FOOT.side - stamp.right.width, stamp.right.hex);
  return `${out}Q\n`;
}

export function evidenceStamp(stamp: PageStamp, at: Omit<StampPlace, 'font'>): string {
  return stampOps(stamp, { ...at, font: STAMP_FONT });
}
