import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTestData } from '@kindred/testing';

/**
 * Test fixtures written with exiftool (Debian `libimage-exiftool-perl`), the reference writer and reader
 * of XMP face regions. Only tests use it; Kindred never runs it.
 */
export function exiftoolVersion(): string | null {
  try {
    return execFileSync('exiftool', ['-ver'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** `skip` option for node:test: a message without exiftool (under CI=true its absence throws). */
export function skipWithoutExiftool(): string | false {
  if (exiftoolVersion()) return false;
  if (process.env.CI === 'true') throw new Error('exiftool not found; CI installs libimage-exiftool-perl');
  return 'exiftool not installed (apt-get install libimage-exiftool-perl)';
}

export function exiftool(args: string[]): string {
  return execFileSync('exiftool', ['-q', '-q', '-m', ...args], { encoding: 'utf8' });
}

/** exiftool's JSON for files (`-struct`, numbers as numbers). */
export function exiftoolJson(args: string[]): Record<string, unknown>[] {
  return JSON.parse(exiftool(['-j', '-struct', '-n', ...args])) as Record<string, unknown>[];
}

/** A copy of one of the shared orientation fixtures (`landscape_o6.jpg`, …), writable. */
export function copyOrientationPhoto(name: string, to: string): string {
  copyFileSync(join(requireTestData(), 'faces', 'orientation', name), to);
  chmodSync(to, 0o644);
  return to;
}

/** Expected face boxes on the upright image (shared/faces/orientation/README.md). */
export const UPRIGHT_FACE = {
  landscape: { x: 0.4887, y: 0.0917, w: 0.1825, h: 0.3831, name: 'Rose Leslie' },
  portrait: { x: 0.3373, y: 0.1231, w: 0.2215, h: 0.1843, name: 'Kit Harington' },
};

type Box = { x: number; y: number; w: number; h: number };

/**
 * The upright box on the stored grid, worked out by hand per orientation (independently of Kindred's
 * mapping): 6 = the stored pixels turn 90° clockwise to display, so stored x = upright y and stored
 * y = 1 − upright right edge; 8 = 90° counter-clockwise, so stored x = 1 − upright bottom edge, stored
 * y = upright x.
 */
export function storedBox(upright: Box, orientation: 1 | 6 | 8): Box {
  const { x, y, w, h } = upright;
  if (orientation === 6) return { x: y, y: 1 - (x + w), w: h, h: w };
  if (orientation === 8) return { x: 1 - (y + h), y: x, w: h, h: w };
  return upright;
}

/** exiftool arguments writing one MWG face region (x/y the centre) with AppliedToDimensions. */
export function mwgArgs(box: Box, name: string, dims: { w: number; h: number }): string[] {
  const area = `{X=${box.x + box.w / 2},Y=${box.y + box.h / 2},W=${box.w},H=${box.h},Unit=normalized}`;
  return [
    `-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=${dims.w},H=${dims.h},Unit=pixel},RegionList=[{Area=${area},Type=Face,Name=${name}}]}`,
  ];
}

/** exiftool arguments writing one Microsoft MP region ("x, y, w, h", top-left). */
export function mpArgs(box: Box, name: string): string[] {
  const rect = [box.x, box.y, box.w, box.h].join('|, ');
  return [`-XMP-MP:RegionInfoMP={Regions=[{Rectangle=${rect},PersonDisplayName=${name}}]}`];
}
