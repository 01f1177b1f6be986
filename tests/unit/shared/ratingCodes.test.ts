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
