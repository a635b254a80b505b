import { Injectable } from '@nestjs/common';
import { maskSensitive, type Locale } from '@careloom/forms';
import { compileFilterToSql, LogicError, type FilterFieldType } from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import { hasRole, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService, type PublishedForm } from '../forms/forms.service.js';
import { RESIDENT_WRITERS, ResidentsService, SENSITIVE_READERS } from '../residents/residents.service.js';
import { diffJson } from './json-patch.util.js';
import type { RecordRevisionEntity } from './record.entity.js';
import { filterableFields } from './record-fields.util.js';
import { InvalidRecordDataError, InvalidRecordFilterError, StaleRecordError } from './records.errors.js';
import { RecordsRepository, type RecordRow, type RecordSort } from './records.repository.js';
import { maskPatch, restoreMaskedValues } from './sensitive-data.util.js';

export type RecordQuery = {
  formKey?: string;
  residentId?: string;
  from?: string;
  to?: string;
  filter?: string;
  sort?: string;
  page: number;
  pageSize: number;
};

/** A record as the caller may see it: sensitive fields masked unless revealed. */
export type VisibleRecord = RecordRow & { masked: boolean };
export type VisibleRevision = RecordRevisionEntity & { masked: boolean };

const CASTS: Record<FilterFieldType, string> = {
  string: 'text',
  number: 'numeric',
  integer: 'numeric',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'timestamptz',
};

@Injectable()
export class RecordsService {
  constructor(
    private readonly repository: RecordsRepository,
    private readonly transactions: Transactions,
    private readonly forms: FormsService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private assertWriter(actor: Actor): void {
    if (!hasRole(actor, RESIDENT_WRITERS)) {
      throw new ForbiddenError(`Filling forms needs one of: ${RESIDENT_WRITERS.join(', ')}.`);
    }
  }

  private assertRevealer(actor: Actor): void {
    if (!hasRole(actor, SENSITIVE_READERS)) {
      throw new ForbiddenError(
        `Reading sensitive fields unmasked needs one of: ${SENSITIVE_READERS.join(', ')}.`,
      );
    }
  }

  private async getIn(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<RecordRow> {
    const record = await this.repository.findVisible(manager, actor, id, lock);
    if (!record) {
      throw new NotFoundError('Record', id);
    }
    return record;
  }

  private process(form: PublishedForm, data: Record<string, unknown>, locale: Locale) {
    const processed = form.compiled.process(data, { now: this.clock.iso(), locale });
    if (processed.errors.length > 0) {
      throw new InvalidRecordDataError(processed.errors.map((e) => ({ path: e.path, message: e.message })));
    }
    return processed;
  }

  private masked(form: PublishedForm, record: RecordRow, reveal: boolean): VisibleRecord {
    const sensitive = form.compiled.sensitivePaths().length > 0;
    if (reveal || !sensitive) {
      return Object.assign(record, { masked: false });
    }
    return Object.assign(record, { data: maskSensitive(form.version.schema, record.data), masked: true });
  }

  /** The writer's org unit, for records without a resident: their first staff membership. */
  private homeUnit(actor: Actor): string {
    const staff = actor.roles.find((r) => r.role !== 'family') ?? actor.roles[0];
    if (!staff) {
      throw new ForbiddenError(
        'Your account belongs to no org unit; ask an administrator to add you to one.',
      );
    }
    return staff.orgUnitId;
  }

  async create(
    actor: Actor,
    input: { formKey: string; residentId?: string; data: Record<string, unknown> },
    locale: Locale,
  ): Promise<VisibleRecord> {
    this.assertWriter(actor);
    return this.transactions.run(async (manager) => {
      const form = await this.forms.latestPublished(manager, actor.tenantId, input.formKey);
      const resident = input.residentId
        ? await this.residents.visible(manager, actor, input.residentId)
        : null;
      const { data, scores } = this.process(form, input.data, locale);
      const record = await this.repository.insert(manager, {
        tenantId: actor.tenantId,
        formId: form.form.id,
        formVersion: form.version.version,
        residentId: resident?.id ?? null,
        orgUnitId: resident?.orgUnitId ?? this.homeUnit(actor),
        data,
        scores,
        revision: 1,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        deletedAt: null,
      });
      await this.repository.insertRevision(manager, {
        tenantId: actor.tenantId,
        recordId: record.id,
        revision: 1,
        action: 'created',
        actorId: actor.userId,
        actorName: actor.displayName,
        diff: diffJson({}, data),
        data,
      });
      await this.audit.record(manager, actor, {
        action: 'record.created',
        entityType: 'record',
        entityId: record.id,
        details: { form: form.form.key, version: form.version.version, residentId: record.residentId },
      });
      return this.masked(form, Object.assign(record, { formKey: form.form.key }), false);
    });
  }

  async get(actor: Actor, id: string, reveal: boolean): Promise<VisibleRecord> {
    if (reveal) {
      this.assertRevealer(actor);
      return this.transactions.run(async (manager) => {
        const record = await this.getIn(manager, actor, id);
        await this.audit.record(manager, actor, {
          action: 'record.revealed',
          entityType: 'record',
          entityId: record.id,
          details: { form: record.formKey },
        });
        const form = await this.forms.publishedVersion(
          manager,
          actor.tenantId,
          record.formId,
          record.formVersion,
        );
        return this.masked(form, record, true);
      });
    }
    const manager = this.transactions.manager;
    const record = await this.getIn(manager, actor, id);
    const form = await this.forms.publishedVersion(
      manager,
      actor.tenantId,
      record.formId,
      record.formVersion,
    );
    return this.masked(form, record, false);
  }

  /** Replaces the data (validated with the record's own form version) and stores the change as a revision. */
  async update(
    actor: Actor,
    id: string,
    submitted: Record<string, unknown>,
    expectedRevision: number,
    locale: Locale,
  ): Promise<VisibleRecord> {
    this.assertWriter(actor);
    return this.transactions.run(async (manager) => {
      const record = await this.getIn(manager, actor, id, true);
      if (record.revision !== expectedRevision) {
        throw new StaleRecordError(expectedRevision, record.revision);
      }
      const form = await this.forms.publishedVersion(
        manager,
        actor.tenantId,
        record.formId,
        record.formVersion,
      );
      const restored = restoreMaskedValues(
        form.version.schema,
        form.compiled.sensitivePaths(),
        record.data,
        submitted,
      );
      const { data, scores } = this.process(form, restored, locale);
      const diff = diffJson(record.data, data);
      if (diff.length === 0) {
        return this.masked(form, record, false);
      }
      record.data = data;
      record.scores = scores;
      record.revision += 1;
      record.updatedBy = actor.userId;
      await this.repository.save(manager, record);
      await this.repository.insertRevision(manager, {
        tenantId: actor.tenantId,
        recordId: record.id,
        revision: record.revision,
        action: 'updated',
        actorId: actor.userId,
        actorName: actor.displayName,
        diff,
        data,
      });
      await this.audit.record(manager, actor, {
        action: 'record.updated',
        entityType: 'record',
        entityId: record.id,
        details: { form: record.formKey, revision: record.revision, fields: diff.map((op) => op.path) },
      });
      return this.masked(form, record, false);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    this.assertWriter(actor);
    await this.transactions.run(async (manager) => {
      const record = await this.getIn(manager, actor, id, true);
      record.deletedAt = this.clock.now();
      record.revision += 1;
      record.updatedBy = actor.userId;
      await this.repository.save(manager, record);
      await this.repository.insertRevision(manager, {
        tenantId: actor.tenantId,
        recordId: record.id,
        revision: record.revision,
        action: 'deleted',
        actorId: actor.userId,
        actorName: actor.displayName,
        diff: [],
        data: record.data,
      });
      await this.audit.record(manager, actor, {
        action: 'record.deleted',
        entityType: 'record',
        entityId: record.id,
        details: { form: record.formKey },
      });
    });
  }

  async list(actor: Actor, query: RecordQuery): Promise<{ items: VisibleRecord[]; total: number }> {
    const manager = this.transactions.manager;
    const form = query.formKey
      ? await this.forms.latestPublished(manager, actor.tenantId, query.formKey, 'read')
      : null;
    if ((query.filter || (query.sort && !/^-?(createdAt|updatedAt)$/.test(query.sort))) && !form) {
      throw new InvalidRecordFilterError('/formKey', 'Filtering or sorting by a field needs formKey.');
    }
    const fields = form ? filterableFields(form.version.schema) : {};
    const { items, total } = await this.repository.page(manager, actor, {
      ...(form ? { formId: form.form.id } : {}),
      ...(query.residentId ? { residentId: query.residentId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.filter ? { where: this.compileFilter(query.filter, fields) } : {}),
      sort: this.sortOf(query.sort, fields),
      page: query.page,
      pageSize: query.pageSize,
    });
    const visible: VisibleRecord[] = [];
    for (const record of items) {
      const version = await this.forms.publishedVersion(
        manager,
        actor.tenantId,
        record.formId,
        record.formVersion,
      );
      visible.push(this.masked(version, record, false));
    }
    return { items: visible, total };
  }

  private compileFilter(
    text: string,
    fields: Record<string, FilterFieldType>,
  ): { sql: string; params: unknown[] } {
    let logic: unknown;
    try {
      logic = JSON.parse(text);
    } catch {
      throw new InvalidRecordFilterError(
        '/filter',
        'filter is not valid JSON: send a JSON Logic expression.',
      );
    }
    try {
      return compileFilterToSql(logic, { column: 'rec.data', fields, now: this.clock.iso() });
    } catch (error) {
      if (error instanceof LogicError) {
        throw new InvalidRecordFilterError(`/filter${error.path}`, error.message);
      }
      throw error;
    }
  }

  private sortOf(sort: string | undefined, fields: Record<string, FilterFieldType>): RecordSort {
    const descending = sort === undefined || sort.startsWith('-');
    const name = sort?.replace(/^-/, '') ?? 'createdAt';
    if (name === 'createdAt' || name === 'updatedAt') {
      return { kind: 'column', column: name === 'createdAt' ? 'created_at' : 'updated_at', descending };
    }
    const type = fields[name];
    if (!type) {
      throw new InvalidRecordFilterError('/sort', `sort: the form has no field "${name}" to sort by.`);
    }
    return { kind: 'field', path: name.split('.'), cast: CASTS[type], descending };
  }

  async revisions(actor: Actor, id: string): Promise<VisibleRevision[]> {
    const manager = this.transactions.manager;
    const record = await this.getIn(manager, actor, id);
    const form = await this.forms.publishedVersion(
      manager,
      actor.tenantId,
      record.formId,
      record.formVersion,
    );
    const sensitive = form.compiled.sensitivePaths();
    return (await this.repository.revisions(manager, record.id)).map((r) =>
      Object.assign(r, { diff: maskPatch(r.diff, sensitive), masked: sensitive.length > 0 }),
    );
  }

  async revision(actor: Actor, id: string, number: number): Promise<VisibleRevision> {
    const manager = this.transactions.manager;
    const record = await this.getIn(manager, actor, id);
    const form = await this.forms.publishedVersion(
      manager,
      actor.tenantId,
      record.formId,
      record.formVersion,
    );
    const revision = await this.repository.revision(manager, record.id, number);
    if (!revision) {
      throw new NotFoundError('Revision', `${id}#${number}`);
    }
    const sensitive = form.compiled.sensitivePaths();
    return Object.assign(revision, {
      data: sensitive.length > 0 ? maskSensitive(form.version.schema, revision.data) : revision.data,
      diff: maskPatch(revision.diff, sensitive),
      masked: sensitive.length > 0,
    });
  }
}
