// Bundles the Electron main process (with the core) and the preload into dist-electron/.
// Native and heavy packages stay external and load from node_modules.
import { build } from 'esbuild';

const external = [
  'electron',
  'better-sqlite3',
  'pdfjs-dist',
  'exceljs',
  '@cantoo/pdf-lib',
  '@cantoo/fontkit',
  'mammoth',
];
await build({
  entryPoints: { main: 'electron/main/main.ts' },
  outdir: 'dist-electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external,
  // import.meta.url is used by the core to find resources/; give the CJS bundle its own.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import.meta.resolve only serves the from-source worker bootstrap, never taken in the bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
});
await build({
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outdir: 'dist-electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});
// Workers are separate ESM entries next to the bundle; the core looks for them there first.
await build({
  entryPoints: {
    'pdf-worker': 'electron/core/evidence/pdf-worker.ts',
    'pdf-dossier-worker': 'electron/core/export/pdf/worker.ts',
  },
  outdir: 'dist-electron',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  logLevel: 'warning',
});
console.log('dist-electron/ đã được tạo.');
