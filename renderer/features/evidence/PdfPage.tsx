import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** One page of a PDF drawn at a given CSS width (sharp on high-density screens). */
export function PdfPage({
  doc,
  pageNumber,
  width,
  className,
  label,
}: {
  doc: PDFDocumentProxy;
  pageNumber: number;
  width: number;
  className?: string;
  label?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let task: RenderTask | null = null;
    let live = true;
    void doc.getPage(pageNumber).then(
      (page) => {
        const canvas = ref.current;
        if (!live || !canvas) return;
        const base = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
        task = page.render({ canvas, viewport });
        task.promise.catch(() => undefined);
      },
      () => undefined,
    );
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, pageNumber, width]);
  return <canvas ref={ref} className={className} aria-label={label} role="img" />;
}

/** A thumbnail drawn only once it scrolls into view (a scan may have hundreds of pages). */
export function LazyPdfPage(props: Parameters<typeof PdfPage>[0]) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || seen) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);
  return (
    <div
      ref={box}
      className="ev-thumb-box"
      style={{ minHeight: seen ? undefined : props.width * 1.41 }}
    >
      {seen && <PdfPage {...props} />}
    </div>
  );
}
