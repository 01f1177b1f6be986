import { describe, expect, it } from 'vitest';
import { sheetFromWorkbook } from '../../../shared/setup/workbook';

const book = {
  大厅: [
    ['名称', '编码', '时区（UTC+小时）'],
    ['城东政务服务中心', 'CD01', '8'],
  ],
  区域: [['名称'], ['一楼']],
  部门: [['名称'], ['社保局'], ['民政局']],
  服务: [
    ['前缀', '名称', '部门', '每日限额', '取号开始', '取号结束', '最长等候（分钟）', '最长办理（分钟）', '取号类别'],
    ['A', '社保登记', '社保局', '', '8:30', '0.6875', '30', '20', '普通、绿色通道'],
    ['K', '婚姻登记', '民政局', '60', '', '', '', '', ''],
  ],
  窗口: [
    ['窗口号', '名称', '区域', '叫号方式', '服务前缀'],
    ['1', '', '一楼', '等候最久优先', 'A、K'],
  ],
  人员: [
    ['工号', '姓名', '角色', '部门', '对外显示名', '公示工号'],
    ['c01', '王芳', '', '社保局', '', '0101'],
    ['boss', '张主任', '系统管理员', '', '张主任'],
  ],
};

describe('the setup workbook', () => {
  it('reads the hall’s words into the setup sheet, with defaults for empty cells', () => {
    const { sheet, problems } = sheetFromWorkbook(book);
    expect(problems).toEqual([]);
    expect(sheet).toEqual({
      hall: { name: '城东政务服务中心', code: 'CD01', utcOffsetMinutes: 480 },
      zones: ['一楼'],
      departments: ['社保局', '民政局'],
      services: [
        {
          prefix: 'A',
          name: '社保登记',
          department: '社保局',
          dailyCap: null,
          ticketFrom: '08:30',
          ticketUntil: '16:30',
          maxWaitMin: 30,
          maxServiceMin: 20,
          priorities: ['normal', 'green'],
        },
        {
          prefix: 'K',
          name: '婚姻登记',
          department: '民政局',
          dailyCap: 60,
          ticketFrom: null,
          ticketUntil: null,
          maxWaitMin: 30,
          maxServiceMin: 20,
          priorities: ['normal'],
        },
      ],
      counters: [{ number: 1, name: '1号窗口', zone: '一楼', profile: 'longest_wait', services: ['A', 'K'] }],
      staff: [
        { login: 'c01', name: '王芳', role: 'clerk', department: '社保局', displayName: '王芳', staffNo: '0101' },
        // No 公示工号: the hall's number stays as it is.
        { login: 'boss', name: '张主任', role: 'admin', department: null, displayName: '张主任', staffNo: undefined },
      ],
    });
  });

  it('reports every problem with its sheet, row and column, and gives no sheet', () => {
    const bad = {
      ...book,
      服务: [book.服务[0]!, ['a', '社保登记', '社保局', '多', '8点', '', '', '', '普通、VIP']],
      窗口: [['窗口号', '名称']],
      人员: [book.人员[0]!, ['王', '王芳', '科长', '', '']],
    };
    const { sheet, problems } = sheetFromWorkbook(bad);
    expect(sheet).toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '窗口', row: 1, reason: 'sheet.missingColumns', message: '缺少列：区域、叫号方式、服务前缀' }),
        expect.objectContaining({ sheet: '服务', row: 2, column: '前缀', reason: 'rule.prefix' }),
        expect.objectContaining({ sheet: '服务', row: 2, column: '每日限额', reason: 'sheet.format' }),
        expect.objectContaining({ sheet: '服务', row: 2, column: '取号开始', reason: 'rule.timeOfDay' }),
        expect.objectContaining({ sheet: '服务', row: 2, column: '取号类别' }),
        expect.objectContaining({ sheet: '人员', row: 2, column: '工号', reason: 'rule.login' }),
        expect.objectContaining({ sheet: '人员', row: 2, column: '角色' }),
      ]),
    );
  });
});
