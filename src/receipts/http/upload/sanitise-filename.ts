const MAX_LENGTH = 255;

/**
 * The client's filename is metadata only (shown back, used in the download's
 * Content-Disposition), never part of a path. Keep its last path segment, drop control and
 * bidi-override characters, and cap its length.
 */
export function sanitiseFilename(raw: string | undefined): string | null {
  if (!raw) return null;
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return null;
  if (cleaned.length <= MAX_LENGTH) return cleaned;
  // Keep the extension when cutting, so "…long….jpg" still reads as a JPEG name.
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return Array.from(cleaned.slice(0, MAX_LENGTH - ext.length)).join('') + ext;
}
