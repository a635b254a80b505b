import { describe, expect, it } from '@jest/globals';
import { mayReadDashboards } from './dashboard-access.util.js';

describe(mayReadDashboards.name, () => {
  it('should show dashboards to staff of any role', () => {
    expect(mayReadDashboards([{ role: 'nurse' }])).toBe(true);
    expect(mayReadDashboards([{ role: 'family' }, { role: 'head-nurse' }])).toBe(true);
  });

  it('should hide them from family members and users without roles', () => {
    expect(mayReadDashboards([{ role: 'family' }])).toBe(false);
    expect(mayReadDashboards([])).toBe(false);
  });
});
