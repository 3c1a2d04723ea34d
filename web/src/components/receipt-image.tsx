import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/api';
import type { FieldSource } from '@receipt-vault/client';

/**
 * The original image with the box of the highlighted OCR line drawn over it. Boxes are in the
 * image's own pixels, so an SVG whose viewBox is the image's natural size scales with it.
 */
export function ReceiptImage(props: {
  id: string;
  mimeType: string;
  /** The source of the field in focus; drawn when it has a box on the first page. */
  highlight: FieldSource | null;
  label: string;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const isPdf = props.mimeType === 'application/pdf';

  useEffect(() => {
    if (isPdf) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    api.fileBlob(props.id).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.id, isPdf]);

  if (isPdf) {
    return (
      <p class="placeholder">
        PDF receipts are shown as text; the fields list where each value was read.
      </p>
    );
  }
  if (failed) return <p class="placeholder error">The image could not be loaded.</p>;
  if (!url)
    return (
      <p class="placeholder" aria-busy="true">
        Loading the image…
      </p>
    );

  const box = props.highlight?.page === 1 ? props.highlight.box : undefined;
  return (
    <div class="image-frame">
      <img
        src={url}
        alt={props.label}
        onLoad={(event) => {
          const image = event.currentTarget;
          setSize({ width: image.naturalWidth, height: image.naturalHeight });
        }}
      />
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
