import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

const LINE_BREAK = /\r\n|\n|\r/g;

/** Decodes one chunk of bytes: UTF-8 when it is valid UTF-8, else Windows-1252 (what old Picasa wrote). */
export function decodePicasaBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buffer) ? buffer.toString('utf8') : iconv.decode(buffer, 'win1252');
}

/**
 * Calls `onLine` with each decoded line of a file (CRLF, LF or lone CR). Each line is decoded on its
 * own, so a file that mixes a Windows-1252 name with UTF-8 ones still reads right. Lines are visited
 * without building an array of them, which keeps huge files cheap.
 */
export function forEachPicasaLine(input: Uint8Array | string, onLine: (line: string) => void): void {
  if (typeof input !== 'string') {
    let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (!isUtf8(bytes)) {
      forEachByteLine(bytes, onLine);
      return;
    }
    input = bytes.toString('utf8');
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    onLine(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  onLine(text.slice(start));
}

function forEachByteLine(bytes: Buffer, onLine: (line: string) => void): void {
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = bytes[i];
    if (i < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
    onLine(decodePicasaBytes(bytes.subarray(start, i)));
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
  }
}
