import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../shared/kernel/errors';
import { DocumentsBoard, PublishRequest } from '../../shared/regiondocs/board';
import { readJsonBody } from '../kernel/jsonBody';
import { sendJson } from '../kernel/staticFiles';
import { packageYears } from '../../shared/calendar/package';
import { RegionDocuments } from './documents';
import type { Region } from './region';
import type { Supervisor } from './supervisors';

/** A proxy catalog lists up to 500 codes for each of three levels. */
const MAX_DOCUMENT_BODY = 64 * 1024;

const invalid = (res: ServerResponse, message: string) => sendJson(res, 400, { error: { code: ErrorCode.VALIDATION_FAILED, message } });

/**
 * The documents the region sends down, for a signed-in supervisor:
 *   GET  /api/documents                    → the latest versions and each hall's state (shared/regiondocs/board)
 *   POST /api/documents {kind, content}    → a new version, sent at once to every connected hall (city supervisors only)
 *   GET  /api/documents/package-year?year= → the year's schedule as the holiday-data package has it, to import
 */
export async function documentRoutes(
  o: { region: Region; clock: () => number },
  who: Supervisor,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const documents = new RegionDocuments(o.region.store, o.clock);
  if (url.pathname === '/api/documents/package-year') {
    const year = Number(url.searchParams.get('year'));
    const known = packageYears().get(year);
    if (!known) return sendJson(res, 404, { error: { code: ErrorCode.NOT_FOUND, message: `节假日数据包里没有 ${year} 年的安排` } });
    return sendJson(res, 200, { year, ...known });
  }
  if (url.pathname !== '/api/documents') return sendJson(res, 404, { error: { code: ErrorCode.NOT_FOUND, message: '没有这个地址' } });
  if (req.method === 'GET') return sendJson(res, 200, DocumentsBoard.parse(await documents.board(who)));
  if (req.method !== 'POST') return sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'GET or POST only' } });
  const read = await readJsonBody(req, MAX_DOCUMENT_BODY);
  if (read === 'tooLarge') return sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求过大' } });
  const given = PublishRequest.safeParse(read.json);
  if (!given.success) return invalid(res, given.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const answer = await documents.publish(who, given.data);
  if (!answer.ok) return sendJson(res, 403, { error: answer.error });
  // The halls are sent the new version now; the answer does not wait for them (a hall may be away for days).
  if (answer.published.created) void o.region.deliverDocuments();
  return sendJson(res, answer.published.created ? 201 : 200, answer.published);
}
