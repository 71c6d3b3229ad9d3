/**
 * pdf-lib and fontkit for the worker side. From TypeScript sources a worker loads its .ts entry
 * through tsx's namespaced loader, which would load (and transform) a second copy of pdf-lib:
 * slow (about 1 s) and fatal for `instanceof` between the two copies. The bootstrap in pool.ts
 * therefore imports both packages natively and leaves them on globalThis; a bundled worker
 * imports them itself. Every module that runs in a worker takes pdf-lib from `lib()`.
 */
import type * as PdfLibModule from '@cantoo/pdf-lib';
import type * as FontkitModule from '@cantoo/fontkit';
import { applyParserPatches } from './patches';

export type PdfLib = typeof PdfLibModule;
export type Fontkit = (typeof FontkitModule)['default'];

const shared = globalThis as { __hskcPdfLib?: PdfLib; __hskcFontkit?: Fontkit };

export async function loadPdfLib(): Promise<void> {
  if (!shared.__hskcPdfLib) shared.__hskcPdfLib = await import('@cantoo/pdf-lib');
  if (!shared.__hskcFontkit) {
    const mod = (await import('@cantoo/fontkit')) as unknown as { default?: Fontkit } & Fontkit;
    shared.__hskcFontkit = mod.default ?? mod;
  }
  applyParserPatches(shared.__hskcPdfLib);
}

export function lib(): PdfLib {
  if (!shared.__hskcPdfLib) throw new Error('pdf-lib chưa được nạp (loadPdfLib).');
  return shared.__hskcPdfLib;
}

export function fontkit(): Fontkit {
  if (!shared.__hskcFontkit) throw new Error('fontkit chưa được nạp (loadPdfLib).');
  return shared.__hskcFontkit;
}
