import {
  LeftOutlined,
  RightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
  ColumnWidthOutlined,
} from '@ant-design/icons';
import { Alert, Button, InputNumber, Spin, Tooltip } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { vi } from '../../i18n/vi';
import { openPdf, pdfFailure } from './pdf';
import { LazyPdfPage, PdfPage } from './PdfPage';

const t = vi.evidence.preview;
const THUMB = 96;

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

/** A PDF drawn in the page with pdf.js: page thumbnails, page navigation and zoom. Key it by document. */
export function PdfView({ bytes }: { bytes: Uint8Array }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState<ReturnType<typeof pdfFailure> | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [main, width] = useWidth<HTMLDivElement>();

  useEffect(() => {
    let live = true;
    let destroy: (() => void) | null = null;
    void openPdf(bytes).then(
      (task) => {
        destroy = () => void task.destroy();
        if (!live) return destroy();
        task.promise.then(
          (d) => live && setDoc(d),
          (e: unknown) => live && setFailed(pdfFailure(e)),
        );
      },
      () => live && setFailed('other'),
    );
    return () => {
      live = false;
      destroy?.();
    };
  }, [bytes]);

  if (failed) {
    return (
      <Alert
        type="warning"
        showIcon
        title={failed === 'password' ? t.password : failed === 'damaged' ? t.damaged : t.pdfFailed}
        description={t.downloadInstead}
        className="ev-preview-alert"
      />
    );
  }
  const pages = doc?.numPages ?? 0;
  const go = (n: number) => setPage(Math.min(Math.max(1, n), Math.max(1, pages)));
  const pageWidth = Math.max(200, Math.floor((width - 32) * zoom));

  return (
    <div
      className="ev-pdf"
      data-testid="pdf-view"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'PageDown') go(page + 1);
        if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(page - 1);
      }}
    >
      <div className="ev-pdf-bar">
        <Tooltip title={t.prev}>
          <Button
            size="small"
            icon={<LeftOutlined />}
            aria-label={t.prev}
            disabled={page <= 1}
            onClick={() => go(page - 1)}
          />
        </Tooltip>
        <span className="ev-pdf-page">
          {t.page}{' '}
          <InputNumber
            size="small"
            min={1}
            max={Math.max(1, pages)}
            value={page}
            onChange={(v) => v && go(Number(v))}
            style={{ width: 64 }}
            aria-label={t.page}
          />{' '}
          <span data-testid="pdf-pages">{t.of(pages)}</span>
        </span>
        <Tooltip title={t.next}>
          <Button
            size="small"
            icon={<RightOutlined />}
            aria-label={t.next}
            disabled={page >= pages}
            onClick={() => go(page + 1)}
          />
        </Tooltip>
        <span className="ev-pdf-gap" />
        <Tooltip title={t.zoomOut}>
          <Button
            size="small"
            icon={<ZoomOutOutlined />}
            aria-label={t.zoomOut}
            disabled={zoom <= 0.5}
            onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}
          />
        </Tooltip>
        <span className="ev-pdf-zoom">{Math.round(zoom * 100)}%</span>
        <Tooltip title={t.zoomIn}>
          <Button
            size="small"
            icon={<ZoomInOutlined />}
            aria-label={t.zoomIn}
            disabled={zoom >= 3}
            onClick={() => setZoom((z) => Math.min(3, z + 0.25))}
          />
        </Tooltip>
        <Tooltip title={t.fit}>
          <Button
            size="small"
            icon={<ColumnWidthOutlined />}
            aria-label={t.fit}
            onClick={() => setZoom(1)}
          />
        </Tooltip>
      </div>
      <div className="ev-pdf-body">
        <div className="ev-pdf-thumbs" aria-label={t.thumbs}>
          {doc &&
            Array.from({ length: pages }, (_, i) => (
              <button
                key={i}
                type="button"
                className={`ev-thumb${page === i + 1 ? ' active' : ''}`}
                onClick={() => go(i + 1)}
                aria-label={t.goTo(i + 1)}
              >
                <LazyPdfPage doc={doc} pageNumber={i + 1} width={THUMB} />
                <span>{i + 1}</span>
              </button>
            ))}
        </div>
        <div className="ev-pdf-main" ref={main}>
          {doc ? (
            <PdfPage
              doc={doc}
              pageNumber={page}
              width={pageWidth}
              className="ev-pdf-canvas"
              label={t.goTo(page)}
            />
          ) : (
            <Spin description={t.loading} className="ev-center" />
          )}
        </div>
      </div>
    </div>
  );
}
