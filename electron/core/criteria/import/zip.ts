import yauzl from 'yauzl';
import { CoreError } from '../../errors';

export interface ZipReader {
  names: string[];
  totalUncompressed: number;
  /** Reads one entry; refuses entries larger than maxBytes (zip bombs). */
  read(name: string, maxBytes: number): Promise<Buffer>;
  close(): void;
}

export async function openZip(buf: Buffer): Promise<ZipReader> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName, e);
      total += e.uncompressedSize;
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return {
    names: [...entries.keys()],
    totalUncompressed: total,
    async read(name, maxBytes) {
      const entry = entries.get(name);
      if (!entry) throw new CoreError('BAD_FILE', `Tệp thiếu phần “${name}”.`);
      if (entry.uncompressedSize > maxBytes) {
        throw new CoreError('TOO_LARGE', `Phần “${name}” của tệp quá lớn để đọc.`);
      }
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          stream.destroy();
          throw new CoreError('TOO_LARGE', `Phần “${name}” của tệp quá lớn để đọc.`);
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    close() {
      zip.close();
    },
  };
}
