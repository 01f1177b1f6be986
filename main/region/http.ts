import { z } from 'zod';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ErrorCode } from '../../shared/kernel/errors';
import { Board, SignInRequest } from '../../shared/region/board';
import { readJsonBody } from '../kernel/jsonBody';
import { OneAtATime } from '../kernel/oneAtATime';
import { printPdf, reportHtml } from '../kernel/reportPdf';
import { sendJson, staticFiles } from '../kernel/staticFiles';
import { RegionReport, RegionReportParams } from '../../shared/region/reports';
import { ReportDocumentSchema } from '../../shared/reports/document';
import { boardFor } from './board';
import { documentRoutes } from './documentsHttp';
import { regionReport } from './reports';
import type { Region } from './region';
import type { Supervisors } from './supervisors';

/** A sign-in or a board request is a few hundred bytes. */
const MAX_BODY = 4096;
/** A report's document to print: a county's halls are a few kilobytes, a report by day over years some hundreds. */
const MAX_DOCUMENT = 2_000_000;

const PrintRequest = z.strictObject({ lang: z.enum(['zh-CN', 'en']), document: ReportDocumentSchema });

const bearer = (req: IncomingMessage) => /^Bearer (\S{20,200})$/.exec(req.headers.authorization ?? '')?.[1];

/**
 * The regional server's HTTP face: the board page (the renderer, face `region`), its sign-in and its
 * data, and /health. Every answer is JSON with a stable code; a request that throws is answered 500
 * and logged, never taking the service down.
 *   POST /api/session {login, password} → {token}
 *   GET  /api/board   (Authorization: Bearer token) → the supervisor's halls (shared/region/board)
 *   GET  /api/report?kind=&from=YYYY-MM&to=YYYY-MM&node= (Bearer) → a report over the node's halls
 *        (shared/region/reports); a node outside the supervisor's subtree is refused 403.
 *   POST /api/report/pdf {lang, document} (Bearer) → the report's document (shared/reports/document, the
 *        table the board shows) printed as a PDF with the server's browser, as the hall prints its pack;
 *        one print at a time; 503 when the server has no browser to print with.
 *   /api/documents…   (Authorization: Bearer token) → the documents sent down to the halls (documentsHttp)
 */
export function regionHttp(o: {
  region: Region;
  supervisors: Supervisors;
  rendererDir: string;
  clock: () => number;
  log: (m: string) => void;
  /** The browser PDFs are printed with (reportPdf pdfBrowserOf); null: none, no PDF. */
  pdfBrowser?: string | null;
}): Server {
  const files = staticFiles(o.rendererDir);
  // A headless browser per print: one at a time, so that a burst of exports cannot start dozens.
  const prints = new OneAtATime();
  const pdf = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'POST only' } });
    const read = await readJsonBody(req, MAX_DOCUMENT);
    if (read === 'tooLarge') return sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '报表过大' } });
    const given = PrintRequest.safeParse(read.json);
    if (!given.success)
      return sendJson(res, 400, {
        error: {
          code: ErrorCode.VALIDATION_FAILED,
          message: given.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      });
    const browser = o.pdfBrowser;
    if (!browser)
      return sendJson(res, 503, { error: { code: ErrorCode.INTERNAL, message: '本服务器没有可打印 PDF 的浏览器（--pdf-browser）' } });
    const bytes = await prints.run(() => printPdf(browser, reportHtml(given.data.document, given.data.lang)));
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length, 'cache-control': 'no-store' });
    res.end(bytes);
  };
  const routes = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://region');
    if (url.pathname === '/health') return sendJson(res, 200, { ok: true, halls: o.region.states() });
    if (url.pathname === '/api/session') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'POST only' } });
      const read = await readJsonBody(req, MAX_BODY);
      if (read === 'tooLarge') return sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求过大' } });
      const given = SignInRequest.safeParse(read.json);
      if (!given.success)
        return sendJson(res, 400, { error: { code: ErrorCode.VALIDATION_FAILED, message: '需要 {"login", "password"}' } });
      const answer = await o.supervisors.signIn(given.data.login, given.data.password);
      if (answer.ok) return sendJson(res, 200, { token: answer.token });
      return answer.reason === 'locked'
        ? sendJson(res, 423, { error: { code: ErrorCode.STAFF_LOCKED, message: '密码错误次数过多，账户已暂时锁定，请稍后再试' } })
        : sendJson(res, 401, { error: { code: ErrorCode.BAD_CREDENTIALS, message: '账号或密码错误' } });
    }
    if (
      url.pathname === '/api/board' ||
      url.pathname === '/api/report' ||
      url.pathname === '/api/report/pdf' ||
      url.pathname.startsWith('/api/documents')
    ) {
      const token = bearer(req);
      const who = token ? await o.supervisors.bySession(token) : null;
      if (!who) return sendJson(res, 401, { error: { code: ErrorCode.UNAUTHENTICATED, message: '请先登录' } });
      if (url.pathname.startsWith('/api/documents')) return documentRoutes(o, who, url, req, res);
      if (url.pathname === '/api/report/pdf') return pdf(req, res);
      // Checked on the way out too: the board carries only what its schema names.
      if (url.pathname === '/api/board')
        return sendJson(res, 200, Board.parse(await boardFor(o.region.store, who, o.region.states(), o.clock())));
      const params = RegionReportParams.safeParse(Object.fromEntries(url.searchParams));
      if (!params.success)
        return sendJson(res, 400, {
          error: {
            code: ErrorCode.VALIDATION_FAILED,
            message: params.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          },
        });
      const report = await regionReport(o.region.store.pool, who, params.data, o.clock());
      if (!report) return sendJson(res, 403, { error: { code: ErrorCode.FORBIDDEN, message: '只能查看本辖区的报表' } });
      return sendJson(res, 200, RegionReport.parse(report));
    }
    return files(req, res);
  };
  return createServer((req, res) => {
    routes(req, res).catch((e: unknown) => {
      o.log(`request ${req.method} ${req.url} failed: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: '服务器内部错误' } });
      else res.destroy();
    });
  });
}
