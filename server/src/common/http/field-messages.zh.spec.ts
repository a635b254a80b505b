import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { hasZhFieldMessage, zhFieldMessage } from './field-messages.zh.js';

const SOURCE = path.resolve(import.meta.dirname, '..', '..');

describe('zhFieldMessage', () => {
  it('should word class-validator defaults in Chinese with the field and the limit', () => {
    expect(zhFieldMessage('name must be shorter than or equal to 200 characters')).toBe(
      'name 最多 200 个字符',
    );
    expect(zhFieldMessage('each value in tags must be a string')).toBe('tags 中的每一项须为文本');
    expect(zhFieldMessage('property colour should not exist')).toBe('不认识的字段 colour：请去掉它');
    expect(zhFieldMessage('limit must not be greater than 500')).toBe('limit 不能大于 500');
  });

  it('should leave a message it has no wording for as it is', () => {
    expect(zhFieldMessage('Unknown role "pilot".')).toBe('Unknown role "pilot".');
  });

  it('should have a Chinese wording for every message a DTO check gives', async () => {
    // given every DTO class of the server
    const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.dto.ts'),
    );
    const classes: (new () => unknown)[] = [];
    for (const file of files) {
      const exported = (await import(path.join(SOURCE, file))) as Record<string, unknown>;
      classes.push(
        ...Object.values(exported).filter((value): value is new () => unknown => typeof value === 'function'),
      );
    }
    expect(classes.length).toBeGreaterThan(50);

    // when their checks' own messages are collected
    const storage = getMetadataStorage();
    const messages = new Set(
      classes.flatMap((dto) =>
        storage
          .getTargetValidationMetadatas(dto, '', false, false)
          .map((metadata) => metadata.message)
          .filter((message): message is string => typeof message === 'string'),
      ),
    );
    expect(messages.size).toBeGreaterThan(50);

    // then each has its Chinese wording
    expect([...messages].filter((message) => !hasZhFieldMessage(message))).toEqual([]);
  });
});
