import { describe, expect, it } from '@jest/globals';
import { formatFen, yuanToFen } from './money.util.js';
import { isFamilyOnly, mayManageNotices } from './portal-access.util.js';

describe('portal utils', () => {
  it('should treat a user as family-only when every membership is family', () => {
    expect(isFamilyOnly([{ role: 'family' }, { role: 'family' }])).toBe(true);
    expect(isFamilyOnly([{ role: 'family' }, { role: 'nurse' }])).toBe(false);
    expect(isFamilyOnly([])).toBe(false);
  });

  it('should let admins, front desk and stewards manage notices', () => {
    expect(mayManageNotices([{ role: 'steward' }])).toBe(true);
    expect(mayManageNotices([{ role: 'nurse' }, { role: 'family' }])).toBe(false);
  });

  it('should show fen as yuan and read typed yuan as whole fen', () => {
    expect(formatFen(328050, 'zh-CN')).toBe('¥3,280.50');
    expect(yuanToFen(3280.5)).toBe(328050);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
  });
});
