import type { FieldSource } from '@receipt-vault/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/api';

type Size = { width: number; height: number };

/**
 * The original (a photo, or page 1 of a PDF) with the box of the highlighted OCR line drawn over
 * it. Boxes are in the page's own units — image pixels, or PDF points — so an SVG whose viewBox
 * is the page's natural size scales with it.
 */
export function ReceiptImage(props: {
  id: string;
  mimeType: string;
  /** The source of the field in focus; drawn when it has a box on the first page. */
  highlight: FieldSource | null;
  label: string;
}) {
  const [blob, setBlob] = useState<Blob | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const isPdf = props.mimeType === 'application/pdf';

  useEffect(() => {
    let cancelled = false;
    api.fileBlob(props.id).then(
      (file) => !cancelled && setBlob(file),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [props.id]);

  if (failed) {
    return (
      <p class="placeholder error">The {isPdf ? 'PDF' : 'image'} could not be loaded or shown.</p>
    );
  }
  if (!blob)
    return (
      <p class="placeholder" aria-busy="true">
        Loading the {isPdf ? 'PDF' : 'image'}…
      </p>
    );

  const box = props.highlight?.page === 1 ? props.highlight.box : undefined;
  return (
    <div class="image-frame">
      {isPdf ? (
        <PdfPage
          blob={blob}
          label={props.label}
          onSize={setSize}
          onFailed={() => setFailed(true)}
        />
      ) : (
        <BlobImage blob={blob} label={props.label} onSize={setSize} />
      )}
      {size && box && (
        <svg
          class="overlay"
          viewBox={`0 0 ${size.width} ${size.height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <rect
            class="highlight"
            x={box.x0 - 6}
            y={box.y0 - 6}
            width={box.x1 - box.x0 + 12}
            height={box.y1 - box.y0 + 12}
            rx={6}
          />
        </svg>
      )}
    </div>
  );
}

/** A photo from memory: an <img> cannot send the bearer token, so the file comes as a blob. */
function BlobImage(props: { blob: Blob; label: string; onSize: (size: Size) => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(props.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [props.blob]);
  if (!url) return null;
  return (
    <img
      src={url}
      alt={props.label}
      onLoad={(event) => {
        const image = event.currentTarget;
        props.onSize({ width: image.naturalWidth, height: image.naturalHeight });
      }}
    />
  );
}

/** Page 1 of a PDF, drawn by pdf.js (loaded on first use) into a canvas. */
function PdfPage(props: {
  blob: Blob;
  label: string;
  onSize: (size: Size) => void;
  onFailed: () => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [{ renderFirstPage }, data] = await Promise.all([
          import('../pdf/render-pdf-page'),
          props.blob.arrayBuffer(),
        ]);
        const target = canvas.current;
        if (cancelled || !target) return;
        const size = await renderFirstPage(data, target, target.clientWidth);
        if (cancelled) return;
        setDrawn(true);
        props.onSize(size);
      } catch {
        if (!cancelled) props.onFailed();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [props.blob]);
  return (
    <canvas
      ref={canvas}
      class="pdf-page"
      role="img"
      aria-label={`${props.label} (page 1)`}
      aria-busy={!drawn}
      data-drawn={drawn ? 'true' : undefined}
    />
  );
}
