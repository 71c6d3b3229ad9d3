import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, promises as fsp, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlersOf } from '../../../shared/api';
import type { exportApi } from '../../../shared/contract/export';
import { asciiSlug, nfc } from '../../../shared/text';
import { audit } from '../audit';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { readSettings } from '../settings';
import { writeEvidenceFolder } from './folder';
import { findLibreOffice } from './pdf/libreoffice';
import { buildPdfDossier } from './pdf';
import { buildPlan, excludedConflict, withExcluded, type ExportPlan } from './plan';
import { writeWorkbook } from './xlsx';
import { zipFolder } from './zip';

/** ~/Documents/Ho so kiem chung/<unit>-<year>: a place a person finds again. */
function defaultOut(plan: ExportPlan): string {
  const docs = path.join(os.homedir(), 'Documents');
  const base = existsSync(docs) ? docs : os.homedir();
  const name = asciiSlug(`${plan.unit?.name ?? 'Ho so'} ${plan.assessment.year}`, 80);
  return path.join(base, 'Ho so kiem chung', name);
}

function pagesOf(plan: ExportPlan): number {
  let pages = 0;
  for (const d of plan.documents.values()) pages += d.pages ?? 1;
  return pages;
}

export function exportHandlers(c: CoreContext): HandlersOf<typeof exportApi> {
  const plan = (selection: {
    assessmentId?: number | undefined;
    areas?: string[] | undefined;
    offices?: number[] | undefined;
  }) => {
    const w = c.ws();
    return buildPlan(w.db, w.store, selection);
  };

  return {
    'export.preflight': async (selection) => {
      const p = plan(selection);
      const inSelection = new Set(p.nodes.map((n) => n.id));
      const problems = p.check.problems.filter(
        (x) => x.nodeId === null || inSelection.has(x.nodeId),
      );
      const docs = [...p.documents.values()];
      return {
        errors: problems.filter((x) => x.severity === 'error').length,
        warnings: problems.filter((x) => x.severity === 'warning').length,
        problems: problems
          .filter((x) => x.severity !== 'info')
          .slice(0, 500)
          .map((x) => ({ code: x.code, severity: x.severity, message: x.message })),
        nodes: p.nodes.length,
        documents: docs.length,
        pages: pagesOf(p),
        bytes: docs.reduce((s, d) => s + d.size, 0),
        excluded: p.excluded,
        officeFiles: docs.filter((d) => p.officeKinds.has(d.fileKind)).length,
        libreOffice: findLibreOffice(readSettings(c.ws().db).libreOfficePath),
        defaultOut: defaultOut(p),
      };
    },
    'export.tools': async () => {
      const configured = readSettings(c.ws().db).libreOfficePath;
      const libreOffice = findLibreOffice(configured);
      return {
        libreOffice,
        configuredMissing: configured !== null && libreOffice !== path.resolve(configured),
      };
    },
    'export.run': async (opts, ctx) => {
      let p = plan(opts);
      if (p.excluded.length > 0 && !opts.confirmExcluded) {
        throw new CoreError(
          'CONFLICT',
          excludedConflict(
            p.excluded,
            'Hãy xác nhận bỏ qua chúng hoặc thay tệp khác rồi xuất lại.',
          ),
          { documentIds: p.excluded.map((e) => e.documentId) },
        );
      }
      if (!opts.parts.pdf && !opts.parts.xlsx && !opts.parts.files && !opts.parts.zip) {
        throw new CoreError(
          'INVALID_INPUT',
          'Hãy chọn ít nhất một phần để xuất (PDF, Excel, thư mục tệp).',
        );
      }
      const out = path.resolve(nfc(opts.out));
      try {
        mkdirSync(out, { recursive: true });
        if (!statSync(out).isDirectory()) throw new Error('not a directory');
      } catch {
        throw new CoreError('INVALID_INPUT', `Không tạo được thư mục “${out}” để xuất hồ sơ.`);
      }
      const baseName = opts.asciiNames
        ? `Ho so TLKC ${p.assessment.year}`
        : `Hồ sơ TLKC ${p.assessment.year}`;
      const part = (label: string) => ({
        signal: ctx.signal,
        progress: (done: number, total: number, what: string) =>
          ctx.progress(done, total, `${label}: ${what}`),
      });
      // Folder first (the workbook links to its files), then the PDF (the workbook links to pages).
      const needFolder = opts.parts.files || opts.parts.zip;
      const folder = needFolder
        ? await writeEvidenceFolder(
            p,
            { outDir: out, asciiNames: opts.asciiNames },
            part('Thư mục tệp'),
          )
        : null;
      // What the folder found damaged (its hash re-check) is left out of the PDF and workbook too.
      if (folder?.excluded.length) {
        if (!opts.confirmExcluded) {
          if (!opts.parts.files) await fsp.rm(folder.folder, { recursive: true, force: true });
          throw new CoreError(
            'CONFLICT',
            excludedConflict(
              folder.excluded,
              'Hãy xác nhận bỏ qua chúng hoặc thay tệp khác rồi xuất lại.',
            ),
            { documentIds: folder.excluded.map((e) => e.documentId) },
          );
        }
        p = withExcluded(p, folder.excluded);
      }
      const pdf = opts.parts.pdf
        ? await buildPdfDossier(
            p,
            {
              outDir: out,
              baseName,
              asciiNames: opts.asciiNames,
              maxVolumeMb: opts.maxVolumeMb,
              volumePerArea: opts.volumePerArea,
              resourcesDir: c.resourcesDir,
              libreOffice: findLibreOffice(readSettings(c.ws().db).libreOfficePath),
              confirmExcluded: opts.confirmExcluded,
            },
            part('Hồ sơ PDF'),
          )
        : null;
      // Documents the PDF step could not read are listed as left out in the workbook.
      if (pdf?.excluded.length) p = withExcluded(p, pdf.excluded);
      let xlsx: string | null = null;
      if (opts.parts.xlsx) {
        xlsx = path.join(
          out,
          opts.asciiNames
            ? `Bang tu danh gia ${p.assessment.year}.xlsx`
            : `Bảng tự đánh giá ${p.assessment.year}.xlsx`,
        );
        await writeWorkbook(
          p,
          { file: xlsx, folderFiles: folder?.files ?? null, pdfPages: pdf?.pageOf ?? null },
          part('Bảng Excel'),
        );
      }
      let zip: string | null = null;
      if (opts.parts.zip && folder) {
        zip = path.join(out, `${opts.asciiNames ? 'TLKC' : 'TLKC'} ${p.assessment.year}.zip`);
        await zipFolder(folder.folder, zip, part('Tệp ZIP'));
        // Only the ZIP was asked for: the folder it was made from is not left behind.
        if (!opts.parts.files) await fsp.rm(folder.folder, { recursive: true, force: true });
      }
      const w = c.ws();
      if (!w.readOnly) {
        audit(w.db, c.actor(), 'export.run', 'assessment', p.assessment.id, {
          out,
          parts: opts.parts,
          pdf: pdf?.files.length ?? 0,
          excluded: p.excluded.length,
        });
      }
      return {
        pdf: pdf?.files ?? [],
        xlsx,
        folder: opts.parts.files ? (folder?.folder ?? null) : null,
        zip,
        pages: pdf?.pages ?? 0,
        volumes: pdf?.files.length ?? 0,
        // The plan's exclusions, with what the folder and the PDF steps found unreadable.
        excluded: p.excluded,
        out,
      };
    },
    'system.openFolder': async ({ path: target }) => {
      const dir = path.resolve(target);
      if (!existsSync(dir)) throw new CoreError('NOT_FOUND', `Không tìm thấy thư mục “${dir}”.`);
      const [cmd, args] =
        process.platform === 'win32'
          ? ['explorer.exe', [dir]]
          : process.platform === 'darwin'
            ? ['open', [dir]]
            : ['xdg-open', [dir]];
      try {
        const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
        child.on('error', () => {});
        child.unref();
        return { opened: true };
      } catch {
        return { opened: false };
      }
    },
  };
}
