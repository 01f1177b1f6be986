import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../shared/staff/password';

describe('new passwords', () => {
  it.each(['12345678', 'Password', 'qwertyui', '88888888', '23456789', 'hgfedcba', 'aaaabbbb', 'abababab', 'demo1234'])('refuses %s', (p) =>
    expect(passwordProblem(p)).not.toBeNull(),
  );
  it('refuses one shorter than 8 and one holding the login', () => {
    expect(passwordProblem('Xy7#kq2')).toMatch(/8/);
    expect(passwordProblem('zhang-2026!', 'zhang')).toMatch(/工号/);
    expect(passwordProblem('Zhang-2026!', 'ZHANG')).toMatch(/工号/);
  });
  it.each(['a-long-password', 'clerk-password', 'Hall#Counter7', '窗口服务2026'])('accepts %s', (p) =>
    expect(passwordProblem(p, 'c99')).toBeNull(),
  );
});
