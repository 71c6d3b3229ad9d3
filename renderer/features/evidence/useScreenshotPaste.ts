import { App } from 'antd';
import { useCallback, type ClipboardEvent } from 'react';
import { vi } from '../../i18n/vi';
import { asPngScreenshot, imageOfPaste, readClipboardImage } from './picked';

const t = vi.evidence.intake;

/**
 * A screenshot pasted with Ctrl+V on the element (onPaste), or read from the clipboard by a
 * button where the app is allowed to: either way it arrives as a dated PNG file.
 */
export function useScreenshotPaste(onFile: (file: File) => void) {
  const { message } = App.useApp();
  const onPaste = useCallback(
    (e: ClipboardEvent) => {
      const image = imageOfPaste(e.clipboardData);
      if (!image) return;
      // Handled here only: React bubbles the paste out of drawers to the screen behind them.
      e.preventDefault();
      e.stopPropagation();
      asPngScreenshot(image).then(onFile, () => void message.error(t.pasteFailed));
    },
    [onFile, message],
  );
  const pasteFromClipboard = useCallback(async () => {
    let blob: Blob | null;
    try {
      blob = await readClipboardImage();
    } catch {
      void message.warning(t.clipboardDenied);
      return;
    }
    if (!blob) {
      void message.info(t.clipboardEmpty);
      return;
    }
    try {
      onFile(await asPngScreenshot(blob));
    } catch {
      void message.error(t.pasteFailed);
    }
  }, [onFile, message]);
  return { onPaste, pasteFromClipboard };
}
