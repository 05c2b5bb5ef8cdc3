import type { KindredDb } from '@kindred/db';

/** Who is asking: a signed-in family member or a script's token (see @kindred/auth). */
export type Role = 'owner' | 'editor' | 'viewer';
export interface Actor {
  role: Role;
  /** Recorded in `edits.actor`. */
  name?: string;
  /** The signed-in member's account id (absent for tokens and for the standalone tools). */
  userId?: string;
}

/** A box drawn by hand, normalized {x, y, w, h} of the upright image. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Describes a hand-drawn face: injected so the schema does not load vision models itself. */
export type DescribeBox = (
  photoPath: string,
  box: Box,
) => Promise<{ descriptor: ArrayLike<number>; landmarks?: ArrayLike<number> | null }>;

export interface KindredContext {
  db: KindredDb;
  actor: Actor;
  describeBox?: DescribeBox;
}
