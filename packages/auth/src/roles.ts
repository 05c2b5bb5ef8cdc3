/** What a family member may do: owner (everything, users), editor (labels, albums), viewer (browse only). */
export const ROLES = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** True when `role` may do what `needed` may do. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A domain error of account management (no HTTP in it); the CLI and the web app word it for their users. */
export class AuthError extends Error {
  override name = 'AuthError';
}
