import { Injectable } from '@nestjs/common';
import type {
  DashboardResult,
  DashboardSpec,
  DatasetSpec,
  DrillResult,
  LocalizedText,
  ReportFilters,
  ReportResult,
  ReportSpec,
} from '@careloom/contracts';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { hasRole, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { toCsv, type Cell } from '../../common/export/spreadsheet.util.js';
import { canonicalJson } from '../../common/json/canonical-json.util.js';
import { DomainError, ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { localisedProblem, toProblem } from '../../common/http/problem.filter.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { OrgUnitsService } from '../org-units/org-units.service.js';
import { filterableFields } from '../records/record-fields.util.js';
import {
  compileDataset,
  compileDrill,
  type DatasetContext,
  type DatasetFilters,
  type FieldType,
} from './dataset-sql.util.js';
import {
  chartOption,
  numberSummary,
  reportColumns,
  reportNotes,
  withNotes,
  type ReportRow,
} from './echarts-option.util.js';
import type {
  DashboardEntity,
  DashboardVersionEntity,
  ReportEntity,
  ReportVersionEntity,
} from './report.entity.js';
import {
  schemaFieldLabels,
  schemaValueLabels,
  SOURCE_FIELD_LABELS,
  SOURCE_VALUE_LABELS,
} from './report-fields.util.js';
import { roleNamesZh } from '../users/roles.constants.js';
import { checkDashboardSpec, checkReportSpec } from './report-spec.util.js';
import {
  DashboardNotFoundError,
  InvalidReportQueryError,
  InvalidReportSpecError,
  ReportKeyTakenError,
  ReportNotFoundError,
  StaleReportError,
  wordedErrors,
} from './reports.errors.js';
import { ReportsRepository, type SpecKind } from './reports.repository.js';
import { mapConcurrently } from './concurrency.util.js';

/** Who may create and change reports and dashboards. */
export const REPORT_DESIGNERS = ['admin'] as const;
/** Longest a report query may run before it is cancelled (a 4xx-free, hang-free answer). */
export const REPORT_TIMEOUT_MS = 20_000;
/** Reports of one dashboard computed at the same time (each holds a pooled connection while it runs). */
export const DASHBOARD_CONCURRENCY = 3;

type SpecOf<K extends SpecKind> = K extends 'report' ? ReportSpec : DashboardSpec;
export type StoredSpec<K extends SpecKind> = {
  head: K extends 'report' ? ReportEntity : DashboardEntity;
  spec: SpecOf<K>;
  versions: { version: number; createdAt: Date }[];
};
export type ImportedSpec = { key: string; action: 'created' | 'updated' | 'unchanged'; version: number };
export type ReportQuery = ReportFilters;
export type DrillQuery = ReportFilters & { group?: string; limit: number; offset: number };
type Source = {
  context: DatasetContext;
  labels: Record<string, LocalizedText>;
  /** Display labels of field values, by field path. */
  values: Record<string, Record<string, LocalizedText>>;
};

const DAY_MS = 86_400_000;
const TIMEOUT_MESSAGE: Record<RequestLocale, string> = {
  'zh-CN': '该报表计算超时，请缩短期间或缩小范围。',
  en: 'This report took too long; choose a shorter period or a smaller unit.',
};
/** PostgreSQL's query_canceled, raised by `statement_timeout`. */
const isStatementTimeout = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '57014';
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly transactions: Transactions,
    private readonly forms: FormsService,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private assertDesigner(actor: Actor): void {
    if (!hasRole(actor, REPORT_DESIGNERS)) {
      throw new ForbiddenError(
        `Designing reports and dashboards needs one of: ${REPORT_DESIGNERS.join(', ')}.`,
        `设计报表和看板需要以下角色之一：${roleNamesZh(REPORT_DESIGNERS)}。`,
      );
    }
  }

  /** Staff read reports (each sees the counts of what they may see); family members use the portal. */
  private assertReader(actor: Actor): void {
    if (actor.roles.length === 0 || isFamilyOnly(actor)) {
      throw new ForbiddenError(
        'Reports and dashboards are for staff; family members see their relative’s page.',
        '报表和看板供员工使用；家属请查看亲人的页面。',
      );
    }
  }

  // ---- stored specs -------------------------------------------------------------------------------

  async list<K extends SpecKind>(actor: Actor, kind: K): Promise<StoredSpec<K>[]> {
    this.assertReader(actor);
    const manager = this.transactions.manager;
    const heads = await this.repository.list(manager, kind, actor.tenantId);
    const stored: StoredSpec<K>[] = [];
    for (const head of heads) {
      const current = await this.repository.version(manager, kind, head.id, head.currentVersion);
      if (current) {
        stored.push({ head, spec: current.spec, versions: [] } as unknown as StoredSpec<K>);
      }
    }
    return stored;
  }

  async get<K extends SpecKind>(
    actor: Actor,
    kind: K,
    key: string,
    version?: number,
  ): Promise<StoredSpec<K>> {
    this.assertReader(actor);
    return this.getIn(this.transactions.manager, actor, kind, key, version);
  }

  private async getIn<K extends SpecKind>(
    manager: EntityManager,
    actor: Actor,
    kind: K,
    key: string,
    version?: number,
  ): Promise<StoredSpec<K>> {
    const head = await this.repository.findByKey(manager, kind, actor.tenantId, key);
    if (!head) {
      throw kind === 'report' ? new ReportNotFoundError(key) : new DashboardNotFoundError(key);
    }
    const versions = (await this.repository.versions(manager, kind, head.id)) as (
      ReportVersionEntity | DashboardVersionEntity
    )[];
    const wanted = versions.find((v) => v.version === (version ?? head.currentVersion));
    if (!wanted) {
      throw new NotFoundError(
        kind === 'report' ? 'Report version' : 'Dashboard version',
        `${key}@${version}`,
      );
    }
    return {
      head,
      spec: wanted.spec,
      versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt })),
    } as unknown as StoredSpec<K>;
  }

  /** A checked spec: structure, then (reports) every field against its source, (dashboards) every report. */
  private async checked<K extends SpecKind>(
    manager: EntityManager,
    actor: Actor,
    kind: K,
    spec: unknown,
    prefix = '',
  ): Promise<SpecOf<K>> {
    if (kind === 'report') {
      const errors = checkReportSpec(spec);
      if (errors.length > 0) {
        throw new InvalidReportSpecError(errors, 'report', prefix);
      }
      try {
        // Compiling checks every field path and type against the form's published schema.
        compileDataset(
          (spec as ReportSpec).dataset,
          (await this.sourceOf(manager, actor, (spec as ReportSpec).dataset, {})).context,
        );
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid' && prefix) {
          throw new InvalidReportSpecError(wordedErrors(error), 'report', prefix);
        }
        throw error;
      }
      return spec as SpecOf<K>;
    }
    const errors = checkDashboardSpec(spec);
    if (errors.length > 0) {
      throw new InvalidReportSpecError(errors, 'dashboard', prefix);
    }
    const dashboard = spec as DashboardSpec;
    const found = await this.repository.currentReports(
      manager,
      actor.tenantId,
      dashboard.items.map((item) => item.report),
    );
    const missing = dashboard.items.flatMap((item, i) =>
      found.some((r) => r.key === item.report)
        ? []
        : [
            {
              path: `/items/${i}/report`,
              message: `there is no report "${item.report}"; save or import it first`,
              zh: `没有报表“${item.report}”；请先保存或导入它`,
            },
          ],
    );
    if (missing.length > 0) {
      throw new InvalidReportSpecError(missing, 'dashboard', prefix);
    }
    return spec as SpecOf<K>;
  }

  async create<K extends SpecKind>(actor: Actor, kind: K, input: unknown): Promise<StoredSpec<K>> {
    this.assertDesigner(actor);
    return this.transactions.run(async (manager) => {
      const spec = await this.checked(manager, actor, kind, input);
      if (await this.repository.findByKey(manager, kind, actor.tenantId, spec.key)) {
        throw new ReportKeyTakenError(kind, spec.key);
      }
      await this.insertSpec(manager, actor, kind, spec);
      return this.getIn(manager, actor, kind, spec.key);
    });
  }

  /** Saves the spec as the next version; `baseVersion` (the version edited) guards against lost updates. */
  async update<K extends SpecKind>(
    actor: Actor,
    kind: K,
    key: string,
    input: unknown,
    baseVersion?: number,
  ): Promise<StoredSpec<K>> {
    this.assertDesigner(actor);
    return this.transactions.run(async (manager) => {
      const head = await this.repository.findByKey(manager, kind, actor.tenantId, key, true);
      if (!head) {
        throw kind === 'report' ? new ReportNotFoundError(key) : new DashboardNotFoundError(key);
      }
      const spec = await this.checked(manager, actor, kind, input);
      if (spec.key !== key) {
        throw new InvalidReportSpecError(
          [
            {
              path: '/key',
              message: `the key must stay "${key}" (it names the ${kind})`,
              zh: `key 须保持为“${key}”（它是这个${kind === 'report' ? '报表' : '看板'}的标识）`,
            },
          ],
          kind,
        );
      }
      if (baseVersion !== undefined && baseVersion !== head.currentVersion) {
        throw new StaleReportError(kind, baseVersion, head.currentVersion);
      }
      await this.appendVersion(manager, actor, kind, head, spec);
      return this.getIn(manager, actor, kind, key);
    });
  }

  /** A report or dashboard from a bundle, inside the importer's transaction. */
  async importIn<K extends SpecKind>(
    manager: EntityManager,
    actor: Actor,
    kind: K,
    file: { file: string; content: unknown },
  ): Promise<ImportedSpec> {
    // no designer check: only BundlesService calls this, after checking the actor may manage bundles
    const spec = await this.checked(manager, actor, kind, file.content, `/${file.file}#`);
    const head = await this.repository.findByKey(manager, kind, actor.tenantId, spec.key, true);
    if (!head) {
      await this.insertSpec(manager, actor, kind, spec);
      return { key: spec.key, action: 'created', version: 1 };
    }
    const current = await this.repository.version(manager, kind, head.id, head.currentVersion);
    if (current && canonicalJson(current.spec) === canonicalJson(spec)) {
      return { key: spec.key, action: 'unchanged', version: head.currentVersion };
    }
    await this.appendVersion(manager, actor, kind, head, spec);
    return { key: spec.key, action: 'updated', version: head.currentVersion };
  }

  private async insertSpec(
    manager: EntityManager,
    actor: Actor,
    kind: SpecKind,
    spec: ReportSpec | DashboardSpec,
  ) {
    const head = await this.repository.insert(manager, kind, {
      tenantId: actor.tenantId,
      key: spec.key,
      title: spec.title,
      currentVersion: 1,
      updatedBy: actor.userId,
    });
    await this.repository.insertVersion(manager, kind, head.id, {
      version: 1,
      spec,
      createdBy: actor.userId,
    });
    await this.audit.record(manager, actor, {
      action: `${kind}.created`,
      entityType: kind,
      entityId: head.id,
      details: { key: spec.key, version: 1 },
    });
  }

  private async appendVersion(
    manager: EntityManager,
    actor: Actor,
    kind: SpecKind,
    head: ReportEntity | DashboardEntity,
    spec: ReportSpec | DashboardSpec,
  ): Promise<void> {
    const next = head.currentVersion + 1;
    await this.repository.insertVersion(manager, kind, head.id, {
      version: next,
      spec,
      createdBy: actor.userId,
    });
    Object.assign(head, { title: spec.title, currentVersion: next, updatedBy: actor.userId });
    await this.repository.save(manager, kind, head);
    await this.audit.record(manager, actor, {
      action: `${kind}.updated`,
      entityType: kind,
      entityId: head.id,
      details: { key: spec.key, version: next },
    });
  }

  // ---- data ---------------------------------------------------------------------------------------

  /** The shared filters, checked: days in order, an org unit of the tenant (as its path). */
  private async filtersOf(
    manager: EntityManager,
    actor: Actor,
    query: ReportFilters,
  ): Promise<DatasetFilters> {
    if (query.from && query.to && query.from >= query.to) {
      throw new InvalidReportQueryError(
        '/to',
        'to must be after from (the period is [from, to), to exclusive)',
        'to 须晚于 from（时段为 [from, to)，不含 to）',
      );
    }
    let orgUnitPath: string | undefined;
    if (query.orgUnitId) {
      try {
        orgUnitPath = (await this.orgUnits.get(manager, actor.tenantId, query.orgUnitId)).path;
      } catch (error) {
        if (error instanceof NotFoundError) {
          throw new InvalidReportQueryError(
            '/orgUnitId',
            'orgUnitId names no org unit of your home',
            'orgUnitId 不是本院的组织单元',
          );
        }
        throw error;
      }
    }
    return {
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(orgUnitPath !== undefined ? { orgUnitPath } : {}),
    };
  }

  private async sourceOf(
    manager: EntityManager,
    actor: Actor,
    dataset: DatasetSpec,
    filters: DatasetFilters,
  ): Promise<Source> {
    const base = {
      actor,
      timeZone: await this.repository.timeZone(manager, actor.tenantId),
      now: this.clock.iso(),
      filters,
    };
    if (dataset.source.type !== 'records') {
      const type = dataset.source.type;
      const values = Object.fromEntries(
        Object.entries(SOURCE_VALUE_LABELS)
          .filter(([path]) => path.startsWith(`${type}.`))
          .map(([path, labels]) => [path.slice(type.length + 1), labels]),
      );
      return { context: base, labels: SOURCE_FIELD_LABELS[type], values };
    }
    const formKey = dataset.source.formKey;
    try {
      const form = await this.forms.latestPublished(manager, actor.tenantId, formKey, 'read');
      const fields: Record<string, FieldType> = filterableFields(form.version.schema);
      return {
        context: { ...base, form: { id: form.form.id, key: formKey, fields } },
        labels: { ...SOURCE_FIELD_LABELS.records, ...schemaFieldLabels(form.version.schema) },
        values: schemaValueLabels(form.version.schema),
      };
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not-found' || error.kind === 'conflict')) {
        throw new InvalidReportSpecError([
          {
            path: '/dataset/source/formKey',
            message: `form "${formKey}" is not published in this home: ${error.message}`,
            zh: `表单“${formKey}”在本院无法使用：${error.zh?.detail ?? '没有这个标识的表单，请检查 formKey。'}`,
          },
        ]);
      }
      throw error;
    }
  }

  private async rowsOf(
    manager: EntityManager,
    dataset: DatasetSpec,
    context: DatasetContext,
  ): Promise<ReportRow[]> {
    const compiled = compileDataset(dataset, context);
    const raw = await this.repository.run<Record<string, unknown>>(manager, compiled);
    return raw.map((row) =>
      Object.fromEntries(
        compiled.columns.map((column) => {
          const value = row[column.alias];
          return [
            column.key,
            value === null || value === undefined
              ? null
              : column.numeric
                ? Number(value)
                : typeof value === 'string'
                  ? value
                  : JSON.stringify(value),
          ];
        }),
      ),
    );
  }

  /** Runs a read-only use case with a time limit, so a heavy report cannot hold a connection forever. */
  private bounded<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${REPORT_TIMEOUT_MS}`);
      // A report's estimated cost (the per-bucket lateral joins of rate measures) passes the JIT thresholds,
      // and compiling took far longer than the query: 2 s of a 0.1 s year-wide complaint rate (issue #7).
      await manager.query('SET LOCAL jit = off');
      // The pool's sessions plan without parallel workers (data-source-options.ts); a report scanning months may
      // use PostgreSQL's default two per Gather.
      await manager.query('SET LOCAL max_parallel_workers_per_gather = 2');
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  private async resultIn(
    manager: EntityManager,
    actor: Actor,
    spec: ReportSpec,
    version: number,
    query: ReportFilters,
    locale: RequestLocale,
  ): Promise<ReportResult> {
    const filters = await this.filtersOf(manager, actor, query);
    const { context, labels, values } = await this.sourceOf(manager, actor, spec.dataset, filters);
    const rows = await this.rowsOf(manager, spec.dataset, context);
    const columns = reportColumns(spec, labels);
    const valueLabels = Object.fromEntries(
      spec.dataset.groupBy.flatMap((g) =>
        g.by === 'field' && values[g.field] ? [[g.key, values[g.field]!]] : [],
      ),
    );
    const notes = reportNotes(spec, rows, locale);
    const result: ReportResult = {
      key: spec.key,
      version,
      title: spec.title,
      chart: spec.chart,
      columns,
      rows,
      option: withNotes(chartOption(spec.title, spec.chart, columns, rows, locale, valueLabels), notes),
      ...(notes.length > 0 ? { notes } : {}),
    };
    if (spec.chart.type === 'number') {
      let previous: ReportRow[] | null = null;
      if (spec.dataset.groupBy.length === 0 && filters.from && filters.to) {
        const length = dayNumber(filters.to) - dayNumber(filters.from);
        const earlier = { ...filters, from: dayText(dayNumber(filters.from) - length), to: filters.from };
        previous = await this.rowsOf(manager, spec.dataset, { ...context, filters: earlier });
      }
      result.summary = numberSummary(spec.chart, rows, previous);
    }
    return result;
  }

  async data(actor: Actor, key: string, query: ReportQuery, locale: RequestLocale): Promise<ReportResult> {
    this.assertReader(actor);
    return this.bounded(async (manager) => {
      const stored = await this.getIn(manager, actor, 'report', key);
      return this.resultIn(manager, actor, stored.spec, stored.head.currentVersion, query, locale);
    });
  }

  /** An unsaved spec, run as it would be saved (for the report designer); version 0. */
  async preview(
    actor: Actor,
    input: unknown,
    query: ReportQuery,
    locale: RequestLocale,
  ): Promise<ReportResult> {
    this.assertDesigner(actor);
    return this.bounded(async (manager) => {
      const errors = checkReportSpec(input);
      if (errors.length > 0) {
        throw new InvalidReportSpecError(errors, 'report', '/report');
      }
      try {
        return await this.resultIn(manager, actor, input as ReportSpec, 0, query, locale);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid' && error.errors.length > 0) {
          throw new InvalidReportSpecError(
            wordedErrors(error),
            'report',
            error.errors[0]?.path.startsWith('/dataset') ? '/report' : '',
          );
        }
        throw error;
      }
    });
  }

  async drill(
    actor: Actor,
    key: string,
    query: DrillQuery,
    locale: RequestLocale = 'zh-CN',
  ): Promise<DrillResult> {
    this.assertReader(actor);
    let group: Record<string, unknown> = {};
    if (query.group !== undefined && query.group !== '') {
      try {
        group = JSON.parse(query.group) as Record<string, unknown>;
      } catch {
        throw new InvalidReportQueryError(
          '/group',
          'group must be JSON: {"<group key>": value, …}',
          'group 须为 JSON：{"<分组 key>": 值, …}',
        );
      }
      if (typeof group !== 'object' || group === null || Array.isArray(group)) {
        throw new InvalidReportQueryError(
          '/group',
          'group must be a JSON object of group key → value',
          'group 须为 JSON 对象：分组 key → 值',
        );
      }
    }
    return this.bounded(async (manager) => {
      const { spec } = await this.getIn(manager, actor, 'report', key);
      const filters = await this.filtersOf(manager, actor, query);
      const { context, labels } = await this.sourceOf(manager, actor, spec.dataset, filters);
      const rows = await this.repository.run<{
        id: string;
        resident_id: string | null;
        resident_name: string | null;
        at: Date | null;
        doc: Record<string, unknown>;
        total: number;
      }>(manager, compileDrill(spec.dataset, context, group, { limit: query.limit, offset: query.offset }));
      const type = spec.dataset.source.type;
      const summaryFields = [
        ...spec.dataset.groupBy.flatMap((g) => ('field' in g ? [g.field] : [])),
        ...spec.dataset.measures.flatMap((m) =>
          'field' in m ? [m.field] : m.op === 'duration' ? [m.from, m.to] : [],
        ),
      ];
      const fallback: Record<typeof type, string[]> = {
        records: [],
        tasks: ['name', 'status'],
        'process-instances': ['processKey', 'status'],
        residents: ['status', 'careLevel'],
        activity: ['role', 'day'],
      };
      const fields = [...new Set([...fallback[type], ...summaryFields])]
        .filter((f) => !f.includes('.'))
        .slice(0, 6);
      return {
        source: type,
        total: rows[0]?.total ?? 0,
        items: rows.map((row) => ({
          id: row.id,
          href:
            type === 'records'
              ? `/records/${row.id}`
              : type === 'tasks'
                ? `/tasks/${row.id}`
                : type === 'activity'
                  ? ''
                  : type === 'residents'
                    ? `/residents/${row.id}`
                    : row.resident_id
                      ? `/residents/${row.resident_id}`
                      : `/process-instances/${row.id}`,
          residentId: row.resident_id,
          residentName: row.resident_name,
          at: row.at
            ? new Date(row.at).toISOString()
            : typeof row.doc.createdAt === 'string'
              ? row.doc.createdAt
              : '',
          summary: fields
            .filter((f) => row.doc[f] !== null && row.doc[f] !== undefined)
            .map((f) => `${labels[f]?.[locale] ?? f}: ${String(row.doc[f] as string | number)}`)
            .join(' · '),
        })),
      };
    });
  }

  async exportCsv(
    actor: Actor,
    key: string,
    query: ReportQuery,
    locale: RequestLocale,
  ): Promise<{ filename: string; body: Buffer }> {
    const result = await this.data(actor, key, query, locale);
    const header = result.columns.map((c) => c.label[locale]);
    const rows: Cell[][] = result.rows.map((row) => result.columns.map((c) => row[c.key] ?? null));
    const period = [query.from, query.to].filter(Boolean).join('_');
    return { filename: `${key}${period ? `_${period}` : ''}.csv`, body: toCsv(header, rows) };
  }

  async dashboardData(
    actor: Actor,
    key: string,
    query: ReportQuery,
    locale: RequestLocale,
  ): Promise<DashboardResult> {
    this.assertReader(actor);
    const { head, spec, shared, reports } = await this.bounded(async (manager) => {
      const stored = await this.getIn(manager, actor, 'dashboard', key);
      // Only the filters the dashboard offers apply.
      const filters: ReportFilters = {
        ...(stored.spec.filters.includes('period') && query.from ? { from: query.from } : {}),
        ...(stored.spec.filters.includes('period') && query.to ? { to: query.to } : {}),
        ...(stored.spec.filters.includes('org-unit') && query.orgUnitId
          ? { orgUnitId: query.orgUnitId }
          : {}),
      };
      await this.filtersOf(manager, actor, filters);
      const current = await this.repository.currentReports(
        manager,
        actor.tenantId,
        stored.spec.items.map((item) => item.report),
      );
      return { ...stored, shared: filters, reports: current };
    });
    // Each report in a read-only transaction of its own, a few at once: one broken report (a form retired
    // since, a timeout) leaves the others standing, and the dashboard takes about as long as its slowest
    // reports rather than the sum of all of them.
    const items = await mapConcurrently(
      spec.items,
      DASHBOARD_CONCURRENCY,
      async (item): Promise<DashboardResult['items'][number]> => {
        const report = reports.find((r) => r.key === item.report);
        if (!report) {
          return {
            ...item,
            result: null,
            error: locale === 'en' ? 'This report no longer exists.' : '该报表已不存在。',
          };
        }
        try {
          const result = await this.bounded((manager) =>
            this.resultIn(manager, actor, report.spec, report.version, shared, locale),
          );
          return { ...item, result };
        } catch (error) {
          if (error instanceof DomainError) {
            // the tile shows the problem as an API answer words it for this caller: its field messages when it
            // has some (a tile has no errors list to point at), else its detail
            const problem = localisedProblem(toProblem(error), error, locale);
            const messages = (problem.errors ?? []).map((e) => e.message);
            return {
              ...item,
              result: null,
              error: messages.length > 0 ? messages.join(locale === 'en' ? '; ' : '；') : problem.detail,
            };
          }
          if (isStatementTimeout(error)) {
            return { ...item, result: null, error: TIMEOUT_MESSAGE[locale] };
          }
          throw error;
        }
      },
    );
    return { key: spec.key, version: head.currentVersion, title: spec.title, filters: spec.filters, items };
  }
}
