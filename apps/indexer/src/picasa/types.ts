/** A Picasa rectangle: corners as fractions (0–1) of the image, in the grid Picasa measured it on. */
export interface PicasaRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A normalized box of the upright image: origin top-left, all values fractions of width/height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Something in a file that could not be used; `line` is 1-based (0 = the file as a whole). */
export interface PicasaWarning {
  line: number;
  message: string;
}

export interface PicasaFace {
  rect: PicasaRect;
  /** 16 lowercase hex digits (left-padded). `ffffffffffffffff` = a face Picasa had no name for. */
  contactId: string;
  line: number;
}

export interface PicasaPhoto {
  /** The section name: a file name in the ini's folder, exactly as on disk. */
  fileName: string;
  line: number;
  faces: PicasaFace[];
  /** Album tokens from `albums=`. */
  albums: string[];
  star: boolean;
  hidden: boolean;
  /** Picasa's own non-destructive rotation `rotate=rotate(n)`: quarter turns clockwise, or null. */
  rotate: number | null;
}

export interface PicasaAlbum {
  token: string;
  /** null when the section has no `name=` (Picasa leaves only `token=` after deleting an album). */
  name: string | null;
  /** `date=` as written (ISO 8601 with offset), or null. */
  date: string | null;
  line: number;
}

/** The `[Picasa]` folder header. */
export interface PicasaFolderInfo {
  name: string | null;
  description: string | null;
  /** OLE Automation date as written (days since 1899-12-30, no time zone). */
  date: string | null;
  category: string | null;
  p2category: string | null;
}

export interface PicasaIni {
  photos: PicasaPhoto[];
  /** `[Contacts2]`: contact id (16 hex) → name. */
  contacts: Map<string, string>;
  albums: PicasaAlbum[];
  folder: PicasaFolderInfo | null;
  /** `[encoding] utf8=1` was present. */
  utf8: boolean;
  warnings: PicasaWarning[];
  /** Warnings left out of `warnings` because of the per-file cap. */
  warningsNotListed: number;
  /** Lines that could not be used (may exceed `warnings.length`, which is capped). */
  unparsedLines: number;
}

/** The contact id Picasa writes for a face it has no name for. */
export const UNNAMED_CONTACT_ID = 'ffffffffffffffff';
