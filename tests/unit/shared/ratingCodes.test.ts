import { describe, expect, it } from 'vitest';
import {
  normalizeRatingCode,
  printedRatingCode,
  RateLookRequest,
  ratePageAddress,
  RateSubmitRequest,
  RATING_CODE_ALPHABET,
  ratingCodeFrom,
  RatingCode,
} from '../../../shared/ratings/phone';
import { defaultRatingSettings, parseRatingSettings, RatingSettingsSchema } from '../../../shared/ratings/settings';
import { csvText } from '../../../shared/kernel/csv';
import { ratingRows } from '../../../shared/ratings/export';

describe('rating codes', () => {
  it('are 16 characters of an alphabet without look-alikes, one per random byte', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    const code = ratingCodeFrom(bytes);
    expect(code).toHaveLength(16);
    expect([...code].every((c) => RATING_CODE_ALPHABET.includes(c))).toBe(true);
    expect(RATING_CODE_ALPHABET).not.toMatch(/[01IO]/);
    // Every byte counts: changing one changes the code.
    const other = bytes.slice();
    other[15] = (other[15]! + 1) % 256;
    expect(ratingCodeFrom(other)).not.toBe(code);
    expect(() => ratingCodeFrom(new Uint8Array(15))).toThrow();
  });

  it('are read as typed or scanned: any case, with dashes or spaces between groups', () => {
    const code = 'ABCD2345EFGH6789';
    expect(printedRatingCode(code)).toBe('ABCD-2345-EFGH-6789');
    expect(normalizeRatingCode('abcd-2345 efgh-6789')).toBe(code);
    expect(RatingCode.parse(' abcd-2345-efgh-6789 ')).toBe(code);
    for (const bad of ['ABCD2345EFGH678', 'ABCD2345EFGH67890', 'ABCD2345EFGH678O', 'ABCD2345EFGH6781', '', 'x'.repeat(41)])
      expect(RatingCode.safeParse(bad).success).toBe(false);
  });

  it('open the phone page on the hub’s address', () => {
    expect(ratePageAddress('https://10.0.0.5:47000/', 'ABCD2345EFGH6789')).toBe('https://10.0.0.5:47000/#/rate?code=ABCD2345EFGH6789');
  });

  it('are redeemed with a rating on the window’s rules: a 差评 gives a reason, levels 1–5, nothing else', () => {
    const base = { code: 'ABCD2345EFGH6789', level: 5, subScores: {}, reasons: [], comment: '' };
    expect(RateSubmitRequest.safeParse(base).success).toBe(true);
    expect(RateSubmitRequest.safeParse({ ...base, level: 2 }).success).toBe(false);
    expect(RateSubmitRequest.safeParse({ ...base, level: 2, reasons: ['slow'] }).success).toBe(true);
    expect(RateSubmitRequest.safeParse({ ...base, level: 2, reasons: ['slow', 'slow'] }).success).toBe(false);
    expect(RateSubmitRequest.safeParse({ ...base, level: 0 }).success).toBe(false);
    expect(RateSubmitRequest.safeParse({ ...base, subScores: { efficiency: 6 } }).success).toBe(false);
    expect(RateSubmitRequest.safeParse({ ...base, comment: 'x'.repeat(201) }).success).toBe(false);
    expect(RateSubmitRequest.safeParse({ ...base, requestId: 'H3301-r-1' }).success).toBe(false);
    expect(RateLookRequest.safeParse({ code: base.code, name: '张三' }).success).toBe(false);
  });
});

describe('rating settings for codes', () => {
  it('default to 7 days, no address of their own and no names on the public board', () => {
    expect(parseRatingSettings('{}')).toMatchObject({ codeDays: 7, phoneUrl: '', publishNames: false });
    expect(parseRatingSettings('{"codeDays":3,"phoneUrl":"http://192.168.1.20:47000"}')).toMatchObject({ codeDays: 3 });
    expect(RatingSettingsSchema.safeParse({ ...defaultRatingSettings, codeDays: 0 }).success).toBe(false);
    expect(RatingSettingsSchema.safeParse({ ...defaultRatingSettings, phoneUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('the month’s export', () => {
  const words = {
    header: ['日期', '部门', '事项', '窗口', '工号', '评价', '效率', '水平', '态度', '原因', '渠道', '标记'],
    date: (at: number) => new Date(at).toISOString().slice(0, 10),
    level: (l: number) => ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'][l]!,
    reason: (r: string) => ({ slow: '办理时间长', other: '其他' })[r] ?? r,
    channel: (c: string) => (c === 'qr' ? '扫码评价' : '窗口评价器'),
    flag: (f: string) => (f === 'fast' ? '提示后一秒内作答' : f),
    excluded: '申诉成立',
    defaulted: '默认评价',
  };
  const rating = {
    at: Date.parse('2026-11-02T01:00:00Z'),
    department: '市场监督管理局',
    subject: '企业设立登记',
    counter: '1号窗口',
    staffLogin: 'c01',
    level: 1,
    efficiency: 2,
    skill: null,
    attitude: 1,
    reasons: ['slow', 'other'] as ('slow' | 'other')[],
    channel: 'qr' as const,
    flags: 'fast',
    excluded: true,
    defaulted: false,
  };

  it('is UTF-8 CSV with a byte-order mark and CRLF lines, one row per rating under the header', () => {
    const text = csvText(ratingRows([rating], words));
    expect(text.startsWith('\uFEFF日期,部门,事项,')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      '\uFEFF日期,部门,事项,窗口,工号,评价,效率,水平,态度,原因,渠道,标记',
      '2026-11-02,市场监督管理局,企业设立登记,1号窗口,c01,1 非常不满意,2,,1,办理时间长；其他,扫码评价,提示后一秒内作答；申诉成立',
      '',
    ]);
    // A default rating: 基本满意, nothing rated, flagged as the default it is.
    const dflt = { ...rating, level: 3, efficiency: null, attitude: null, reasons: [], flags: '', excluded: false, defaulted: true };
    expect(ratingRows([dflt], words)[1]).toEqual([
      '2026-11-02',
      '市场监督管理局',
      '企业设立登记',
      '1号窗口',
      'c01',
      '3 基本满意',
      '',
      '',
      '',
      '',
      '扫码评价',
      '默认评价',
    ]);
  });

  it('quotes what must be quoted and never hands a spreadsheet a formula', () => {
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")', '-1', 'plain']])).toBe(
      '\uFEFF"a,b","say ""hi""","two\nlines","\'=HYPERLINK(""x"")",\'-1,plain\r\n',
    );
  });
});
