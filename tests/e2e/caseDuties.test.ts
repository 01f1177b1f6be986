import { describe, expect, it } from 'vitest';
import type { Row } from '../../shared/protocol';
import { ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { caseHall, counterOf } from '../support/caseHall';
import { terminal } from '../support/hub';

describe('separation of duties on the screens, in Chromium', () => {
  it('the clerk is offered only their steps; the administrator sets duties and heads; the board decides a joint part for its department', async () => {
    const { hub, register, step, at, registration } = await caseHall(); // Monday 2026-11-02, 09:00
    const c = register();
    for (const s of ['accept', 'undertake', 'review'] as const) ok(step(c.id, s));
    // A case with a 公安 part, registered by 公安's own c06: neither c01 nor c06 may decide the part.
    const joint = ok(
      at(6)('case.register', registration({ counterId: counterOf(6), parts: [{ departmentId: 'H3301-d-psb', limitDays: 3 }] })),
    ).case as Row<'cases'>;
    ok(step(joint.id, 'accept'));

    const browser = await launchBrowser();
    const clerk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, { width: 1600, height: 1000 });
    await clerk.getByRole('button', { name: new RegExp(`^${c.number}`) }).click();
    const detail = clerk.getByRole('region', { name: `办件 ${c.number}` });
    await detail.getByText('按办件分工由其他人员办理：批准、不予批准').waitFor();
    expect(await detail.getByRole('button', { name: '批准', exact: true }).count()).toBe(0);
    await screenshot(clerk, 'case-duties-clerk');
    await detail.getByRole('button', { name: '返回列表' }).click();
    const police = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 5).token}`, { width: 1600, height: 1000 });
    await police.getByRole('button', { name: new RegExp(`^${joint.number}`) }).click();
    await police
      .getByRole('region', { name: `办件 ${joint.number}` })
      .getByText('待出具意见')
      .waitFor();
    expect(await police.getByRole('button', { name: '公安局 同意' }).count()).toBe(0); // c06 received it

    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    await board.getByRole('tab', { name: '办件监察' }).click();
    const parts = board.getByRole('table', { name: '待出具意见的联审环节' });
    await parts.getByRole('button', { name: `代公安局同意 ${joint.number}` }).click();
    await parts.getByText('没有待出具意见的联审环节').waitFor();
    expect(hub.store.where('case_parts', 'case_id = ?', joint.id)).toMatchObject([{ outcome: 'approved', decided_by: 'H3301-u-admin' }]);

    await board.getByRole('tab', { name: '管理与设置' }).click();
    const staffList = board.getByRole('table', { name: '人员列表' });
    await staffList
      .getByRole('row', { name: /^c01 王晓明/ })
      .getByRole('checkbox', { name: '批准' })
      .check();
    await board.getByText('已更新 王晓明 的办件职责').waitFor();
    await screenshot(board, 'case-duties-staff');
    expect(hub.store.where('staff_duties', 'staff_id = ? AND held = 1', 'H3301-u-1').map((d) => d.duty)).toEqual(['approver']);
    await board.getByRole('combobox', { name: '税务局 负责人' }).selectOption({ label: '徐刚（c11）' });
    await board.getByText('已设置税务局的负责人').waitFor();
    expect(hub.store.get('departments', 'H3301-d-tax')!.head_staff_id).toBe('H3301-u-11');
    const form = board.getByRole('form', { name: '办件分工：各环节由谁办理' });
    await form.getByRole('checkbox', { name: '批准（含不予批准）：不得为审核人' }).check();
    await form.getByRole('button', { name: '保存分工' }).click();
    await form.getByText('办件分工已保存').waitFor();
    await screenshot(board, 'case-duties-admin');
    expect(JSON.parse(hub.store.get('halls', hub.hallId)!.case_settings).steps.approve).toEqual({
      by: 'approver',
      apartFrom: ['handler', 'reviewer'],
    });
  });
});
