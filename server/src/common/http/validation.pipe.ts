import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { ValidationFailedError, type FieldError } from '../errors/domain.errors.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = `${prefix}/${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The checks of an opaque property: `@IsObject()` (not `each`), optionally `@IsOptional()` / `@Allow()`. */
function isOpaqueCheck(metadata: { type: string; name?: string; each?: boolean }): boolean {
  return (
    metadata.type === ValidationTypes.CONDITIONAL_VALIDATION ||
    metadata.type === ValidationTypes.WHITELIST ||
    (metadata.type === ValidationTypes.CUSTOM_VALIDATION && metadata.name === 'isObject' && !metadata.each)
  );
}

/** A DTO class's opaque properties, and whether they are all its checked properties. */
type Opaque = { properties: readonly string[]; only: boolean };
const opaqueByClass = new WeakMap<object, Opaque>();

/**
 * The properties of a DTO class that hold free-form JSON objects (record data, process variables, form
 * schemas …): checked only by `@IsObject()` and without class-transformer metadata. class-transformer would
 * copy them key by key and Nest would walk them twice more for nothing: their content is checked later by
 * whoever reads them (the form's JSON Schema, the rule or bundle validators …).
 */
function opaqueProperties(metatype: new (...args: never[]) => unknown): Opaque {
  const cached = opaqueByClass.get(metatype);
  if (cached) {
    return cached;
  }
  const byProperty = new Map<string, { type: string; name?: string; each?: boolean }[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(metatype, '', false, false)) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  const opaque = [...byProperty]
    .filter(
      ([property, checks]) =>
        checks.every(isOpaqueCheck) &&
        checks.some((check) => check.type === ValidationTypes.CUSTOM_VALIDATION) &&
        !defaultMetadataStorage.findTypeMetadata(metatype, property) &&
        !defaultMetadataStorage.findExposeMetadata(metatype, property) &&
        !defaultMetadataStorage.findExcludeMetadata(metatype, property) &&
        defaultMetadataStorage.findTransformMetadatas(metatype, property, TransformationType.PLAIN_TO_CLASS)
          .length === 0,
    )
    .map(([property]) => property);
  const found = { properties: opaque, only: opaque.length > 0 && opaque.length === byProperty.size };
  opaqueByClass.set(metatype, found);
  return found;
}

/**
 * What Nest's pipe does to every nested value before class-transformer sees it: delete the own keys that
 * could pollute a prototype (`__proto__`, `prototype`, `constructor`). Iterative, as deep as the JSON is.
 */
function stripProtoKeys(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (Array.isArray(current)) {
      for (const item of current) {
        stack.push(item);
      }
      continue;
    }
    const object = current as Record<string, unknown>;
    for (const key of ['__proto__', 'prototype', 'constructor']) {
      if (Object.hasOwn(object, key)) {
        delete object[key];
      }
    }
    for (const key in object) {
      stack.push(object[key]);
    }
  }
}

/** Whether `value` has exactly `properties` as its own keys, each a plain object. */
function holdsOnly(value: Record<string, unknown>, properties: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !properties.includes(key) || !isPlainObject(value[key])) {
      return false;
    }
    count += 1;
  }
  return count === properties.length;
}

/**
 * Nest's ValidationPipe, except that a free-form JSON object property (see `opaqueProperties`) is not copied
 * and walked by class-transformer: an empty stand-in goes through the pipe (`@IsObject()` judges it as it
 * would the object) and the object itself is put back on the validated DTO, its prototype keys stripped
 * as Nest would. A record's 60-field `data` was most of the pipe's time. A body that is only such objects (a task
 * completion's `{"data": {…}}`) skips the pipe: there is nothing for it to judge.
 */
class CareLoomValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as (new (...args: never[]) => unknown) | undefined;
    if (metadata.type !== 'body' || !metatype || !isPlainObject(value)) {
      return super.transform(value, metadata);
    }
    const opaque = opaqueProperties(metatype);
    if (opaque.only && holdsOnly(value, opaque.properties)) {
      // Nothing for the pipe to judge: every checked property is an object, and there is no other.
      const dto = new metatype() as Record<string, unknown>;
      for (const property of opaque.properties) {
        const content = value[property];
        stripProtoKeys(content);
        dto[property] = content;
      }
      return dto;
    }
    const held = new Map<string, Record<string, unknown>>();
    for (const property of opaque.properties) {
      const content = value[property];
      if (isPlainObject(content)) {
        held.set(property, content);
      }
    }
    if (held.size === 0) {
      return super.transform(value, metadata);
    }
    const shell: Record<string, unknown> = { ...value };
    for (const property of held.keys()) {
      shell[property] = {};
    }
    const dto = (await super.transform(shell, metadata)) as Record<string, unknown>;
    for (const [property, content] of held) {
      stripProtoKeys(content);
      dto[property] = content;
    }
    return dto;
  }
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
const keptLookups = new WeakSet<MetadataStorage>();

/**
 * class-validator finds a class's checks by scanning every class with checks for its ancestors, on every
 * validation (and Nest's pipe asks once more per request): 2–3 % of a request's CPU. The checks of a class never
 * change once its module is loaded, so the answers — and their grouping by property — are kept until a check is
 * added. The arrays are shared: class-validator and Nest only read them.
 */
export function keepMetadataLookups(storage: MetadataStorage = getMetadataStorage()): void {
  if (keptLookups.has(storage)) {
    return;
  }
  keptLookups.add(storage);
  let found = new WeakMap<object, Map<string, ValidationMetadatas>>();
  let grouped = new WeakMap<ValidationMetadatas, ReturnType<MetadataStorage['groupByPropertyName']>>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addCheck = storage.addValidationMetadata.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byKey = found.get(target);
    if (!byKey) {
      byKey = new Map();
      found.set(target, byKey);
    }
    let metadatas = byKey.get(key);
    if (!metadatas) {
      metadatas = lookUp(target, schema, always, strictGroups, groups);
      byKey.set(key, metadatas);
    }
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) {
      byProperty = group(metadatas);
      grouped.set(metadatas, byProperty);
    }
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    addCheck(metadata);
    found = new WeakMap();
    grouped = new WeakMap();
  };
}

/** class-validator DTO checks whose failures come out as 400 problems with JSON-pointer field paths. */
export function createValidationPipe(): ValidationPipe {
  keepMetadataLookups();
  return new CareLoomValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}
