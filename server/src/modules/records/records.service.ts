import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maskSensitive, type Locale } from '@careloom/forms';
import { compileFilterToSql, LogicError, type FilterFieldType } from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import { hasRole, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { TimeAtSend } from '../../common/database/time-at-send.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import { toCsv, toXlsx, type Cell } from '../../common/export/spreadsheet.util.js';
import { DomainEvents, type EventResident, type RecordEvent } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService, type PublishedForm } from '../forms/forms.service.js';
import { RESIDENT_WRITERS, ResidentsService, SENSITIVE_READERS } from '../residents/residents.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import { diffJson } from './json-patch.util.js';
import type { ReadRevision, RecordEntity, RecordRevisionEntity } from './record.entity.js';
import { exportColumns, filterableFields } from './record-fields.util.js';
import { InvalidRecordDataError, InvalidRecordFilterError, StaleRecordError } from './records.errors.js';
import { fieldExpression, indexedFields, isIndexablePath } from '../forms/field-indexes.util.js';
import {
  RecordsRepository,
  type RecentRecord,
  type RecentWindow,
  type RecordCursor,
  type RecordRow,
  type RecordSort,
} from './records.repository.js';
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
  /** Keyset paging: the `nextCursor` of the previous page (then `page` is ignored). */
  after?: string;
  /** 'false': skip counting (`total` is -1), the cheapest page. */
  count?: 'true' | 'false';
  /** Only records of forms shared with family (the family portal). */
  familyShared?: boolean;
};

/** A record as the caller may see it: sensitive fields masked unless revealed. */
export type VisibleRecord = RecordRow & { masked: boolean };
export type VisibleRevision = ReadRevision & { masked: boolean };

/** A record about to be inserted: its id chosen ahead or not. */
type PendingRecord = {
  id?: string;
  residentId: string | null;
  data: Record<string, unknown>;
  createdAt: Date | TimeAtSend;
};
/** An inserted record and the resident the insert read (null for a record without one). */
type Inserted = { record: RecordEntity; resident: EventResident | null };
type InsertArgs = [
  manager: EntityManager,
  actor: Actor,
  form: PublishedForm,
  record: PendingRecord,
  scores: Record<string, unknown>,
];

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { filename: string; contentType: string; body: Buffer };

const MAX_EXPORT_ROWS = 100_000;
const EXPORT_PAGE = 1000;

function cellOf(data: unknown, path: string[]): Cell {
  let value: unknown = data;
  for (const key of path) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

/** Who may fill forms: resident carers, and logistics for the work orders routed to them (meals, cleaning, facilities). */
const RECORD_WRITERS = [...RESIDENT_WRITERS, 'logistics'] as const;

/** Spreadsheets get a word for a signature or photo: a data URL would overflow an XLSX cell. */
const IMAGE_CELL = {
  signature: { 'zh-CN': '已签名', en: 'signed' },
  photo: { 'zh-CN': '有照片', en: 'photo attached' },
} as const;

const CASTS: Record<FilterFieldType, string> = {
  string: 'text',
  number: 'numeric',
  integer: 'numeric',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'timestamptz',
};

/** A keyset cursor: the last row's sort value and id, tied to the sort (and form) it was made for. */
function encodeCursor(cursor: RecordCursor, sortKey: string): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id, sortKey]), 'utf8').toString('base64url');
}

function decodeCursor(text: string, sortKey: string, sort: RecordSort): RecordCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !(typeof parsed[0] === 'string' || parsed[0] === null) ||
    typeof parsed[1] !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(parsed[1]) ||
    (typeof parsed[0] === 'string' && parsed[0].length > 1000)
  ) {
    throw new InvalidRecordFilterError(
      '/after',
      'after is not a cursor: send the nextCursor of the previous page.',
      'after 不是分页游标：请传上一页返回的 nextCursor。',
    );
  }
  if (parsed[2] !== sortKey) {
    throw new InvalidRecordFilterError(
      '/after',
      'after belongs to another list: a cursor works only with the same formKey and sort it came with.',
      'after 属于另一个列表：游标只能配合它来自的 formKey 和排序使用。',
    );
  }
  const value = parsed[0] as string | null;
  const valid =
    sort.kind === 'column'
      ? value !== null && /^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(value)
      : value === null ||
        sort.cast === 'text' ||
        (sort.cast === 'numeric' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) ||
        (sort.cast === 'boolean' && /^(true|false)$/.test(value)) ||
        (sort.cast === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) ||
        (sort.cast === 'timestamptz' && /^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(value));
  if (!valid) {
    throw new InvalidRecordFilterError(
      '/after',
      'after is not a cursor: send the nextCursor of the previous page.',
      'after 不是分页游标：请传上一页返回的 nextCursor。',
    );
  }
  return { value, id: parsed[1] };
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly repository: RecordsRepository,
    private readonly transactions: Transactions,
    private readonly forms: FormsService,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  private assertWriter(actor: Actor): void {
    if (isFamilyOnly(actor)) {
      throw new ForbiddenError(
        'Family members do not fill forms here: file a request or complaint as a work order (/api/work-orders).',
        '家属不在这里填写表单：如有诉求或投诉，请提交工单。',
      );
    }
    if (!hasRole(actor, RECORD_WRITERS)) {
      throw new ForbiddenError(
        `Filling forms needs one of: ${RECORD_WRITERS.join(', ')}.`,
        `填写表单需要以下角色之一：${roleNamesZh(RECORD_WRITERS)}。`,
      );
    }
  }

  private assertRevealer(actor: Actor): void {
    if (!hasRole(actor, SENSITIVE_READERS)) {
      throw new ForbiddenError(
        `Reading sensitive fields unmasked needs one of: ${SENSITIVE_READERS.join(', ')}.`,
        `查看未遮蔽的敏感字段需要以下角色之一：${roleNamesZh(SENSITIVE_READERS)}。`,
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
    return Object.assign(record, { data: form.compiled.mask(record.data), masked: true });
  }

  /**
   * Saves a changed record (its row locked; `revision`, `updatedAt` and `data` already the new ones) and stores the
   * change as its revision. `previous` is the data before the change: the first change writes it into the first
   * revision (RecordsRepository.insertRevision).
   */
  private async saveChange(
    manager: EntityManager,
    record: RecordEntity,
    previous: Record<string, unknown>,
    change: Pick<RecordRevisionEntity, 'action' | 'actorId' | 'actorName' | 'diff'>,
  ): Promise<void> {
    await this.repository.save(manager, record);
    await this.repository.insertRevision(
      manager,
      {
        tenantId: record.tenantId,
        recordId: record.id,
        revision: record.revision,
        at: record.updatedAt,
        data: record.data,
        ...change,
      },
      previous,
    );
  }

  /** The writer's org unit, for records without a resident: their first staff membership. */
  private homeUnit(actor: Actor): string {
    const staff = actor.roles.find((r) => r.role !== 'family') ?? actor.roles[0];
    if (!staff) {
      throw new ForbiddenError(
        'Your account belongs to no org unit; ask an administrator to add you to one.',
        '您的账号不属于任何组织单元；请联系管理员把您加入一个。',
      );
    }
    return staff.orgUnitId;
  }

  /**
   * A submission. When no handler of its `record.created` event would write (DomainEvents.wouldWrite: no rule
   * matches, no date-field rule …; the previews read and evaluate before the insert, the new record included where
   * it would be), the record and its first revision are one autocommit statement, atomic on its own, and the event
   * is not published. Otherwise the insert and the event's handlers share one transaction, as createIn.
   */
  async create(
    actor: Actor,
    input: { formKey: string; residentId?: string; data: Record<string, unknown> },
    locale: Locale,
  ): Promise<VisibleRecord> {
    const manager = this.transactions.manager;
    const { form, data, scores } = await this.prepare(manager, actor, input, locale, {});
    const pending = {
      id: randomUUID(),
      residentId: input.residentId ?? null,
      data,
      createdAt: this.clock.now(),
    };
    const event = this.createdEvent(actor, form, pending, null);
    if (!(await this.events.wouldWrite(manager, [event]))) {
      // The rules' answer took the record for the newest of its resident and form (a context window has it
      // first; their preview may have decided on that alone): written only while it is, and stamped as it is
      // sent (after the wait for a pooled connection), so that submissions are stamped in the order they are
      // written. When a later one came first all the same, they answer again with the windows read.
      const stamped = { ...pending, createdAt: new TimeAtSend(() => this.clock.now(), pending.createdAt) };
      const inserted = await this.insert(manager, actor, form, stamped, scores, { onlyIfNewest: true });
      if (inserted !== 'not-newest') {
        return this.created(actor, form, inserted);
      }
      if (!(await this.events.wouldWrite(manager, [{ ...event, notNewest: true }]))) {
        return this.created(actor, form, await this.insert(manager, actor, form, pending, scores));
      }
    }
    return this.transactions.run(async (tx) => {
      const inserted = await this.insert(tx, actor, form, pending, scores);
      await this.publishCreated(tx, actor, form, inserted);
      return this.created(actor, form, inserted);
    });
  }

  /**
   * Creates a record inside the caller's transaction (e.g. completing a task with its form).
   * `familyFiling`: a use case that lets a family member fill this form about a resident linked to them
   * (work orders: the complaint intake and their rating); the resident must still be visible to them.
   */
  async createIn(
    manager: EntityManager,
    actor: Actor,
    input: { formKey: string; residentId?: string; data: Record<string, unknown> },
    locale: Locale,
    options: { familyFiling?: boolean } = {},
  ): Promise<VisibleRecord> {
    const { form, data, scores } = await this.prepare(manager, actor, input, locale, options);
    const inserted = await this.insert(
      manager,
      actor,
      form,
      { residentId: input.residentId ?? null, data, createdAt: this.clock.now() },
      scores,
    );
    await this.publishCreated(manager, actor, form, inserted);
    return this.created(actor, form, inserted);
  }

  /** The writer's right, the form and the processed data; a resident the writer may not see is reported first. */
  private async prepare(
    manager: EntityManager,
    actor: Actor,
    input: { formKey: string; residentId?: string; data: Record<string, unknown> },
    locale: Locale,
    options: { familyFiling?: boolean },
  ): Promise<{ form: PublishedForm } & ReturnType<RecordsService['process']>> {
    if (!(options.familyFiling && input.residentId && hasRole(actor, ['family']))) {
      this.assertWriter(actor);
    }
    const form = await this.forms.latestPublished(manager, actor.tenantId, input.formKey);
    try {
      return { form, ...this.process(form, input.data, locale) };
    } catch (error) {
      // a resident the writer may not see is reported first, whatever the data
      if (input.residentId) {
        await this.residents.visibleSummary(manager, actor, input.residentId);
      }
      throw error;
    }
  }

  /** The insert, which reads the resident itself with the writer's access (404 when they may not see it). */
  private insert(...args: InsertArgs): Promise<Inserted>;
  private insert(...args: [...InsertArgs, options: { onlyIfNewest: true }]): Promise<Inserted | 'not-newest'>;
  private async insert(
    manager: EntityManager,
    actor: Actor,
    form: PublishedForm,
    record: PendingRecord,
    scores: Record<string, unknown>,
    options: { onlyIfNewest?: boolean } = {},
  ): Promise<Inserted | 'not-newest'> {
    const inserted = await this.repository.insertWithFirstRevision(
      manager,
      {
        ...(record.id === undefined ? {} : { id: record.id }),
        tenantId: actor.tenantId,
        formId: form.form.id,
        formVersion: form.version.version,
        data: record.data,
        scores,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        createdAt: record.createdAt,
      },
      record.residentId
        ? { residentId: record.residentId, visibleTo: actor }
        : { residentId: null, orgUnitId: this.homeUnit(actor) },
      { actorId: actor.userId, actorName: actor.displayName },
      options,
    );
    if (!inserted) {
      throw new NotFoundError('Resident', record.residentId ?? '');
    }
    return inserted;
  }

  private publishCreated(
    manager: EntityManager,
    actor: Actor,
    form: PublishedForm,
    { record, resident }: { record: RecordEntity; resident: EventResident | null },
  ): Promise<void> {
    return this.events.publish(manager, this.createdEvent(actor, form, record, resident));
  }

  /** The `record.created` event of a record, written or about to be (`create` asks DomainEvents.wouldWrite first). */
  private createdEvent(
    actor: Actor,
    form: PublishedForm,
    record: { id: string; residentId: string | null; data: Record<string, unknown>; createdAt: Date },
    resident: EventResident | null,
  ): RecordEvent {
    return {
      type: 'record.created',
      tenantId: actor.tenantId,
      recordId: record.id,
      formKey: form.form.key,
      formVersion: form.version.version,
      residentId: record.residentId,
      data: record.data,
      createdAt: record.createdAt,
      ...(resident ? { resident } : {}),
      actor,
      depth: 0,
    };
  }

  private created(
    actor: Actor,
    form: PublishedForm,
    { record, resident }: { record: RecordEntity; resident: EventResident | null },
  ): VisibleRecord {
    return this.masked(
      form,
      Object.assign(record, {
        formKey: form.form.key,
        residentName: resident?.name ?? null,
        createdByName: actor.displayName,
      }),
      false,
    );
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
      const previous = record.data;
      record.data = data;
      record.scores = scores;
      record.revision += 1;
      record.updatedBy = actor.userId;
      record.updatedAt = this.clock.now();
      await this.saveChange(manager, record, previous, {
        action: 'updated',
        actorId: actor.userId,
        actorName: actor.displayName,
        diff,
      });
      await this.events.publish(manager, {
        type: 'record.updated',
        tenantId: actor.tenantId,
        recordId: record.id,
        formKey: record.formKey,
        formVersion: record.formVersion,
        residentId: record.residentId,
        data,
        actor,
        depth: 0,
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
      record.updatedAt = record.deletedAt;
      await this.saveChange(manager, record, record.data, {
        action: 'deleted',
        actorId: actor.userId,
        actorName: actor.displayName,
        diff: [],
      });
      await this.audit.record(manager, actor, {
        action: 'record.deleted',
        entityType: 'record',
        entityId: record.id,
        details: { form: record.formKey },
      });
    });
  }

  async list(
    actor: Actor,
    query: RecordQuery,
  ): Promise<{ items: VisibleRecord[]; total: number; totalCapped: boolean; nextCursor: string | null }> {
    const manager = this.transactions.manager;
    const form = query.formKey
      ? await this.forms.latestPublished(manager, actor.tenantId, query.formKey, 'read')
      : null;
    if ((query.filter || (query.sort && !/^-?(createdAt|updatedAt)$/.test(query.sort))) && !form) {
      throw new InvalidRecordFilterError(
        '/formKey',
        'Filtering or sorting by a field needs formKey.',
        '按字段筛选或排序需要指定 formKey。',
      );
    }
    const fields = form ? filterableFields(form.version.schema) : {};
    const sort = this.sortOf(query.sort, fields, form);
    const sortKey = `${query.sort ?? '-createdAt'}|${form?.form.id ?? ''}`;
    const { items, total, totalCapped, next } = await this.repository.page(manager, actor, {
      ...(form ? { formId: form.form.id } : {}),
      ...(query.residentId ? { residentId: query.residentId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.familyShared ? { familyShared: true } : {}),
      ...(query.filter ? { where: this.compileFilter(query.filter, fields) } : {}),
      ...(query.after ? { after: decodeCursor(query.after, sortKey, sort) } : {}),
      count: query.count !== 'false',
      sort,
      page: query.page,
      pageSize: query.pageSize,
    });
    // One form version per distinct (form, version) on the page, not one lookup per row.
    const versions = new Map<string, Promise<PublishedForm>>();
    const visible: VisibleRecord[] = [];
    for (const record of items) {
      const key = `${record.formId}@${record.formVersion}`;
      let version = versions.get(key);
      if (!version) {
        version =
          form && record.formId === form.form.id && record.formVersion === form.version.version
            ? Promise.resolve(form)
            : this.forms.publishedVersion(manager, actor.tenantId, record.formId, record.formVersion);
        versions.set(key, version);
      }
      visible.push(this.masked(await version, record, false));
    }
    return { items: visible, total, totalCapped, nextCursor: next ? encodeCursor(next, sortKey) : null };
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
        'filter 不是有效的 JSON：请传一个 JSON Logic 表达式。',
      );
    }
    try {
      return compileFilterToSql(logic, { column: 'rec.data', fields, now: this.clock.iso() });
    } catch (error) {
      if (error instanceof LogicError) {
        throw new InvalidRecordFilterError(`/filter${error.path}`, error.message, error.messages['zh-CN']);
      }
      throw error;
    }
  }

  private sortOf(
    sort: string | undefined,
    fields: Record<string, FilterFieldType>,
    form: PublishedForm | null,
  ): RecordSort {
    const descending = sort === undefined || sort.startsWith('-');
    const name = sort?.replace(/^-/, '') ?? 'createdAt';
    if (name === 'createdAt' || name === 'updatedAt') {
      return { kind: 'column', column: name === 'createdAt' ? 'created_at' : 'updated_at', descending };
    }
    const type = fields[name];
    if (!type) {
      throw new InvalidRecordFilterError(
        '/sort',
        `sort: the form has no field "${name}" to sort by.`,
        `sort：表单没有可排序的字段“${name}”。`,
      );
    }
    const cast = CASTS[type];
    // A plain path is written into the SQL as a literal, the same text an x-indexed field's index holds, so the
    // index serves the sort (the planner cannot match a parameter); any other path stays a parameter.
    const indexable = isIndexablePath(name) && (cast === 'text' || cast === 'numeric' || cast === 'boolean');
    // The latest version marks it x-indexed: its index is (or is being built) in this sort's exact order.
    const indexed =
      indexable &&
      form !== null &&
      indexedFields(form.form.id, form.version.schema).some(
        (index) => index.path === name && index.cast === cast,
      );
    return {
      kind: 'field',
      path: name.split('.'),
      cast,
      descending,
      ...(indexable ? { expression: fieldExpression('rec.data', name, cast) } : {}),
      ...(indexed ? { indexed: true } : {}),
    };
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
    return (await this.repository.revisions(manager, record)).map((r) =>
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
    const revision = await this.repository.revision(manager, record, number);
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

  /**
   * A form's records (the same filters as the list) as CSV or XLSX, one column per field of the
   * latest version; sensitive fields masked unless revealed; formula-like text neutralised.
   */
  async export(
    actor: Actor,
    query: Omit<RecordQuery, 'page' | 'pageSize' | 'sort'> & { formKey: string },
    format: ExportFormat,
    reveal: boolean,
    locale: Locale,
  ): Promise<ExportFile> {
    if (reveal) {
      this.assertRevealer(actor);
    }
    const manager = this.transactions.manager;
    const form = await this.forms.latestPublished(manager, actor.tenantId, query.formKey, 'read');
    // a family member reads only forms the home shares: any other form does not exist for them
    if (isFamilyOnly(actor) && !form.form.familyVisible) {
      throw new NotFoundError('Form', query.formKey);
    }
    const fields = filterableFields(form.version.schema);
    const columns = exportColumns(form.version.schema, locale);
    const rows: Cell[][] = [];
    const where = query.filter ? this.compileFilter(query.filter, fields) : undefined;
    // Keyset paging on (created_at, id): each page starts after the previous page's last row, so every page costs
    // the same however deep the export goes (OFFSET re-read all the rows before it); no count per page.
    let after: RecordCursor | undefined;
    for (;;) {
      const { items, next } = await this.repository.page(manager, actor, {
        formId: form.form.id,
        ...(query.residentId ? { residentId: query.residentId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(where ? { where } : {}),
        ...(after ? { after } : {}),
        count: false,
        sort: { kind: 'column', column: 'created_at', descending: false },
        page: 1,
        pageSize: EXPORT_PAGE,
      });
      if (rows.length + items.length > MAX_EXPORT_ROWS) {
        throw new InvalidRecordFilterError(
          '/filter',
          `More than ${MAX_EXPORT_ROWS} records match; export at most that many at a time: narrow the date range or filter.`,
          `符合条件的记录超过 ${MAX_EXPORT_ROWS} 条，一次最多导出这么多：请缩小日期范围或筛选条件。`,
        );
      }
      for (const record of items) {
        const version =
          record.formVersion === form.version.version
            ? form
            : await this.forms.publishedVersion(manager, actor.tenantId, record.formId, record.formVersion);
        const data = this.masked(version, record, reveal).data;
        rows.push([
          record.id,
          record.residentName,
          record.createdAt.toISOString(),
          record.formVersion,
          ...columns.map((c) => {
            const cell = cellOf(data, c.path);
            return c.image && cell !== null ? IMAGE_CELL[c.image][locale] : cell;
          }),
        ]);
      }
      if (!next) {
        break;
      }
      after = next;
    }
    const header = [
      ...(locale === 'en'
        ? ['Record', 'Resident', 'Created at', 'Form version']
        : ['记录编号', '长者', '填写时间', '表单版本']),
      ...columns.map((c) => c.label),
    ];
    await this.transactions.run((tx) =>
      this.audit.record(tx, actor, {
        action: 'record.exported',
        entityType: 'form',
        entityId: form.form.id,
        details: { form: form.form.key, format, rows: rows.length, masked: !reveal },
      }),
    );
    const name = `${form.form.key}-${this.clock.iso().slice(0, 10)}`;
    return format === 'csv'
      ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(header, rows) }
      : {
          filename: `${name}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: toXlsx(form.form.name[locale] || form.form.key, header, rows),
        };
  }

  /** For rules: this resident's records of a form since `since`, newest first, regardless of any caller. */
  async recentForResident(
    manager: EntityManager,
    tenantId: string,
    residentId: string,
    formKey: string,
    since: Date,
    limit: number,
  ): Promise<RecentRecord[]> {
    return this.repository.recentForResident(manager, tenantId, residentId, formKey, since, limit);
  }

  /**
   * For rules, before a submission is written: the resident (no caller's scope; null when the tenant has no such
   * resident) and its records of each window, newest first, in one statement.
   */
  residentWithRecent(
    manager: EntityManager,
    tenantId: string,
    residentId: string,
    windows: RecentWindow[],
  ): Promise<{ resident: EventResident | null; recent: RecentRecord[][] }> {
    return this.repository.residentWithRecent(manager, tenantId, residentId, windows);
  }

  /**
   * For rules: sets one field of a record on a rule's behalf (recomputed and validated with the
   * record's own form version, stored as a revision by the rule) and publishes the change one level
   * deeper in the rule chain. Returns the validation problems instead of saving when there are any.
   */
  async updateFieldByRule(
    manager: EntityManager,
    tenantId: string,
    recordId: string,
    change: { field: string; value: unknown },
    cause: { actorId: string; actorName: string; depth: number },
  ): Promise<{ ok: true } | { ok: false; problems: string[] }> {
    const record = await this.repository.findInTenant(manager, tenantId, recordId, true);
    if (!record) {
      return { ok: false, problems: [`record ${recordId} no longer exists`] };
    }
    const form = await this.forms.publishedVersion(manager, tenantId, record.formId, record.formVersion);
    const processed = form.compiled.process(
      { ...record.data, [change.field]: change.value },
      { now: this.clock.iso() },
    );
    if (processed.errors.length > 0) {
      return { ok: false, problems: processed.errors.map((e) => `${e.path}: ${e.message}`) };
    }
    const diff = diffJson(record.data, processed.data);
    if (diff.length === 0) {
      return { ok: true };
    }
    const previous = record.data;
    record.data = processed.data;
    record.scores = processed.scores;
    record.revision += 1;
    record.updatedBy = cause.actorId;
    record.updatedAt = this.clock.now();
    await this.saveChange(manager, record, previous, {
      action: 'updated',
      actorId: cause.actorId,
      actorName: cause.actorName,
      diff,
    });
    await this.events.publish(manager, {
      type: 'record.updated',
      tenantId,
      recordId,
      formKey: record.formKey,
      formVersion: record.formVersion,
      residentId: record.residentId,
      data: processed.data,
      actor: null,
      depth: cause.depth,
    });
    return { ok: true };
  }
}
