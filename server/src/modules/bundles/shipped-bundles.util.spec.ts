import { describe, expect, it } from '@jest/globals';
import type { BundleManifest } from '@careloom/contracts';
import { orderByRequirements, unmetRequirements } from './shipped-bundles.util.js';

const bundle = (key: string, requires: [string, string][] = []) => ({
  manifest: {
    schemaVersion: 1,
    key,
    version: '1.0.0',
    title: { 'zh-CN': key, en: key },
    description: { 'zh-CN': key, en: key },
    roles: [],
    contents: {},
    requires: requires.map(([k, version]) => ({ key: k, version })),
  } satisfies BundleManifest,
});

describe(orderByRequirements.name, () => {
  it('should put each bundle after the ones it requires, the rest by key', () => {
    // given bundles listed before what they require
    const bundles = [
      bundle('kpi', [
        ['complaints', '^1.0.0'],
        ['onboarding', '*'],
      ]),
      bundle('onboarding'),
      bundle('complaints'),
      bundle('archive'),
    ];
    // when
    const ordered = orderByRequirements(bundles).map((b) => b.manifest.key);
    // then
    expect(ordered).toEqual(['archive', 'complaints', 'onboarding', 'kpi']);
  });

  it('should keep every bundle when requirements form a cycle or name an unknown bundle', () => {
    // given a cycle and a requirement outside the list
    const bundles = [bundle('b', [['a', '*']]), bundle('a', [['b', '*']]), bundle('c', [['elsewhere', '*']])];
    // when
    const ordered = orderByRequirements(bundles).map((b) => b.manifest.key);
    // then
    expect(ordered.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe(unmetRequirements.name, () => {
  it('should name requirements that are not installed or installed at a version outside the range', () => {
    // given
    const { manifest } = bundle('kpi', [
      ['complaints', '^1.0.0'],
      ['onboarding', '^2.0.0'],
      ['archive', '*'],
    ]);
    // when
    const unmet = unmetRequirements(manifest, [
      { key: 'complaints', version: '1.1.0' },
      { key: 'onboarding', version: '1.0.0' },
    ]);
    // then
    expect(unmet).toEqual([
      { key: 'onboarding', version: '^2.0.0' },
      { key: 'archive', version: '*' },
    ]);
  });
});
