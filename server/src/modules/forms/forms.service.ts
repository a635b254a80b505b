import { Injectable } from '@nestjs/common';
import {
  compileForm,
  FormSchemaError,
  lintFormSchema,
  type CompiledForm,
  type FieldError as FormFieldError,
  type LintIssue,
  type Locale,
} from '@careloom/forms';
import type { EntityManager } from 'typeorm';
import { hasRole, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { canonicalJson } from '../../common/json/canonical-json.util.js';
import { ForbiddenError, NotFoundError, type FieldError } from '../../common/errors/domain.errors.js';
import { AuditService } from '../audit/audit.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { FormEntity, FormStatus, FormVersionEntity, LocalizedText } from './form.entity.js';
import {
  FormKeyTakenError,
  FormNotPublishedError,
  FormRetiredError,
  InvalidFormSchemaError,
  NothingToPublishError,
  StaleFormError,
} from './forms.errors.js';
import { FieldIndexesService } from './field-indexes.service.js';
import { fieldIndexChanges, indexedFields } from './field-indexes.util.js';
import { FormsRepository } from './forms.repository.js';

export const FORM_DESIGNERS = ['admin'] as const;
const CACHE_SIZE = 200;

export type NewForm = {
  key: string;
  name: LocalizedText;
  description?: string | null;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  /** Shared with family (family portal); default false. */
  familyVisible?: boolean;
};
export type DraftChange = Partial<Omit<NewForm, 'key'>>;
export type FormDetail = { form: FormEntity; versions: FormVersionEntity[]; lint: LintIssue[] };
/** A published version with its compiled validator, ready to process submissions. */
export type PublishedForm = { form: FormEntity; version: FormVersionEntity; compiled: CompiledForm };

const schemaPath = (pointer: string): string => `/schema${pointer}`;

/** A bounded cache: the oldest entry goes when it is full. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  cache.set(key, value);
}

function toFieldErrors(issues: readonly LintIssue[], locale: Locale): FieldError[] {
  return issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ path: schemaPath(issue.path), message: issue.messages[locale] }));
}

@Injectable()
export class FormsService {
  /** Compiled validators by form_version id: versions are frozen, so entries never go stale. */
  private readonly compiled = new Map<string, CompiledForm>();

  constructor(
    private readonly repository: FormsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly fieldIndexes: FieldIndexesService,
  ) {}

  private assertDesigner(actor: Actor): void {
    if (!hasRole(actor, FORM_DESIGNERS)) {
      throw new ForbiddenError(
        `Designing forms needs one of: ${FORM_DESIGNERS.join(', ')}.`,
        `设计表单需要以下角色之一：${roleNamesZh(FORM_DESIGNERS)}。`,
      );
    }
  }

  private async getIn(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<FormEntity> {
    const form = await this.repository.findById(manager, actor.tenantId, id, lock);
    if (!form) {
      throw new NotFoundError('Form', id);
    }
    return form;
  }

  list(actor: Actor, status?: FormStatus): Promise<FormEntity[]> {
    return this.repository.list(this.transactions.manager, actor.tenantId, status);
  }

  async get(actor: Actor, id: string, locale: Locale): Promise<FormDetail> {
    const manager = this.transactions.manager;
    const form = await this.getIn(manager, actor, id);
    const versions = await this.repository.versions(manager, form.id);
    return { form, versions, lint: lintFormSchema(form.draftSchema, { locale }) };
  }

  async create(actor: Actor, input: NewForm): Promise<FormDetail> {
    this.assertDesigner(actor);
    return this.transactions.run(async (manager) => {
      if (await this.repository.findByKey(manager, actor.tenantId, input.key)) {
        throw new FormKeyTakenError(input.key);
      }
      const form = await this.repository.insert(manager, {
        tenantId: actor.tenantId,
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        status: 'draft',
        draftSchema: input.schema,
        draftUiSchema: input.uiSchema ?? {},
        draftChanged: true,
        latestVersion: null,
        familyVisible: input.familyVisible ?? false,
        createdBy: actor.userId,
      });
      await this.audit.record(manager, actor, {
        action: 'form.created',
        entityType: 'form',
        entityId: form.id,
        details: { key: form.key, familyVisible: form.familyVisible },
      });
      return { form, versions: [], lint: lintFormSchema(form.draftSchema) };
    });
  }

  async updateDraft(
    actor: Actor,
    id: string,
    change: DraftChange,
    expectedVersion: number,
  ): Promise<FormDetail> {
    this.assertDesigner(actor);
    return this.transactions.run(async (manager) => {
      const form = await this.getIn(manager, actor, id, true);
      if (form.version !== expectedVersion) {
        throw new StaleFormError(expectedVersion, form.version);
      }
      if (change.name) {
        form.name = change.name;
      }
      if (change.description !== undefined) {
        form.description = change.description;
      }
      if (change.schema) {
        form.draftSchema = change.schema;
      }
      if (change.uiSchema) {
        form.draftUiSchema = change.uiSchema;
      }
      // Sharing with family is a setting of the form, effective at once: it changes no draft.
      const sharingChanged =
        change.familyVisible !== undefined && change.familyVisible !== form.familyVisible;
      if (change.familyVisible !== undefined) {
        form.familyVisible = change.familyVisible;
      }
      const { familyVisible: _sharing, ...draftChange } = change;
      if (Object.values(draftChange).some((value) => value !== undefined)) {
        form.draftChanged = true;
      }
      const saved = await this.repository.save(manager, form);
      await this.audit.record(manager, actor, {
        action: 'form.draft-saved',
        entityType: 'form',
        entityId: form.id,
        details: { key: form.key },
      });
      if (sharingChanged) {
        await this.audit.record(manager, actor, {
          action: 'form.family-sharing-changed',
          entityType: 'form',
          entityId: form.id,
          details: { key: form.key, familyVisible: form.familyVisible },
        });
      }
      const versions = await this.repository.versions(manager, form.id);
      return { form: saved, versions, lint: lintFormSchema(saved.draftSchema) };
    });
  }

  /**
   * Freezes the draft as the next version; refuses a schema that would hurt at run time. Once it has
   * committed, builds the indexes of its x-indexed fields (CONCURRENTLY: record writes go on meanwhile) and
   * drops those it no longer marks; answers when that is done (a failed build is retried by the next sync).
   */
  async publish(
    actor: Actor,
    id: string,
    locale: Locale,
  ): Promise<{ form: FormEntity; version: FormVersionEntity }> {
    this.assertDesigner(actor);
    const { form, version, indexes } = await this.transactions.run((manager) =>
      this.publishIn(manager, actor, id, locale),
    );
    if (indexes.created.length + indexes.dropped.length > 0) {
      await this.fieldIndexes.sync([form.id]);
    }
    return { form, version };
  }

  /**
   * Builds and drops the field indexes of forms published in a transaction that has committed since
   * (`importIn` publishes inside its caller's transaction, which must call this after the commit).
   */
  async syncFieldIndexes(tenantId: string, keys: readonly string[]): Promise<void> {
    const ids: string[] = [];
    for (const key of keys) {
      const form = await this.repository.findByKeyCached(this.transactions.manager, tenantId, key);
      if (form) {
        ids.push(form.id);
      }
    }
    if (ids.length > 0) {
      await this.fieldIndexes.sync(ids);
    }
  }

  private async publishIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    locale: Locale,
  ): Promise<{
    form: FormEntity;
    version: FormVersionEntity;
    /** The field index changes planned (built once the transaction has committed). */
    indexes: { created: string[]; dropped: string[] };
  }> {
    const form = await this.getIn(manager, actor, id, true);
    if (!form.draftChanged && form.latestVersion !== null && form.status !== 'retired') {
      throw new NothingToPublishError(form.latestVersion);
    }
    try {
      compileForm(form.draftSchema, { locale });
    } catch (error) {
      if (error instanceof FormSchemaError) {
        throw new InvalidFormSchemaError(toFieldErrors(error.issues, locale));
      }
      throw error;
    }
    const next = (form.latestVersion ?? 0) + 1;
    const version = await this.repository.insertVersion(manager, {
      tenantId: actor.tenantId,
      formId: form.id,
      version: next,
      name: form.name,
      schema: form.draftSchema,
      uiSchema: form.draftUiSchema,
      publishedBy: actor.userId,
    });
    form.latestVersion = next;
    form.status = 'published';
    form.draftChanged = false;
    await this.repository.save(manager, form);
    // The fields the new version marks x-indexed get a database index; fields it no longer marks lose theirs.
    // Only planned here (recorded in the audit): the DDL runs CONCURRENTLY once this transaction has committed.
    const changes = fieldIndexChanges(
      (await this.repository.fieldIndexes(manager)).filter((index) => index.formId === form.id),
      indexedFields(form.id, form.draftSchema),
    );
    const indexes = { created: changes.create.map((index) => index.name), dropped: changes.drop };
    await this.audit.record(manager, actor, {
      action: 'form.published',
      entityType: 'form',
      entityId: form.id,
      details: {
        key: form.key,
        version: next,
        ...(indexes.created.length + indexes.dropped.length > 0 ? { fieldIndexes: indexes } : {}),
      },
    });
    return { form, version, indexes };
  }

  async retire(actor: Actor, id: string): Promise<FormDetail> {
    this.assertDesigner(actor);
    return this.transactions.run(async (manager) => {
      const form = await this.getIn(manager, actor, id, true);
      form.status = 'retired';
      const saved = await this.repository.save(manager, form);
      await this.audit.record(manager, actor, {
        action: 'form.retired',
        entityType: 'form',
        entityId: form.id,
        details: { key: form.key },
      });
      const versions = await this.repository.versions(manager, form.id);
      return { form: saved, versions, lint: lintFormSchema(saved.draftSchema) };
    });
  }

  async version(
    actor: Actor,
    id: string,
    version: number,
  ): Promise<{ form: FormEntity; version: FormVersionEntity }> {
    const manager = this.transactions.manager;
    const form = await this.getIn(manager, actor, id);
    const found = await this.repository.version(manager, form.id, version);
    if (!found) {
      throw new NotFoundError('Form version', `${id}@${version}`);
    }
    return { form, version: found };
  }

  /** The version new records of `key` are filled with ('fill'), or its records are listed with ('read'). */
  async latestPublished(
    manager: EntityManager,
    tenantId: string,
    key: string,
    purpose: 'fill' | 'read' = 'fill',
  ): Promise<PublishedForm> {
    const form = await this.repository.findByKeyCached(manager, tenantId, key);
    if (!form) {
      throw new NotFoundError('Form', key);
    }
    if (form.status === 'retired' && purpose === 'fill') {
      throw new FormRetiredError(key);
    }
    if (form.latestVersion === null) {
      throw new FormNotPublishedError(key);
    }
    return this.published(manager, form, form.latestVersion);
  }

  /** A form's given version, compiled; records are always read and updated with their own version. */
  async publishedVersion(
    manager: EntityManager,
    tenantId: string,
    formId: string,
    version: number,
  ): Promise<PublishedForm> {
    const form = await this.repository.findById(manager, tenantId, formId);
    if (!form) {
      throw new NotFoundError('Form', formId);
    }
    return this.published(manager, form, version);
  }

  private async published(manager: EntityManager, form: FormEntity, number: number): Promise<PublishedForm> {
    const version = await this.repository.frozenVersion(manager, form.id, number);
    if (!version) {
      throw new NotFoundError('Form version', `${form.key}@${number}`);
    }
    return { form, version, compiled: this.compile(version) };
  }

  private compile(version: FormVersionEntity): CompiledForm {
    const cached = this.compiled.get(version.id);
    if (cached) {
      return cached;
    }
    const compiled = compileForm(version.schema);
    remember(this.compiled, version.id, compiled);
    return compiled;
  }

  /** The designer's helper: lint the schema and, when it compiles, process sample data with it. */
  validate(
    schema: Record<string, unknown>,
    data: unknown,
    locale: Locale,
    now: string,
  ): { valid: boolean; errors: FieldError[]; lint: LintIssue[]; data?: Record<string, unknown> } {
    const lint = lintFormSchema(schema, { locale });
    if (lint.some((issue) => issue.severity === 'error')) {
      return { valid: false, errors: [], lint };
    }
    if (data === undefined) {
      return { valid: true, errors: [], lint };
    }
    const processed = compileForm(schema, { locale }).process(data, { now, locale });
    return {
      valid: processed.errors.length === 0,
      errors: processed.errors.map((e: FormFieldError) => ({ path: e.path, message: e.message })),
      lint,
      data: processed.data,
    };
  }

  /**
   * A form from a bundle, inside the importer's transaction: created and published when new, a new
   * version published when its schema, UI schema or name changed, nothing done when it is the same.
   */
  async importIn(
    manager: EntityManager,
    actor: Actor,
    file: {
      key: string;
      name: LocalizedText;
      description?: string | null;
      schema: object;
      uiSchema?: object;
      /** Absent: a new form is not shared, an existing one keeps its setting. */
      familyVisible?: boolean;
    },
    locale: Locale,
  ): Promise<{ key: string; action: 'created' | 'updated' | 'unchanged'; version: number }> {
    // no designer check: only BundlesService calls this, after checking the actor may manage bundles
    const uiSchema = file.uiSchema ?? {};
    let form = await this.repository.findByKey(manager, actor.tenantId, file.key);
    if (form?.latestVersion) {
      const latest = await this.repository.version(manager, form.id, form.latestVersion);
      if (
        latest &&
        form.status !== 'retired' &&
        JSON.stringify(latest.schema) === JSON.stringify(file.schema) &&
        canonicalJson(latest.uiSchema) === canonicalJson(uiSchema) &&
        canonicalJson(latest.name) === canonicalJson(file.name)
      ) {
        if (file.familyVisible === undefined || file.familyVisible === form.familyVisible) {
          return { key: file.key, action: 'unchanged', version: latest.version };
        }
        form.familyVisible = file.familyVisible;
        await this.repository.save(manager, form);
        return { key: file.key, action: 'updated', version: latest.version };
      }
    }
    const action = form ? 'updated' : 'created';
    if (!form) {
      form = await this.repository.insert(manager, {
        tenantId: actor.tenantId,
        key: file.key,
        name: file.name,
        description: file.description ?? null,
        status: 'draft',
        draftSchema: file.schema,
        draftUiSchema: uiSchema,
        draftChanged: true,
        latestVersion: null,
        familyVisible: file.familyVisible ?? false,
        createdBy: actor.userId,
      });
    } else {
      Object.assign(form, {
        name: file.name,
        description: file.description ?? form.description,
        draftSchema: file.schema,
        draftUiSchema: uiSchema,
        draftChanged: true,
        familyVisible: file.familyVisible ?? form.familyVisible,
      });
      form = await this.repository.save(manager, form);
    }
    const { version } = await this.publishIn(manager, actor, form.id, locale);
    return { key: file.key, action, version: version.version };
  }
}
