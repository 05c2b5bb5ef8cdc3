import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a link or a token: 32 random bytes, URL-safe, with a readable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret: its SHA-256 (the secrets are random, so no slow KDF is needed). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
