/**
 * Request bodies arrive as text: JSON nesting is measured before anything parses it (a 20,000-deep array must
 * not reach a recursive walker), and JSON is parsed without prototype keys.
 */
import sjson from 'secure-json-parse';

/** Deepest JSON nesting a request body may have. A report nests about 7 levels; parseReport allows 32. */
export const MAX_BODY_DEPTH = 40;

/** The nesting check parseReport uses, shared so the body is refused before anything parses it. */
export { jsonDepthExceeds } from '../src/report/limits.js';

export class BodyError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/** Parses JSON text strictly: 400 with a plain message for bad JSON or `__proto__` / `constructor.prototype` keys. */
export function parseJsonBody(text: string): unknown {
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (e) {
    const forbidden = e instanceof SyntaxError && /prototype/i.test(e.message);
    throw new BodyError(400, forbidden
      ? 'The body has a forbidden key (__proto__ or constructor.prototype). Send the report as the widget or the CLI wrote it.'
      : `The body is not valid JSON (${e instanceof Error ? e.message : String(e)}). Send the report as JSON or as a share code (text/plain).`);
  }
}
