import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';

describe('decodeText', () => {
  it('reads UTF-8, with or without its byte order mark', () => {
    const bytes = new TextEncoder().encode('title\nÉtats-Unis et Syrie');
    expect(decodeText(bytes)).toEqual({ text: 'title\nÉtats-Unis et Syrie', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text).toBe('title\nÉtats-Unis et Syrie');
  });

  it('reads a Windows-1252 file as Windows-1252, not as broken UTF-8', () => {
    // "Café à Genève" as a Windows spreadsheet writes it: é = E9, à = E0, è = E8.
    const bytes = new Uint8Array([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x47, 0x65, 0x6e, 0xe8, 0x76, 0x65,
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'Café à Genève', encoding: 'windows-1252' });
  });

  it('reads UTF-16 by its byte order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00])).text).toBe('Aé');
  });
});
