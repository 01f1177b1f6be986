import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { openFace } from './browser';
import { callerOf, opId, terminal } from './hub';

/**
 * The applicant's booking page or a slip's follow page, in English at phone size (390×844): the
 * booking page after a template is set (as the manager signed in at the demo's manager terminal),
 * the follow page for a ticket the kiosk just issued.
 */
export async function openBookingPage(browser: Browser, hub: Hub, face: 'book' | 'follow'): Promise<Page> {
  const lines = [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 5 }];
  if (face === 'book') {
    const set = hub.execute(callerOf(terminal(hub, 'manager')), {
      opId: opId(),
      type: 'booking.setTemplate',
      payload: { serviceId: 'H3301-s-A', lines },
    });
    expect(set).toMatchObject({ ok: true });
  }
  let url = `${hub.url}/#/book`;
  if (face === 'follow') {
    const issued = hub.execute(callerOf(terminal(hub, 'kiosk')), {
      opId: opId(),
      type: 'ticket.issue',
      payload: { serviceId: 'H3301-s-A', priority: 'normal', confirm: null },
    });
    if (!issued.ok) throw new Error(issued.error.message);
    url = `${hub.url}/#/follow?t=${String(issued.result.followToken)}`;
  }
  const page = await openFace(browser, url, { width: 390, height: 844 }, 'en-US');
  await page.getByRole('heading').first().waitFor();
  return page;
}
