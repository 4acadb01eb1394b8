/** Offers `content` as a file download (the desktop app asks where to save it); returns the file name. */
export function saveFile(content: string, type: string, name: string): string {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoke after the download has started, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** A file-name-safe stamp of now: 2026-11-24T20-31-05-123Z. */
export const fileStamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');
