import { describe, expect, it } from 'vitest';
import { ALL_CLIPS, callAnnouncement, numberWords } from '../../../shared/queue/announce';

describe('call announcements', () => {
  it('the sentence names the ticket and the window', () => {
    expect(callAnnouncement('A023', 5)).toEqual({
      text: '请 A023 号 到 5 号窗口 办理',
      speech: '请 A 零二三 号，到 五 号窗口办理',
      clips: ['qing', 'lA', 'd0', 'd2', 'd3', 'hao', 'dao', 'd5', 'hao-chuangkou', 'banli'],
    });
  });
  it.each([
    [1, '一', ['d1']],
    [10, '十', ['shi']],
    [15, '十五', ['shi', 'd5']],
    [20, '二十', ['d2', 'shi']],
    [35, '三十五', ['d3', 'shi', 'd5']],
    [120, '一二零', ['d1', 'd2', 'd0']],
  ])('window %i is read %s', (n, words, clips) => {
    expect(numberWords(n)).toEqual({ words, clips });
  });
  it('every clip an announcement uses is in the bundled set', () => {
    for (const n of ['A001', 'K999', 'Z120', 'B1234'])
      for (let w = 1; w <= 99; w++) {
        for (const c of callAnnouncement(n, w).clips) expect(ALL_CLIPS).toContain(c);
      }
  });
});

describe('the bundled voice clips', () => {
  it('hold every clip an announcement may use, each a real 16 kHz mono WAV of some length', async () => {
    const { readFileSync } = await import('node:fs');
    for (const clip of ALL_CLIPS) {
      const wav = readFileSync(`renderer/public/voice/${clip}.wav`);
      expect(wav.toString('ascii', 0, 4), clip).toBe('RIFF');
      expect(wav.toString('ascii', 8, 12), clip).toBe('WAVE');
      expect(wav.readUInt16LE(22), `${clip} channels`).toBe(1);
      expect(wav.readUInt32LE(24), `${clip} rate`).toBe(16000);
      const seconds = (wav.length - 44) / (16000 * 2);
      expect(seconds, clip).toBeGreaterThan(0.15);
      expect(seconds, clip).toBeLessThan(2);
    }
  });
});
