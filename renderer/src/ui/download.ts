/**
 * Saves a file through the browser's download (the faces run in a browser or Electron's). The
 * address is revoked a minute later, not at once: a browser may still be reading it after click().
 */
export function download(name: string, content: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(content);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** A CSV text as a file's content. */
export const csvBlob = (text: string): Blob => new Blob([text], { type: 'text/csv;charset=utf-8' });
