import { describe, expect, it } from '@jest/globals';
import { Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ValidationFailedError } from '../errors/domain.errors.js';
import { createValidationPipe } from './validation.pipe.js';

class FormDataDto {
  @IsString()
  @MaxLength(8)
  formKey: string;

  @IsObject({ message: 'data must be a JSON object' })
  data: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  extra?: Record<string, unknown>;
}

class OnlyDataDto {
  @IsOptional()
  @IsObject({ message: 'data must be a JSON object' })
  data?: Record<string, unknown>;
}

class TransformedDto {
  @Transform(({ value }: { value: Record<string, unknown> }) => ({ ...value, seen: true }))
  @IsObject()
  data: Record<string, unknown>;

  @Type(() => Object)
  @IsObject()
  typed: Record<string, unknown>;
}

const pipe = createValidationPipe();
const asBody = <T>(metatype: new () => T) => ({ type: 'body' as const, metatype, data: '' });

async function failureOf(value: unknown, metatype: new () => unknown): Promise<ValidationFailedError> {
  try {
    await pipe.transform(value, asBody(metatype));
  } catch (error) {
    return error as ValidationFailedError;
  }
  throw new Error('the pipe accepted the value');
}

describe('createValidationPipe', () => {
  it('should hand over a free-form JSON property as it came, without copying it, when it is an object', async () => {
    // given a body whose data is a nested JSON object
    const data = { a: 1, nested: { list: [1, { b: 'x' }] } };

    // when it goes through the pipe
    const dto = (await pipe.transform({ formKey: 'k', data }, asBody(FormDataDto))) as FormDataDto;

    // then the DTO is an instance holding that very object
    expect(dto).toBeInstanceOf(FormDataDto);
    expect(dto.data).toBe(data);
    expect(dto.data).toEqual({ a: 1, nested: { list: [1, { b: 'x' }] } });
    expect(dto.extra).toBeUndefined();
  });

  it('should strip prototype keys inside a free-form JSON property as Nest does when they are present', async () => {
    // given data with prototype-polluting keys at two depths
    const data = JSON.parse(
      '{"ok":1,"constructor":"x","deep":[{"prototype":{"a":1},"keep":true}]}',
    ) as Record<string, unknown>;

    // when it goes through the pipe
    const dto = (await pipe.transform({ formKey: 'k', data }, asBody(FormDataDto))) as FormDataDto;

    // then those keys are gone and the rest is kept
    expect(dto.data).toEqual({ ok: 1, deep: [{ keep: true }] });
  });

  it('should keep the messages of the DTO checks when data is not an object or another field fails', async () => {
    // given a body whose data is an array and whose formKey is too long, and one with an unknown field
    const wrongData = await failureOf({ formKey: 'much-too-long', data: [1] }, FormDataDto);
    const unknownField = await failureOf({ formKey: 'k', data: { a: 1 }, other: 1 }, FormDataDto);

    // then each failure names the field and its message
    expect(wrongData.errors).toEqual([
      { path: '/formKey', message: 'formKey must be shorter than or equal to 8 characters' },
      { path: '/data', message: 'data must be a JSON object' },
    ]);
    expect(unknownField.errors).toEqual([{ path: '/other', message: 'property other should not exist' }]);
  });

  it('should hand over a body of free-form objects only as it came and judge any other body as before', async () => {
    // given a DTO whose one property is a free-form object, a body that is only that object with a prototype key,
    // and bodies the checks refuse or let through otherwise
    const data = JSON.parse('{"a":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;

    // when they go through the pipe
    const dto = (await pipe.transform({ data }, asBody(OnlyDataDto))) as OnlyDataDto;
    const empty = (await pipe.transform({}, asBody(OnlyDataDto))) as OnlyDataDto;
    const wrongData = await failureOf({ data: 'x' }, OnlyDataDto);
    const unknownField = await failureOf({ data: {}, other: 1 }, OnlyDataDto);

    // then the object is the DTO's, its prototype key stripped; an absent optional object stays absent; the
    // refusals carry the checks' messages
    expect(dto).toBeInstanceOf(OnlyDataDto);
    expect(dto.data).toBe(data);
    expect(dto.data).toEqual({ a: 1 });
    expect(empty).toBeInstanceOf(OnlyDataDto);
    expect(empty.data).toBeUndefined();
    expect(wrongData.errors).toEqual([{ path: '/data', message: 'data must be a JSON object' }]);
    expect(unknownField.errors).toEqual([{ path: '/other', message: 'property other should not exist' }]);
  });

  it('should let class-transformer build a property when it has transformer metadata', async () => {
    // given a DTO whose object properties have @Transform and @Type
    const data = { a: 1 };

    // when it goes through the pipe
    const dto = (await pipe.transform({ data, typed: { b: 2 } }, asBody(TransformedDto))) as TransformedDto;

    // then the transform ran as before
    expect(dto.data).toEqual({ a: 1, seen: true });
    expect(dto.typed).toEqual({ b: 2 });
  });
});

describe('keepMetadataLookups', () => {
  it('should answer a class its checks from memory, and learn a check added later', async () => {
    // given a class that is validated once (its checks looked up and kept)
    class LateDto {
      @IsString()
      name: string;
    }
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(LateDto, '', false, false);
    expect(storage.getTargetValidationMetadatas(LateDto, '', false, false)).toBe(first);
    await expect(pipe.transform({ name: 'a', note: 'x'.repeat(20) }, asBody(LateDto))).rejects.toThrow();

    // when a check is added to it afterwards (a property declared with a decorator applied by hand)
    MaxLength(3)(LateDto.prototype, 'note');
    IsString()(LateDto.prototype, 'note');

    // then the pipe knows the new property: a short note passes, a long one fails at its field
    await expect(pipe.transform({ name: 'a', note: 'abc' }, asBody(LateDto))).resolves.toBeInstanceOf(
      LateDto,
    );
    const failure = await failureOf({ name: 'a', note: 'abcd' }, LateDto);
    expect(failure.errors.map((e) => e.path)).toEqual(['/note']);
  });
});
