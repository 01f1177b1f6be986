import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import type { CommandPayload, CommandResult, CommandType } from '../../shared/protocol';
import type { ProxyProgress } from '../../shared/proxy/commands';
import type { RegionDocument } from '../../shared/regiondocs/documents';
import { actors, ok } from '../support/actors';
import { ARTIFACTS, launchBrowser, openFace, screenshot } from '../support/browser';
import { caseHall, ID } from '../support/caseHall';
import { demoHub, opId, terminal } from '../support/hub';
import { chineseOnPage, hallData } from '../support/walkHall';

/** The village point (a hall of its own) whose clerk carries cases up to the city hall. */
const VILLAGE = { id: 'H3305', code: 'H3305', name: '青山村便民服务站' };
const V1 = 'H3305-c-01';
/** The region's proxy catalog: the village level's points take in these two 市场监管 items for a hall above. */
const CATALOG: RegionDocument = {
  kind: 'proxy_catalog',
  version: 1,
  publishedAt: 1,
  content: { levels: { county: [], township: [], village: ['SX-AMR-001', 'SX-AMR-002'] } },
};

/** The region as it is at each hall: a terminal of role `region`, whose commands this test sends by hand (what main/region does). */
function regionAt(hub: Hub) {
  const region = { terminalId: `${hub.hallId}-t-region`, role: 'region' as const, counterId: null };
  hub.store.transaction(() =>
    createTerminal(hub.store, hub.hallId, { id: region.terminalId, role: 'region', name: '市级监管', counterId: null }, 0),
  );
  return <T extends CommandType>(type: T, payload: CommandPayload<T>): CommandResult<T> => {
    const answer = hub.execute(region, { opId: opId(), type, payload });
    if (!answer.ok) throw new Error(`${type}: ${answer.error.code} ${answer.error.message}`);
    return answer.result as CommandResult<T>;
  };
}

/** The whole text of a PDF, as a reader would copy it. */
async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
  return text.replace(/\s+/g, '');
}

describe('全程代办 across levels on the clerks’ faces, in Chromium', () => {
  it('a village clerk takes in a proxy case and follows it to 办结 and prints the notice; the city clerk sees its origin and sends another back', async () => {
    const city = await caseHall(); // the city hall H3301, Monday 2026-11-02 09:00, c01 at counter 1
    const { clock } = city;
    const village = await demoHub({ clock, hall: VILLAGE });
    ok(actors(village).clerk(0)('counter.signIn', { counterId: V1, login: 'c01', password: DEMO_PASSWORD }));
    const toVillage = regionAt(village);
    const toCity = regionAt(city.hub);
    toVillage('regionDoc.apply', { document: CATALOG, level: 'village' });
    toCity('regionDoc.apply', { document: CATALOG, level: 'city' });

    // What the region does with each request waiting at the point: hands it to the city hall, tells the point.
    const carry = () => {
      for (const request of toVillage('proxy.outgoing', {}).requests) {
        const got = toCity('proxy.receive', request);
        toVillage('proxy.routed', {
          proxyId: request.proxyId,
          routing: {
            kind: 'delivered',
            targetHallId: city.hub.hallId,
            targetHallName: '示范市政务服务中心',
            caseId: got.caseId,
            caseNumber: got.caseNumber,
            itemName: got.itemName,
            departmentName: got.departmentName,
          },
        });
      }
    };
    // …and brings each step taken there back, a later state with a later version.
    let version = 0;
    const bringBack = (proxyId: string, result: ProxyProgress['result'] = null) => {
      const c = city.hub.store.where('cases', 'proxy_id = ?', proxyId)[0]!;
      const progress: ProxyProgress = {
        proxyId,
        targetHallId: city.hub.hallId,
        caseId: c.id,
        version: ++version,
        status: c.status,
        paused: c.paused_kind,
        promisedDue: c.promised_due,
        statutoryDue: c.statutory_due,
        acceptedAt: c.accepted_at,
        concludedAt: c.status === 'concluded' || c.status === 'delivered' ? clock() : null,
        result,
        decisionReason: null,
        refusal: c.proxy_refusal ? { reason: c.proxy_refusal, text: c.proxy_refusal_text ?? '' } : null,
      };
      toVillage('proxy.progress', progress);
    };

    // A busy point: other villagers' proxy cases in the list already, some delivered and in hand at the city.
    const villageClerk = actors(village).clerk(0);
    const others = ['赵一', '钱二', '孙三', '周四', '吴五', '郑六'].map((name, i) => {
      const proxyId = randomUUID();
      ok(
        villageClerk('proxy.register', {
          proxyId,
          counterId: V1,
          at: clock(),
          itemCode: i % 2 ? 'SX-AMR-002' : 'SX-AMR-001',
          applicant: { type: 'person', name, idNumber: ID, creditCode: null, phone: `1380013800${i}` },
          materials: ['申请书', '申请人身份证明'],
          note: '',
        }),
      );
      return proxyId;
    });
    carry();
    for (const proxyId of others.slice(0, 3)) {
      const c = city.hub.store.where('cases', 'proxy_id = ?', proxyId)[0]!;
      ok(city.step(c.id, 'accept'));
      bringBack(proxyId);
    }

    const browser = await launchBrowser();
    const point = await openFace(browser, `${village.url}/#/clerk?token=${terminal(village, 'clerk', 0).token}`, {
      width: 1600,
      height: 1000,
    });
    await point.getByRole('tab', { name: '代办件' }).click();
    const panel = point.getByRole('region', { name: '全程代办件' });
    const list = panel.getByRole('table', { name: '本大厅的代办件' });
    await expect.poll(() => list.getByRole('rowheader').count()).toBe(6);

    // 代办收件 from the keyboard: the level's items by code and this hall's name for them, the materials filled in.
    await point.keyboard.press('Insert');
    const form = point.getByRole('form', { name: '代办收件' });
    await form.getByRole('combobox', { name: '代办事项' }).selectOption({ label: 'SX-AMR-001 企业设立登记' });
    expect(await form.getByRole('textbox', { name: '已收材料（每行一项）' }).inputValue()).toContain('申请人身份证明');
    await form.getByRole('textbox', { name: '姓名' }).fill('王五');
    await form.getByRole('textbox', { name: '身份证号' }).fill(ID);
    await form.getByRole('textbox', { name: '联系电话' }).fill('13900139000');
    await screenshot(point, 'proxy-register');
    await form.getByRole('button', { name: '登记并送出' }).click();
    await panel.getByText(/^代办件 H3305-\S+ 已登记/).waitFor();
    const mine = village.store.where('proxy_cases', 'applicant_name = ?', '王五')[0]!;
    const row = list.getByRole('row').filter({ has: point.getByRole('rowheader', { name: mine.number }) });
    await row.getByText('送出中').waitFor();

    // Delivered at the city hall: its name and case number; accepted there: the due day comes back.
    carry();
    await row.getByText('已送达').waitFor();
    const delivered = city.hub.store.where('cases', 'proxy_id = ?', mine.id)[0]!;
    await row.getByRole('cell').filter({ hasText: '示范市政务服务中心' }).filter({ hasText: delivered.number }).waitFor();
    ok(city.step(delivered.id, 'accept'));
    bringBack(mine.id);
    await row.getByText('已受理').waitFor();
    const due = city.row(delivered.id).promised_due!;
    await row.getByRole('cell', { name: due }).waitFor();
    expect(await row.getByRole('button', { name: /办结通知书/ }).count()).toBe(0); // nothing to print before 办结

    // In hand, decided and concluded at the city: 办结 at the point, and its notice printed there.
    ok(city.step(delivered.id, 'undertake'));
    ok(city.step(delivered.id, 'review'));
    ok(city.step(delivered.id, 'approve'));
    bringBack(mine.id);
    await row.getByText('办理中').waitFor();
    ok(city.step(delivered.id, 'conclude', { feeCents: 0 }));
    bringBack(mine.id, 'approved');
    await row.getByText('已办结').waitFor();
    await screenshot(point, 'proxy-point-list');
    await row.getByRole('button', { name: `打印 ${mine.number} 的办结通知书` }).click();
    const sheet = point.getByRole('article', { name: `办结通知书 ${mine.number}` });
    await sheet.waitFor();
    await screenshot(point, 'proxy-point-notice');
    const pdf = await point.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(ARTIFACTS, 'proxy-point-notice.pdf'), pdf);
    const text = await pdfText(new Uint8Array(pdf));
    for (const s of [
      '示范市政务服务中心',
      '办结通知书',
      `办件编号：${delivered.number}`,
      mine.number,
      '王五：',
      '企业设立登记',
      '准予许可',
      '全程代办员',
      '青山村便民服务站',
    ])
      expect(text, s).toContain(s);
    await point.keyboard.press('Escape');

    // The city's clerk of 市场监管: the department's list shows each proxy case's origin; one not yet accepted goes back.
    const sentBack = city.hub.store.where('cases', 'proxy_id = ?', others[4]!)[0]!;
    const desk = await openFace(browser, `${city.hub.url}/#/clerk?token=${terminal(city.hub, 'clerk', 0).token}`, {
      width: 1600,
      height: 1000,
    });
    await desk.getByRole('tab', { name: '本部门办件' }).click();
    await desk.getByRole('list', { name: '本部门办件' }).getByText('代办 · 青山村便民服务站').first().waitFor();
    await screenshot(desk, 'proxy-target-list');
    await desk.getByRole('button', { name: new RegExp(`^${sentBack.number} .*代办 · 青山村便民服务站$`) }).click();
    // The city hall carries nothing up: its clerks have no 代办件 tab.
    expect(await desk.getByRole('tab').allTextContents()).not.toContain('代办件');
    const detail = desk.getByRole('region', { name: `办件 ${sentBack.number}` });
    await detail.getByText('青山村便民服务站 · 代办员').waitFor();
    // Not refused here as a case of the hall's own: sent back, so the reason reaches the point.
    expect(await detail.getByRole('button', { name: '不予受理' }).count()).toBe(0);
    await screenshot(desk, 'proxy-target-detail');
    await detail.getByRole('button', { name: '退回代办件' }).click();
    const back = desk.getByRole('form', { name: '退回代办件' });
    await back.getByRole('combobox', { name: '退回原因' }).selectOption({ label: '申请材料不齐全' });
    await back.getByRole('textbox', { name: '退回说明' }).fill('缺少股东会决议，请补齐后重新代办');
    await screenshot(desk, 'proxy-target-sendback');
    await back.getByRole('button', { name: '退回到代办点' }).click();
    await detail.getByRole('definition').filter({ hasText: '申请材料不齐全' }).waitFor();
    await detail.getByRole('definition').filter({ hasText: '缺少股东会决议，请补齐后重新代办' }).waitFor();
    expect(await detail.getByRole('button', { name: '退回代办件' }).count()).toBe(0);

    // Back at the point: 已退回, with the reason and the words, for the agent to tell the applicant.
    bringBack(others[4]!);
    const returned = list
      .getByRole('row')
      .filter({ has: point.getByRole('rowheader', { name: village.store.get('proxy_cases', others[4]!)!.number }) });
    await returned.getByText('已退回').waitFor();
    await returned.getByText('申请材料不齐全：缺少股东会决议，请补齐后重新代办').waitFor();
    await screenshot(point, 'proxy-point-returned');

    // Two weeks on, the proxy cases accepted at the city are due: the board's supervision list names where they came from.
    city.days(14);
    const board = await openFace(browser, `${city.hub.url}/#/manager?token=${terminal(city.hub, 'manager').token}`, {
      width: 1600,
      height: 1000,
    });
    await board.getByRole('tab', { name: '办件监察' }).click();
    const supervised = board.getByRole('table', { name: '预警与超期办件' });
    for (const proxyId of others.slice(0, 3)) {
      const number = city.hub.store.where('cases', 'proxy_id = ?', proxyId)[0]!.number;
      await supervised.getByRole('row').filter({ hasText: number }).getByText('代办 · 青山村便民服务站').waitFor();
    }
    await screenshot(board, 'proxy-board-supervision');

    // English: the same screens with no Chinese but the halls' data (names, what people typed, the numbers).
    const data = [...hallData(village), ...hallData(city.hub), ...village.store.all('proxy_cases').map((p) => p.number)].sort(
      (a, b) => b.length - a.length,
    );
    await point.getByRole('button', { name: 'English' }).click();
    await point.getByRole('table', { name: 'This hall’s proxy cases' }).getByText('Sent back', { exact: true }).waitFor();
    await point.getByRole('table', { name: 'This hall’s proxy cases' }).getByText('Concluded', { exact: true }).waitFor();
    expect(await chineseOnPage(point, data)).toEqual([]);
    await screenshot(point, 'proxy-point-list-en');
    await desk.getByRole('button', { name: 'English' }).click();
    await desk
      .getByRole('region', { name: `Case ${sentBack.number}` })
      .getByRole('definition')
      .filter({ hasText: 'Materials incomplete' })
      .waitFor();
    expect(await chineseOnPage(desk, data)).toEqual([]);
    await screenshot(desk, 'proxy-target-detail-en');
  });
});
