import type { Locator, Page } from 'playwright-core';
import { REGION_PASSWORD } from './regionHalls';

/** Signs the supervisor `login` in on the regional board's page, in Chinese. */
export async function signInSupervisor(page: Page, login = 'shi'): Promise<void> {
  const form = page.getByRole('form', { name: '监管人员登录' });
  await form.getByRole('textbox', { name: '工号' }).fill(login);
  await form.getByLabel('密码').fill(REGION_PASSWORD);
  await form.getByRole('button', { name: '登录' }).click();
}

/** A city report's row headers over regionNetwork's halls: by their nodes' names, the total last. */
export const CITY_REPORT_ROWS = [
  '乙县政务服务中心（示范市 › 乙县）',
  '甲县政务服务中心（示范市 › 甲县）',
  '丙镇便民服务中心（示范市 › 甲县 › 丙镇）',
  '合计',
];

/**
 * Asks the board's 分级报表 for `subject` (its value, or its label) over the months from..to under
 * the node `node`; answers the reports region and its form, for the questions that follow.
 */
export async function askReport(
  page: Page,
  ask: { subject: string | { label: string }; from: string; to: string; node: string },
): Promise<{ reports: Locator; setup: Locator }> {
  const reports = page.getByRole('region', { name: '分级报表' });
  const setup = reports.getByRole('form', { name: '报表条件' });
  await setup.getByLabel('类别').selectOption(ask.subject);
  await setup.getByLabel('开始月份').fill(ask.from);
  await setup.getByLabel('结束月份').fill(ask.to);
  await setup.getByLabel('辖区').selectOption(ask.node);
  await setup.getByRole('button', { name: '生成报表' }).click();
  return { reports, setup };
}
