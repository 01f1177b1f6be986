import { describe, expect, it } from 'vitest';
import type { CommandPayload } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { demoHub, manualClock, terminal } from '../support/hub';
import { launchBrowser, openFace } from '../support/browser';

const service = (over: Partial<CommandPayload<'service.save'>>): CommandPayload<'service.save'> => ({
  serviceId: 'H3301-s-K',
  departmentId: 'H3301-d-civ',
  name: '婚姻登记',
  prefix: 'K',
  sort: 12,
  dailyCap: 60,
  maxWaitMin: 30,
  maxServiceMin: 20,
  ticketFrom: null,
  ticketUntil: null,
  priorities: ['normal', 'green', 'major', 'appointment'],
  ...over,
});

describe('the kiosk keeps to each service’s setup', () => {
  it('a service outside its ticketing hours says when it issues; a service offers only the classes it takes', async () => {
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-11-25T00:00:00Z')) }); // 08:00 in Beijing
    const { manager } = actors(hub);
    ok(manager('service.save', service({ ticketFrom: '08:30', ticketUntil: '16:30' })));
    ok(
      manager(
        'service.save',
        service({
          serviceId: 'H3301-s-A',
          departmentId: 'H3301-d-amr',
          name: '企业开办',
          prefix: 'A',
          sort: 1,
          dailyCap: null,
          priorities: ['normal', 'green'],
        }),
      ),
    );
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${hub.url}/#/kiosk?token=${terminal(hub, 'kiosk').token}`, { width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: '民政局' }).click();
    const marriage = kiosk.getByRole('button', { name: /^婚姻登记 / });
    await expect.poll(() => marriage.textContent()).toContain('取号时间 08:30–16:30');
    expect(await marriage.isDisabled()).toBe(true);
    await kiosk.getByRole('button', { name: '返回' }).click();
    await kiosk.getByRole('button', { name: '市场监督管理局' }).click();
    await kiosk.getByRole('button', { name: /^企业开办 / }).click();
    await kiosk.getByRole('radio', { name: '普通', exact: true }).waitFor();
    expect(await kiosk.getByRole('radio').count()).toBe(2);
    expect(await kiosk.getByRole('radio', { name: '绿色通道' }).count()).toBe(1);
  });
});
