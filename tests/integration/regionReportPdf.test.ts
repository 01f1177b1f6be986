import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_BROWSER } from '../../main/kernel/reportPdf';
import { regionHttp } from '../../main/region/http';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { Supervisors } from '../../main/region/supervisors';
import type { ReportDocument } from '../../shared/reports/document';
import { onCleanup } from '../support/hub';
import { pdfText } from '../support/pdf';
import { throwawayPostgres } from '../support/pg';
import { REGION_PASSWORD, supervisorToken } from '../support/regionHalls';

/** A region server with no halls, printing with `pdfBrowser`; its address. */
async function server(region: Region, supervisors: Supervisors, pdfBrowser: string | null): Promise<string> {
  const http = regionHttp({ region, supervisors, rendererDir: 'dist/renderer', clock: Date.now, log: () => {}, pdfBrowser });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => http.close(() => resolve())));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

const DOC: ReportDocument = {
  title: '示范市排队叫号报表',
  lines: ['2026-10 至 2026-11', '数据截至 2026-11-02（已日结）'],
  tables: [
    {
      title: '示范市排队叫号报表',
      columns: [{ header: '大厅' }, { header: '取号数', figure: { id: 'issued', unit: 'count' } }],
      rows: [
        {
          group: 'H1',
          bucket: '',
          cells: [
            { text: '甲县<b>中心</b>', value: null },
            { text: '12', value: 12 },
          ],
        },
        {
          group: '',
          bucket: 'total',
          cells: [
            { text: '合计', value: null },
            { text: '12', value: 12 },
          ],
        },
      ],
    },
  ],
};

describe('the region prints a report’s document as a PDF', () => {
  it('for a supervisor, the table as sent (escaped), one document at a time; bad, oversized or unauthenticated requests are refused', async () => {
    const db = await throwawayPostgres();
    const region = await Region.start(RegionStore.connect(db.url), () => {});
    onCleanup(() => region.close());
    const supervisors = new Supervisors(region.store, Date.now);
    await supervisors.addNode({ id: 'city', parentId: null, level: 'city', name: '示范市' });
    await supervisors.add({ login: 'shi', name: '市监管科', nodeId: 'city', password: REGION_PASSWORD });
    const url = await server(region, supervisors, DEFAULT_PDF_BROWSER);
    const token = await supervisorToken(url, 'shi');
    const post = (body: unknown, at = url, bearer: string | null = token) =>
      fetch(`${at}/api/report/pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const [zh, en] = await Promise.all([
      post({ lang: 'zh-CN', document: DOC }),
      post({ lang: 'en', document: { ...DOC, title: 'City: Queue report' } }),
    ]);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await zh.arrayBuffer()))).replace(/\s+/g, '');
    for (const words of ['示范市排队叫号报表', '数据截至2026-11-02', '大厅取号数', '甲县<b>中心</b>12', '合计12'])
      expect(text).toContain(words);
    expect(en.status).toBe(200);
    expect(await pdfText(new Uint8Array(await en.arrayBuffer()))).toContain('City: Queue report');

    expect((await post({ lang: 'zh-CN', document: DOC }, url, null)).status).toBe(401);
    expect((await fetch(`${url}/api/report/pdf`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
    for (const bad of [
      'not json',
      { document: DOC },
      { lang: 'fr', document: DOC },
      { lang: 'en', document: { ...DOC, tables: [] } },
      { lang: 'en', document: { ...DOC, script: '<script>' } },
      { lang: 'en', document: { ...DOC, title: 'x'.repeat(301) } },
      {
        lang: 'en',
        document: { ...DOC, tables: [{ ...DOC.tables[0]!, rows: [{ group: '', bucket: '', cells: [{ text: '1', value: 'NaN' }] }] }] },
      },
    ]) {
      const refused = await post(bad);
      expect(refused.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const huge = await post({ lang: 'en', document: { ...DOC, lines: ['x'.repeat(2_100_000)] } });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    // A server without a browser says so, typed; the CSV and Excel exports need none.
    const bare = await server(region, supervisors, null);
    const none = await post({ lang: 'zh-CN', document: DOC }, bare, await supervisorToken(bare, 'shi'));
    expect(none.status).toBe(503);
    expect(await none.json()).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
