import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes one chunk of bytes: UTF-8 when it is valid UTF-8, else Windows-1252 (what old Picasa wrote). */
export function decodePicasaBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  }
}

/**
 * Splits a file into decoded lines. Each line is decoded on its own, so a file that mixes a
 * Windows-1252 name with UTF-8 ones still reads right. Accepts CRLF, LF and lone CR.
 */
export function decodePicasaLines(input: Uint8Array | string): string[] {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let bytes = input;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return strictUtf8.decode(bytes).split(/\r\n|\n|\r/);
  } catch {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      const byte = bytes[i];
      if (i < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
      lines.push(decodePicasaBytes(bytes.subarray(start, i)));
      if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
      start = i + 1;
    }
    return lines;
  }
}
