import type { IncomingMessage } from 'node:http';

/**
 * A request's JSON body, read up to `maxBytes`: 'tooLarge' as soon as it passes them (the rest is
 * not read), null for a body that is not JSON (the caller answers it as a validation failure).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<{ json: unknown } | 'tooLarge'> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > maxBytes) return 'tooLarge';
  }
  try {
    return { json: JSON.parse(body) as unknown };
  } catch {
    return { json: null };
  }
}
