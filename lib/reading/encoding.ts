/**
 * The text of an imported file in the encoding it was written in: UTF-8 (with or without a byte
 * order mark) or UTF-16 by its mark, and otherwise Windows-1252, which older spreadsheet exports
 * on Windows write. A file that is not valid UTF-8 is never read as UTF-8 (that is the mojibake).
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: string } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(view), encoding: 'utf-16le' };
  if (view[0] === 0xfe && view[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(view), encoding: 'utf-16be' };
  try {
    // The decoder drops a UTF-8 byte order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(view), encoding: 'windows-1252' };
  }
}
