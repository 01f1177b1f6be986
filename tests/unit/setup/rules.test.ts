import { describe, expect, it } from 'vitest';
import { formatPriorities, hallMinute, parsePriorities, withinTicketingHours } from '../../../shared/setup/rules';
import { HallSetupSheet, setupProblems } from '../../../shared/setup/sheet';

describe('setup rules', () => {
  it('the minute of the hall day follows the hall’s offset, across midnight either way', () => {
    expect(hallMinute(Date.parse('2026-11-25T00:30:00Z'), 480)).toBe(8 * 60 + 30);
    expect(hallMinute(Date.parse('2026-11-25T16:10:00Z'), 480)).toBe(10); // 00:10 the next day in Beijing
    expect(hallMinute(Date.parse('2026-11-25T02:00:00Z'), -300)).toBe(21 * 60); // 21:00 the day before in New York
  });

  it('ticketing hours include their start and exclude their end; an open end is no limit', () => {
    const hours = { ticket_from: '08:30', ticket_until: '16:30' };
    expect([509, 510, 989, 990].map((m) => withinTicketingHours(hours, m))).toEqual([false, true, true, false]);
    expect(withinTicketingHours({ ticket_from: null, ticket_until: '12:00' }, 0)).toBe(true);
    expect(withinTicketingHours({ ticket_from: null, ticket_until: null }, 1439)).toBe(true);
  });

  it('priority classes are stored in their canonical order and read back, ignoring unknown words', () => {
    expect(formatPriorities(['appointment', 'normal'])).toBe('normal,appointment');
    expect(parsePriorities('green,bogus,normal')).toEqual(['normal', 'green']);
  });

  it('a sheet’s cross-row problems are all found; names the hall already has count as known', () => {
    const sheet = HallSetupSheet.parse({
      hall: null,
      zones: ['一楼'],
      departments: ['社保局', '社保局'],
      services: [
        {
          prefix: 'A',
          name: '登记',
          department: '社保局',
          dailyCap: null,
          maxWaitMin: 30,
          maxServiceMin: 20,
          ticketFrom: null,
          ticketUntil: null,
          priorities: ['normal'],
        },
        {
          prefix: 'A',
          name: '咨询',
          department: '税务局',
          dailyCap: null,
          maxWaitMin: 30,
          maxServiceMin: 20,
          ticketFrom: null,
          ticketUntil: null,
          priorities: ['normal'],
        },
      ],
      counters: [{ number: 1, name: '1号窗口', zone: '二楼', profile: 'ordered', services: ['A', 'B', 'A'] }],
      staff: [{ login: 'c01', name: '王芳', role: 'clerk', department: '民政局', displayName: '王工' }],
    });
    const problems = setupProblems(sheet, { zones: new Set(), departments: new Set(), prefixes: new Set(['B']) });
    expect(problems.map(({ sheet, row, reason, message }) => ({ sheet, row, reason, message }))).toEqual([
      { sheet: '部门', row: 3, reason: 'sheet.duplicate', message: '部门“社保局”与第 2 行重复' },
      { sheet: '服务', row: 3, reason: 'sheet.duplicate', message: '号码前缀“A”与第 2 行重复' },
      { sheet: '服务', row: 3, reason: 'sheet.unknown', message: '未知部门“税务局”' },
      { sheet: '窗口', row: 2, reason: 'sheet.unknown', message: '未知区域“二楼”' },
      { sheet: '窗口', row: 2, reason: 'rule.repeated', message: '有重复的项' },
      { sheet: '人员', row: 2, reason: 'sheet.unknown', message: '未知部门“民政局”' },
    ]);
    expect(problems[3]!.params).toEqual({ what: 'zone', value: '二楼' });
    expect(
      setupProblems(
        { ...sheet, departments: ['社保局'], services: [sheet.services[0]!], counters: [], staff: [] },
        { zones: new Set(), departments: new Set(), prefixes: new Set() },
      ),
    ).toEqual([]);
  });
});
