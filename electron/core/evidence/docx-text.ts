import mammoth from 'mammoth';
import { CoreError } from '../errors';

/**
 * Plain text of a DOCX (NFC), paragraphs separated by blank lines; table cells come out one
 * after another, so a header table reads issuer, number, motto, place-date.
 */
export async function docxText(filePath: string): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ path: filePath });
    return value.normalize('NFC');
  } catch (e) {
    throw new CoreError('BAD_FILE', 'Không đọc được nội dung tệp Word (.docx).', {
      path: filePath,
      cause: e instanceof Error ? e.message : String(e),
    });
  }
}
