import { textOfFields } from '../detect/fields';

/** What a request carries: a body with its media type (often unknown), or a named field's value. */
export type RequestPart = { body: string; type: string } | { field: string; value: string };

/** JSON inside JSON (a GraphQL query's variables sent as a string) is read this deep, no deeper. */
const MAX_DEPTH = 3;
const URL_ENCODED = /^[\w.~%[\]-]+=[^&\s]*(?:&[\w.~%[\]-]+=[^&\s]*)*$/;
const JSON_START = /^\s*[[{"]/;

/**
 * A request's text as the person who typed it would read it, the same in the page's guard and in the network
 * backstop: JSON string values unescaped (\u0041, \n),
 * URL-encoded bodies and queries decoded, each value on a line of its own (textOfFields), so that an identifier
 * split over fields or keys still reads as one.
 */
export function textOfRequest(parts: readonly RequestPart[]): string {
  const values: string[] = [];
  for (const part of parts) {
    if ('field' in part) values.push(...valuesOf(part.value, '', 1));
    else values.push(...valuesOf(part.body, part.type, 0));
  }
  return textOfFields(values);
}

function valuesOf(text: string, type: string, depth: number): string[] {
  if (depth > MAX_DEPTH || !text.trim()) return [text];
  if (/json/i.test(type) || JSON_START.test(text)) {
    const parsed = parseJson(text);
    if (parsed !== undefined) return jsonValues(parsed).flatMap((v) => valuesOf(v, '', depth + 1));
  }
  if (/x-www-form-urlencoded/i.test(type) || (text.length < 1024 * 1024 && URL_ENCODED.test(text))) {
    const values: string[] = [];
    // A key without a value carries text too ("?219-09-9999").
    for (const [key, value] of new URLSearchParams(text)) values.push(...(value ? valuesOf(value, '', depth + 1) : [key]));
    return values;
  }
  return [text];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every string and number in a JSON value, in document order, without recursion (a hostile depth is fine). */
function jsonValues(root: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number' || typeof v === 'bigint') out.push(String(v));
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === 'object') {
      const values = Object.values(v);
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return out;
}

