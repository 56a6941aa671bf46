/** Offers text to the reader as a file download (exports, backups, OPML). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The browser has started the download by then; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
