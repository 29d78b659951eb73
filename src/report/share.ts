/**
 * Share codes: a report as one line of text for a chat message or a ticket.
 *
 *   code = "CCPF1." + base64url( deflate-raw( UTF-8( JSON.stringify(report) ) ) )
 *
 * `CCPF1` names the code format (version 1); the JSON inside carries its own `schema`. Compression uses the
 * platform's CompressionStream (Chromium, Firefox, Safari 16.4+, Node 18+ for deflate-raw on Node 20), so
 * there is no compression dependency. Redaction is on by default: a share code is meant to travel.
 */
import { redactReport } from './redact.js';
import type { Report } from './schema.js';

export const SHARE_CODE_PREFIX = 'CCPF1.';

export interface EncodeOptions {
  /** Redact before encoding (default true): credentials, public IPs, agent identity, phone digits. */
  redact?: boolean;
}

/**
 * What went wrong with a share code, one stable code per refusal (the English `message` says it for a supervisor;
 * a viewer in another language says it again from the code and `params`: src/i18n/parse-texts.ts).
 */
export type ShareCodeErrorCode =
  | 'share-prefix'
  | 'share-empty'
  | 'share-characters'
  | 'share-incomplete'
  | 'share-damaged'
  | 'share-unreadable-text'
  | 'share-too-large'
  | 'share-unsupported';

/** Thrown by decodeShareCode with a message for a supervisor; parseReport turns it into an error entry. */
export class ShareCodeError extends Error {
  constructor(
    message: string,
    readonly reason: 'prefix' | 'characters' | 'truncated' | 'corrupted' | 'too-large' | 'unsupported',
    /** The refusal's stable code (optional for callers that construct one themselves). */
    readonly code?: ShareCodeErrorCode,
    /** The figures the message uses: `char` and `position` (share-characters), `limit` in bytes (share-too-large). */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'ShareCodeError';
  }
}

const AGAIN = 'Ask the agent to copy the share code again (all of it), or to send the report as JSON.';

/** The report as a share code. Async (CompressionStream is a stream). */
export async function encodeShareCode(report: Report, options: EncodeOptions = {}): Promise<string> {
  const r = options.redact === false ? report : redactReport(report);
  const bytes = new TextEncoder().encode(JSON.stringify(r));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  return SHARE_CODE_PREFIX + toBase64Url(packed);
}

/**
 * The JSON text inside a share code. Whitespace and line breaks anywhere in the code are ignored (chat
 * clients wrap long lines). Throws ShareCodeError with a supervisor-friendly message.
 */
export async function decodeShareCode(code: string, options: { maxBytes?: number } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const compact = code.replace(/\s+/g, '');
  if (!compact.startsWith(SHARE_CODE_PREFIX)) {
    throw new ShareCodeError(`A share code starts with "${SHARE_CODE_PREFIX}"; this text does not. ${AGAIN}`, 'prefix', 'share-prefix');
  }
  const body = compact.slice(SHARE_CODE_PREFIX.length).replace(/=+$/, '');
  if (body.length === 0) throw new ShareCodeError(`The share code is empty after "${SHARE_CODE_PREFIX}": it was cut off when copied. ${AGAIN}`, 'truncated', 'share-empty');
  const bad = /[^A-Za-z0-9_-]/.exec(body);
  if (bad) {
    throw new ShareCodeError(
      `The share code contains a character that cannot be in one ("${bad[0]}" at position ${SHARE_CODE_PREFIX.length + bad.index + 1}); it was changed when copied. ${AGAIN}`,
      'characters',
      'share-characters',
      { char: bad[0], position: SHARE_CODE_PREFIX.length + bad.index + 1 },
    );
  }
  if (body.length % 4 === 1) throw new ShareCodeError(`The share code is incomplete: it was cut off when copied. ${AGAIN}`, 'truncated', 'share-incomplete');
  if (typeof DecompressionStream !== 'function') {
    throw new ShareCodeError('This browser cannot open share codes (no DecompressionStream). Use a current Chrome, Edge or Firefox, or ask for the JSON.', 'unsupported', 'share-unsupported');
  }
  const bytes = fromBase64Url(body);
  let out: Uint8Array;
  try {
    out = await pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes);
  } catch (e) {
    if (e instanceof ShareCodeError) throw e;
    throw new ShareCodeError(`The share code is incomplete or damaged: it could not be unpacked (it was probably cut off or changed when copied). ${AGAIN}`, 'truncated', 'share-damaged');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(out);
  } catch {
    throw new ShareCodeError(`The share code is damaged: it unpacked into unreadable text. ${AGAIN}`, 'corrupted', 'share-unreadable-text');
  }
}

/**
 * Finds a share code in pasted text: the text itself, or a link with `#report=CCPF1...`, or the code with
 * line breaks inside. Returns null when the text does not contain one.
 */
export function findShareCode(text: string): string | null {
  const t = text.trim();
  if (t.startsWith(SHARE_CODE_PREFIX)) return t;
  const m = /[#&?]report=(CCPF1\.[\sA-Za-z0-9_=-]*)/.exec(t);
  if (m?.[1]) return m[1];
  return null;
}

/** Runs bytes through a transform stream, failing with ShareCodeError past maxBytes of output. */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Write and close without awaiting first: awaiting the write before reading deadlocks on backpressure.
  const writing = (async () => {
    await writer.write(input as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  writing.catch(() => undefined); // the read side reports the failure
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ShareCodeError(
        `The share code unpacks to more than ${maxBytes.toLocaleString('en-US')} bytes, over this viewer's limit; it is not a ccp-preflight report or it was altered.`,
        'too-large',
        'share-too-large',
        { limit: maxBytes },
      );
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
