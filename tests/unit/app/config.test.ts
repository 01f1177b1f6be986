import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, saveConfig } from '../../../main/app/config';
import { defaultTerminalConfig } from '../../../shared/terminals/config';
import { tempDir } from '../../support/hub';

describe('terminal configuration', () => {
  it('defaults to the standalone demo hall when there is no file', () => {
    expect(loadConfig(tempDir())).toEqual({ config: defaultTerminalConfig, error: null });
  });

  it('saves a valid configuration owner-only and reads it back', () => {
    const dir = tempDir();
    const config = {
      ...defaultTerminalConfig,
      mode: 'terminal' as const,
      role: 'display' as const,
      hubUrl: 'http://10.0.0.5:7700',
      token: 'abc',
    };
    expect(saveConfig(dir, config)).toEqual({ ok: true });
    expect(statSync(path.join(dir, 'terminal.json')).mode & 0o777).toBe(0o600);
    expect(loadConfig(dir)).toEqual({ config, error: null });
  });

  it.each([
    ['a wrong role', { ...defaultTerminalConfig, role: 'root' }],
    ['a non-http hub address', { ...defaultTerminalConfig, hubUrl: 'file:///etc/passwd' }],
    ['no faces', { ...defaultTerminalConfig, faces: [] }],
    ['an unknown key', { ...defaultTerminalConfig, debug: true }],
    ['not an object', 'standalone'],
  ])('refuses %s and writes nothing', (_name, input) => {
    const dir = tempDir();
    const r = saveConfig(dir, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(loadConfig(dir)).toEqual({ config: defaultTerminalConfig, error: null });
  });

  it('reports a broken file instead of guessing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'terminal.json'), '{ "mode": ');
    expect(loadConfig(dir).error?.code).toBe('VALIDATION_FAILED');
    writeFileSync(path.join(dir, 'terminal.json'), JSON.stringify({ ...defaultTerminalConfig, hubPort: 0 }));
    const r = loadConfig(dir);
    expect(r.error?.message).toContain('hubPort');
    expect(r.config).toEqual(defaultTerminalConfig);
    expect(readFileSync(path.join(dir, 'terminal.json'), 'utf8')).toContain('"hubPort":0');
  });
});
