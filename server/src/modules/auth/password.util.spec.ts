import { describe, expect, it } from '@jest/globals';
import { hashPassword, newToken, verifyPassword } from './password.util.js';

describe('password.util', () => {
  it('should verify the right password and refuse a wrong one when hashed with scrypt', async () => {
    // given
    const stored = await hashPassword('护理-2026');
    // when / then
    expect(stored.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('护理-2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('护理-2027', stored)).resolves.toBe(false);
  });

  it('should refuse when the stored hash is malformed', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });

  it('should make distinct prefixed tokens when called twice', () => {
    const a = newToken('cls');
    expect(a).toMatch(/^cls_[A-Za-z0-9_-]{43}$/);
    expect(newToken('cls')).not.toBe(a);
  });
});
