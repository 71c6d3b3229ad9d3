import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../electron/core/export/pdf/libreoffice';
import { hasChromium } from '../helpers/browser';
import { openApp, openScreen, screenshot, type RunningApp } from '../helpers/app';

describe.skipIf(!hasChromium)('Cài đặt: file limits and LibreOffice', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('changes the upload limit, refuses a LibreOffice path with nothing there, then takes one', async () => {
    const { page } = app;
    await openScreen(page, 'Cài đặt');
    const card = page.getByTestId('files-card');
    const status = card.getByTestId('libreoffice-status');
    // What this computer has, said before anything is typed.
    const found = findLibreOffice(null);
    await expect
      .poll(() => status.textContent())
      .toContain(found ? `sẽ dùng LibreOffice: ${found}` : 'Chưa tìm thấy LibreOffice');

    await card.getByTestId('upload-warn-mb').fill('15');
    const wrong = path.join(app.dataDir, 'khong-co', 'soffice');
    await card.getByTestId('libreoffice-path').fill(wrong);
    await card.getByTestId('files-save').click();
    await page.getByText(`Không có chương trình LibreOffice (soffice) tại “${wrong}”.`).waitFor();
    // Refused as a whole: the limit typed with it was not saved either.
    expect(await app.core.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      data: { uploadWarnMb: 20, libreOfficePath: null },
    });

    const fake = path.join(app.dataDir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    await card.getByTestId('libreoffice-path').fill(fake);
    await card.getByTestId('files-save').click();
    await page.getByText('Đã lưu.').first().waitFor();
    await expect.poll(() => status.textContent()).toContain(`sẽ dùng LibreOffice: ${fake}`);
    const saved = await app.core.dispatch('settings.get', {});
    expect(saved).toMatchObject({ ok: true, data: { uploadWarnMb: 15, libreOfficePath: fake } });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-files');
  });
});
