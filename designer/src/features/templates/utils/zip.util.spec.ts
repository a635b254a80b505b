import { describe, expect, it } from '@jest/globals';
import { inflateRawSync } from 'node:zlib';
import { crc32, zipTextFiles } from './zip.util.js';

/** Entries of a ZIP read through its central directory (the way the server's reader does). */
function entries(zip: Uint8Array): Record<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const out: Record<string, string> = {};
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    const method = view.getUint16(offset + 10, true);
    const size = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const local = view.getUint32(offset + 42, true);
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + size);
    out[name] = decoder.decode(method === 8 ? inflateRawSync(data) : data);
    offset += 46 + nameLength;
  }
  return out;
}

describe(zipTextFiles.name, () => {
  it('should write every file with its UTF-8 name and text, manifest first', () => {
    // given a bundle as the export answers it
    const files = {
      'forms/长者档案.json': '{"name":"长者档案"}',
      'manifest.json': '{"key":"our-home"}',
      'processes/p.bpmn': '<definitions/>',
    };
    // when
    const zip = zipTextFiles(files);
    // then
    expect(entries(zip)).toEqual(files);
    expect(new TextDecoder().decode(zip.subarray(30, 43))).toBe('manifest.json');
  });
});

describe(crc32.name, () => {
  it('should match the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
