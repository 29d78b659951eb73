/**
 * Bearer tokens: ingest tokens can only write, read tokens can only read. Compared in constant time (both sides
 * hashed to a fixed length first, every configured token compared, no early exit); never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'ingest' | 'read';

export interface TokenSets {
  ingest: readonly string[];
  read: readonly string[];
}

/** Shortest token accepted from configuration: 16 characters (a guessable token is no token). */
export const MIN_TOKEN_CHARS = 16;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export interface TokenMatcher {
  /** Which kind the bearer token is, or null for none of them. */
  kindOf(token: string): TokenKind | null;
}

export function createTokenMatcher(sets: TokenSets): TokenMatcher {
  const ingest = sets.ingest.map(digest);
  const read = sets.read.map(digest);
  const any = (list: Buffer[], d: Buffer): boolean => {
    let hit = false;
    for (const t of list) hit = timingSafeEqual(t, d) || hit;
    return hit;
  };
  return {
    kindOf(token) {
      const d = digest(token);
      const isIngest = any(ingest, d);
      const isRead = any(read, d);
      return isIngest ? 'ingest' : isRead ? 'read' : null;
    },
  };
}

/** A fresh random token (32 bytes, base64url). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Splits a comma-separated list, trimming blanks. Throws a clear error for a token that is too short. */
export function parseTokenList(text: string | undefined, what: string): string[] {
  const list = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const t of list) {
    if (t.length < MIN_TOKEN_CHARS) {
      throw new Error(`${what === 'ingest' ? 'An' : 'A'} ${what} token is shorter than ${MIN_TOKEN_CHARS} characters. Use long random tokens, e.g. from "openssl rand -base64 32".`);
    }
  }
  return list;
}

/** The token in an `Authorization: Bearer ...` header, or null. */
export function bearerOf(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}
