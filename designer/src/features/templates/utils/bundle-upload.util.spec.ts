import { describe, expect, it } from '@jest/globals';
import { importCounts, problemsByFile, uploadRefusal, versionChange } from './bundle-upload.util.js';

const ZIP_HEAD = new Uint8Array([0x50, 0x4b, 3, 4]);

describe(uploadRefusal.name, () => {
  it('should accept a .zip whose first bytes are a ZIP signature', () => {
    expect(uploadRefusal('elder-archive.ZIP', 1200, ZIP_HEAD)).toBeNull();
  });

  it('should refuse a file that is not a zip by name or by content', () => {
    // given a PDF renamed, and a zip renamed
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    // when / then
    expect(uploadRefusal('bundle.zip', 10, pdf)).toEqual({ reason: 'not-zip', name: 'bundle.zip' });
    expect(uploadRefusal('bundle.json', 10, ZIP_HEAD)).toEqual({ reason: 'not-zip', name: 'bundle.json' });
  });

  it('should refuse an empty file and one above the server limit of 20 MB', () => {
    expect(uploadRefusal('a.zip', 0, new Uint8Array())).toEqual({ reason: 'empty', name: 'a.zip' });
    expect(uploadRefusal('big.zip', 25 * 1024 * 1024, ZIP_HEAD)).toEqual({
      reason: 'too-large',
      name: 'big.zip',
      sizeMb: '25',
      limitMb: '20',
    });
  });
});

describe(problemsByFile.name, () => {
  it('should group the server problems by file with their location, the manifest first', () => {
    // given a 400's errors
    const errors = [
      { path: '/forms/bad.json#/schema/properties/age/type', message: 'unknown type "integr"' },
      { path: '/processes/p.bpmn#Flow_1', message: 'targetRef "Nowhere" is not an element' },
      { path: '/forms/bad.json#/key', message: 'key must equal the file name' },
      { path: '/manifest.json#/requires/0', message: 'requires "x"' },
      { path: '', message: 'not a ZIP archive' },
    ];
    // when
    const groups = problemsByFile(errors);
    // then
    expect(groups).toEqual([
      { file: 'manifest.json', problems: [{ location: '/requires/0', message: 'requires "x"' }] },
      {
        file: 'forms/bad.json',
        problems: [
          { location: '/schema/properties/age/type', message: 'unknown type "integr"' },
          { location: '/key', message: 'key must equal the file name' },
        ],
      },
      {
        file: 'processes/p.bpmn',
        problems: [{ location: 'Flow_1', message: 'targetRef "Nowhere" is not an element' }],
      },
      { file: '', problems: [{ location: '', message: 'not a ZIP archive' }] },
    ]);
  });
});

describe(versionChange.name, () => {
  it('should tell a new install, an upgrade, the same version and a downgrade apart by semantic version', () => {
    expect(versionChange('1.0.0', null)).toEqual({ kind: 'new', version: '1.0.0' });
    expect(versionChange('1.10.0', '1.9.0')).toEqual({ kind: 'upgrade', from: '1.9.0', version: '1.10.0' });
    expect(versionChange('1.0.0', '1.0.0')).toEqual({ kind: 'same', version: '1.0.0' });
    expect(versionChange('1.0.0', '1.1.0')).toEqual({ kind: 'downgrade', from: '1.1.0', version: '1.0.0' });
  });
});

describe(importCounts.name, () => {
  it('should count created, updated and unchanged items over every kind', () => {
    const report = {
      forms: [
        { key: 'a', action: 'created', version: 1 },
        { key: 'b', action: 'updated', version: 2 },
      ],
      processes: [{ key: 'p', action: 'unchanged', version: 1 }],
      rules: [],
      reports: [{ key: 'r', action: 'created', version: 1 }],
      dashboards: [],
    };
    expect(importCounts(report)).toEqual({ created: 2, updated: 1, unchanged: 1 });
  });
});
