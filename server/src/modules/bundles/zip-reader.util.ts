import zlib from 'node:zlib';
import { BUNDLE_LIMITS, bundlePathProblem } from '@careloom/contracts';
import { pathProblemZh } from './bundle-problems.zh.js';

/** The archive cannot be read as a bundle: `message` in English, `zh` in Chinese. */
export class BadArchiveError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/**
 * Reads a ZIP archive's files (stored or deflated) into a path → bytes map, refusing what a
 * hostile archive could do: entries outside the bundle (zip-slip), too many or too large entries
 * (also after inflating), encrypted entries. Folder entries are skipped; a single top folder that
 * holds everything (as "Compress folder" produces) is stripped.
 */
export function readZip(archive: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) {
    throw new BadArchiveError(
      'not a ZIP archive (no end of central directory)',
      '这不是 ZIP 压缩包（找不到中央目录结尾）：请上传 .zip 文件。',
    );
  }
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count > BUNDLE_LIMITS.maxEntries * 2) {
    throw new BadArchiveError(
      `the archive has ${count} entries; at most ${BUNDLE_LIMITS.maxEntries} files are allowed`,
      `压缩包有 ${count} 个条目，最多允许 ${BUNDLE_LIMITS.maxEntries} 个文件：请删去用不到的文件。`,
    );
  }
  const files = new Map<string, Buffer>();
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw new BadArchiveError(
        'the central directory is damaged',
        '压缩包的中央目录已损坏：请重新压缩后再上传。',
      );
    }
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) {
      continue;
    }
    const problem = bundlePathProblem(name);
    if (problem) {
      throw new BadArchiveError(`entry "${name}": ${problem}`, `条目“${name}”：${pathProblemZh(problem)}。`);
    }
    if ((flags & 1) !== 0) {
      throw new BadArchiveError(`entry "${name}" is encrypted`, `条目“${name}”已加密：请不设密码重新压缩。`);
    }
    if (size > BUNDLE_LIMITS.maxFileBytes || (total += size) > BUNDLE_LIMITS.maxTotalBytes) {
      throw new BadArchiveError(
        `entry "${name}" makes the bundle larger than allowed`,
        `条目“${name}”使模板包超过了允许的大小：请删去或缩小文件。`,
      );
    }
    const localNameLength = buffer.readUInt16LE(localOffset + 26);
    const localExtraLength = buffer.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = buffer.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === 0) {
      content = Buffer.from(data);
    } else if (method === 8) {
      content = zlib.inflateRawSync(data, { maxOutputLength: BUNDLE_LIMITS.maxFileBytes });
    } else {
      throw new BadArchiveError(
        `entry "${name}" uses unsupported compression ${method}`,
        `条目“${name}”使用了不支持的压缩方式 ${method}：请用普通的 ZIP 压缩（存储或 Deflate）。`,
      );
    }
    if (content.length !== size) {
      throw new BadArchiveError(
        `entry "${name}" is not the size its header says`,
        `条目“${name}”的实际大小与记录的不符：压缩包可能已损坏，请重新压缩。`,
      );
    }
    files.set(name, content);
  }
  const tops = new Set([...files.keys()].map((name) => name.split('/')[0]));
  const [top] = [...tops];
  if (
    tops.size === 1 &&
    top !== undefined &&
    !files.has('manifest.json') &&
    files.has(`${top}/manifest.json`)
  ) {
    return new Map([...files].map(([name, content]) => [name.slice(top.length + 1), content]));
  }
  return files;
}
