// Settings the server writes into the page as <meta> tags (src/bootstrap/serve-web-app.ts): known
// before the first request, and no inline script, which the CSP forbids.

function meta(name: string): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;
}

/** MAX_UPLOAD_BYTES, or null when the page was not served by the API (then the server decides). */
export function maxUploadBytes(): number | null {
  const value = Number(meta('rv-max-upload-bytes'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}
