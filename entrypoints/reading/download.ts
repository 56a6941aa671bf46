/** Offers text to the reader as a file download (exports, OPML). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Offers a file to the reader as a download (a backup, assembled from its parts). */
export function downloadBlob(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The browser has started the download by then; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
