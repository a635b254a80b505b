// Compiles a dataset spec into ONE parameterised PostgreSQL statement. Nothing from the spec is ever
// written into the SQL text: field paths, buckets, percentiles and filter values are bind parameters,
// result columns get generated aliases (g0, m0 …), and the filter goes through @careloom/logic's
// compiler, which only accepts the declared fields.
import type { DatasetGroupBy, DatasetMeasure, DatasetSpec, TimeBucket } from '@careloom/contracts';
import { compileFilterToSql, LogicError, type FilterFieldType } from '@careloom/logic';
import { accessScope, escapeLike } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';
import type { WordedFieldError } from '../../common/errors/domain.errors.js';
import { InvalidDatasetError } from './reports.errors.js';

export type FieldType = FilterFieldType;

/** Where the compiled query runs: who asks, the tenant's zone, the shared filters. */
export type DatasetContext = {
  actor: Actor;
  timeZone: string;
  /** ISO instant: "now" for relative filters and for the last bucket when `to` is open. */
  now: string;
  /** For a records source: the form and the fields of its latest published schema. */
  form?: { id: string; key: string; fields: Readonly<Record<string, FieldType>> };
  filters: DatasetFilters;
};

export type DatasetFilters = {
  /** Inclusive start day (YYYY-MM-DD) in the tenant's zone. */
  from?: string;
  /** Exclusive end day (YYYY-MM-DD) in the tenant's zone. */
  to?: string;
  /** Materialised path of the org unit whose subtree to keep (already checked to be in the tenant). */
  orgUnitPath?: string;
};

export type CompiledColumn = {
  key: string;
  alias: string;
  kind: 'group' | 'measure';
  /** Numbers come back from PostgreSQL as float8 (JS numbers); the rest as text. */
  numeric: boolean;
};

export type CompiledQuery = { sql: string; params: unknown[] };
export type CompiledDataset = CompiledQuery & { columns: CompiledColumn[] };

const TYPE_CAST: Readonly<Record<FieldType, string>> = {
  string: 'text',
  number: 'numeric',
  integer: 'numeric',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'timestamptz',
};
const BUCKET_INTERVAL: Readonly<Record<TimeBucket, string>> = {
  day: '1 day',
  week: '1 week',
  month: '1 month',
  quarter: '3 months',
};
const SECONDS: Readonly<Record<'minutes' | 'hours' | 'days', number>> = {
  minutes: 60,
  hours: 3600,
  days: 86400,
};
const isNumeric = (type: FieldType): boolean => type === 'number' || type === 'integer';
const isTemporal = (type: FieldType): boolean => type === 'date' || type === 'date-time';

type SourceDefinition = {
  /** FROM and JOINs; trusted text. */
  from: string;
  /** Conditions on the source's own columns ($n placeholders already bound). */
  where: string[];
  columns: {
    id: string;
    residentId: string;
    orgUnitName: string;
    careLevel: string;
    at: string;
    doc: string;
  };
  fields: Record<string, FieldType>;
  /** Rows without a resident (tasks, instances) follow their lists: visible to all staff of the tenant. */
  scope: { orgUnitPath: string; residentId: string; residentless: boolean };
  /**
   * Built-in time fields stored in a column of their own: the period is also applied to the column in the
   * source's WHERE, where PostgreSQL can use an index and skip rows before building their `doc`.
   */
  native?: Readonly<Record<string, string>>;
  /**
   * Built-in text fields stored in a column of their own: a filter's top-level `==` / `in` tests on them are
   * also applied to the column in the source's WHERE (the same index-and-skip reason as `native`).
   */
  nativeText?: Readonly<Record<string, string>>;
  /**
   * Fields with a column of their own, as SQL of exactly the value `(doc #>> path)::type` gives (text as text,
   * instants as timestamptz, days as date). Groupings, measures and filters read these instead of the `doc`,
   * so a row's `doc` is only built when a dataset needs it (drill-downs, fields of no column): building it per
   * reference was most of a year-wide report's time.
   */
  typed?: Readonly<Record<string, string>>;
  /** A JSONB value that holds the fields `covers` accepts at the same path as `doc` (a record's data). */
  rest?: { sql: string; covers: (path: string) => boolean };
};

/** Bind parameters: every value of the statement goes through here. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  get next(): number {
    return this.values.length + 1;
  }
}

/** The fields a tasks source offers (besides none: tasks have no schema). */
export const TASK_FIELDS: Readonly<Record<string, FieldType>> = {
  elementId: 'string',
  name: 'string',
  status: 'string',
  assignee: 'string',
  processKey: 'string',
  formKey: 'string',
  createdAt: 'date-time',
  dueAt: 'date-time',
  completedAt: 'date-time',
  /** When the task's process instance started (e.g. a complaint's intake): the start of a resolution time. */
  instanceStartedAt: 'date-time',
};
export const INSTANCE_FIELDS: Readonly<Record<string, FieldType>> = {
  status: 'string',
  processKey: 'string',
  businessKey: 'string',
  startedAt: 'date-time',
  endedAt: 'date-time',
};
export const RESIDENT_FIELDS: Readonly<Record<string, FieldType>> = {
  status: 'string',
  careLevel: 'string',
  gender: 'string',
  room: 'string',
  birthDate: 'date',
  admittedAt: 'date-time',
  dischargedAt: 'date-time',
  dischargeReason: 'string',
  createdAt: 'date-time',
};
export const RECORD_FIELDS: Readonly<Record<string, FieldType>> = {
  createdAt: 'date-time',
  updatedAt: 'date-time',
};
/** One row per user and day with an authenticated request (`user_activity`). */
export const ACTIVITY_FIELDS: Readonly<Record<string, FieldType>> = {
  userId: 'string',
  role: 'string',
  day: 'date',
};
/** The default `scale` of the measures that divide by residents in care or beds. */
export const RATE_SCALES: Readonly<Record<RateOp, number>> = {
  'per-residents': 100,
  'per-resident-days': 1000,
  occupancy: 100,
};
export type RateOp = 'per-residents' | 'per-resident-days' | 'occupancy';
const VARIABLES_PREFIX = 'variables.';
/** Rows a dataset answers when it sets no limit. */
export const DEFAULT_LIMIT = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Process variables have no schema: a path's type is read from how the dataset uses it (a literal it is
 * compared with, a numeric measure), else text.
 */
export function variableFields(spec: DatasetSpec): Record<string, FieldType> {
  const found: Record<string, FieldType> = {};
  const note = (path: unknown, type: FieldType) => {
    if (typeof path === 'string' && path.startsWith(VARIABLES_PREFIX) && !Object.hasOwn(found, path)) {
      found[path] = type;
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isObject(node)) {
      return;
    }
    for (const args of Object.values(node)) {
      const list: unknown[] = Array.isArray(args) ? args : [args];
      const literal = list.find((arg) => !isObject(arg) && !Array.isArray(arg) && arg !== null);
      const literalType: FieldType | null =
        typeof literal === 'number'
          ? 'number'
          : typeof literal === 'boolean'
            ? 'boolean'
            : typeof literal === 'string'
              ? 'string'
              : null;
      for (const arg of list) {
        if (isObject(arg) && 'var' in arg) {
          const path: unknown = Array.isArray(arg.var) ? (arg.var as unknown[])[0] : arg.var;
          note(path, literalType ?? 'string');
        }
      }
      walk(args);
    }
  };
  for (const measure of spec.measures) {
    if ('field' in measure) {
      const numeric = !['count-distinct', 'min', 'max'].includes(measure.op);
      note(measure.field, numeric ? 'number' : 'string');
    }
    if (measure.op === 'duration') {
      note(measure.from, 'date-time');
      note(measure.to, 'date-time');
    }
    if (measure.op === 'ratio') {
      walk(measure.numerator);
      walk(measure.denominator);
    }
  }
  for (const group of spec.groupBy) {
    if (group.by === 'field' || group.by === 'time') {
      note(group.field, group.by === 'time' ? 'date-time' : 'string');
    }
  }
  walk(spec.filter);
  return found;
}

function sourceOf(spec: DatasetSpec, context: DatasetContext, params: Params): SourceDefinition {
  const tenant = params.add(context.actor.tenantId, 'uuid');
  const source = spec.source;
  switch (source.type) {
    case 'records': {
      if (!context.form) {
        throw new Error('a records dataset needs its form');
      }
      const formFields = context.form.fields;
      return {
        from:
          'record rec LEFT JOIN resident res ON res.id = rec.resident_id ' +
          'JOIN org_unit ou ON ou.id = COALESCE(res.org_unit_id, rec.org_unit_id)',
        where: [
          `rec.tenant_id = ${tenant}`,
          `rec.form_id = ${params.add(context.form.id, 'uuid')}`,
          'rec.deleted_at IS NULL',
        ],
        columns: {
          id: 'rec.id',
          residentId: 'rec.resident_id',
          orgUnitName: 'ou.name',
          careLevel: 'res.care_level',
          at: 'rec.created_at',
          // The form's own fields win over the two built-in timestamps when a form names one the same.
          doc: "jsonb_build_object('createdAt', rec.created_at, 'updatedAt', rec.updated_at) || rec.data",
        },
        fields: { ...RECORD_FIELDS, ...context.form.fields },
        scope: { orgUnitPath: 'ou.path', residentId: 'rec.resident_id', residentless: false },
        native: Object.fromEntries(
          Object.entries({ createdAt: 'rec.created_at', updatedAt: 'rec.updated_at' }).filter(
            ([field]) => !Object.hasOwn(formFields, field),
          ),
        ),
        typed: Object.fromEntries(
          Object.entries({ createdAt: 'rec.created_at', updatedAt: 'rec.updated_at' }).filter(
            ([field]) => !Object.hasOwn(formFields, field),
          ),
        ),
        // A form field named like a built-in timestamp falls back to it when the record leaves it out.
        rest: {
          sql: 'rec.data',
          covers: (path) => !['createdAt', 'updatedAt'].includes(path.split('.')[0]!),
        },
      };
    }
    case 'tasks':
      return {
        from:
          'task t JOIN process_instance pi ON pi.id = t.instance_id ' +
          'LEFT JOIN resident res ON res.id = t.resident_id LEFT JOIN org_unit ou ON ou.id = res.org_unit_id',
        where: [
          `t.tenant_id = ${tenant}`,
          ...(source.processKey ? [`pi.process_key = ${params.add(source.processKey, 'text')}`] : []),
        ],
        columns: {
          id: 't.id',
          residentId: 't.resident_id',
          orgUnitName: 'ou.name',
          careLevel: 'res.care_level',
          at: 't.created_at',
          doc:
            "jsonb_build_object('elementId', t.element_id, 'name', t.name, 'status', t.status, " +
            "'assignee', t.assignee, 'processKey', pi.process_key, 'formKey', t.form_key, " +
            "'createdAt', t.created_at, 'dueAt', t.due_at, 'completedAt', t.completed_at, " +
            "'instanceStartedAt', pi.created_at)",
        },
        fields: { ...TASK_FIELDS },
        scope: { orgUnitPath: 'ou.path', residentId: 't.resident_id', residentless: true },
        native: {
          createdAt: 't.created_at',
          dueAt: 't.due_at',
          completedAt: 't.completed_at',
          instanceStartedAt: 'pi.created_at',
        },
        nativeText: { elementId: 't.element_id', status: 't.status', formKey: 't.form_key' },
        typed: {
          elementId: 't.element_id',
          name: 't.name',
          status: 't.status',
          assignee: 't.assignee',
          processKey: 'pi.process_key',
          formKey: 't.form_key',
          createdAt: 't.created_at',
          dueAt: 't.due_at',
          completedAt: 't.completed_at',
          instanceStartedAt: 'pi.created_at',
        },
      };
    case 'process-instances':
      return {
        from:
          'process_instance pi LEFT JOIN resident res ON res.id = pi.resident_id ' +
          'LEFT JOIN org_unit ou ON ou.id = res.org_unit_id',
        where: [
          `pi.tenant_id = ${tenant}`,
          ...(source.processKey ? [`pi.process_key = ${params.add(source.processKey, 'text')}`] : []),
        ],
        columns: {
          id: 'pi.id',
          residentId: 'pi.resident_id',
          orgUnitName: 'ou.name',
          careLevel: 'res.care_level',
          at: 'pi.created_at',
          doc:
            "jsonb_build_object('status', pi.status, 'processKey', pi.process_key, 'businessKey', " +
            "pi.business_key, 'startedAt', pi.created_at, 'endedAt', pi.ended_at, " +
            "'variables', COALESCE(pi.state -> 'variables', '{}'::jsonb))",
        },
        fields: { ...INSTANCE_FIELDS, ...variableFields(spec) },
        scope: { orgUnitPath: 'ou.path', residentId: 'pi.resident_id', residentless: true },
        native: { startedAt: 'pi.created_at', endedAt: 'pi.ended_at' },
        typed: {
          status: 'pi.status',
          processKey: 'pi.process_key',
          businessKey: 'pi.business_key',
          startedAt: 'pi.created_at',
          endedAt: 'pi.ended_at',
        },
        // `doc.variables` is `state.variables` or {}: a path below it reads the same from the state.
        rest: { sql: 'pi.state', covers: (path) => path.startsWith(VARIABLES_PREFIX) },
      };
    case 'residents':
      return {
        from: 'resident res JOIN org_unit ou ON ou.id = res.org_unit_id',
        where: [`res.tenant_id = ${tenant}`],
        columns: {
          id: 'res.id',
          residentId: 'res.id',
          orgUnitName: 'ou.name',
          careLevel: 'res.care_level',
          at: 'res.admitted_at',
          // The reason is what the last move to discharged/deceased recorded in the audit chain.
          doc:
            "jsonb_build_object('status', res.status, 'careLevel', res.care_level, 'gender', res.gender, " +
            "'room', res.room, 'birthDate', res.birth_date, 'admittedAt', res.admitted_at, " +
            "'dischargedAt', res.left_at, 'createdAt', res.created_at, 'dischargeReason', " +
            "(SELECT ae.details ->> 'reason' FROM audit_event ae WHERE ae.tenant_id = res.tenant_id " +
            "AND ae.entity_type = 'resident' AND ae.entity_id = res.id::text " +
            "AND ae.action = 'resident.status-change' AND ae.details ->> 'to' IN ('discharged', 'deceased') " +
            'ORDER BY ae.at DESC LIMIT 1))',
        },
        fields: { ...RESIDENT_FIELDS },
        scope: { orgUnitPath: 'ou.path', residentId: 'res.id', residentless: false },
        native: { admittedAt: 'res.admitted_at', dischargedAt: 'res.left_at', createdAt: 'res.created_at' },
        typed: {
          status: 'res.status',
          careLevel: 'res.care_level',
          gender: 'res.gender',
          room: 'res.room',
          birthDate: 'res.birth_date',
          admittedAt: 'res.admitted_at',
          dischargedAt: 'res.left_at',
          createdAt: 'res.created_at',
        },
      };
    case 'activity': {
      // A user-day belongs to one home unit: the deepest unit of a staff membership, else the unit of a
      // linked resident, else the unit of the family membership. Scope and the org-unit filter use it.
      const role = source.role === undefined ? null : params.add(source.role, 'text');
      return {
        from:
          'user_activity ua JOIN LATERAL (SELECT who.role, hou.name, hou.path FROM (' +
          "SELECT m.org_unit_id AS unit_id, r.key AS role, CASE WHEN r.key = 'family' THEN 2 ELSE 0 END AS rank " +
          'FROM membership m JOIN role r ON r.id = m.role_id WHERE m.user_id = ua.user_id ' +
          "UNION ALL SELECT fr.org_unit_id, 'family', 1 FROM family_link fl JOIN resident fr ON fr.id = fl.resident_id " +
          'WHERE fl.user_id = ua.user_id) who JOIN org_unit hou ON hou.id = who.unit_id' +
          (role ? ` WHERE who.role = ${role}` : '') +
          ' ORDER BY who.rank, length(hou.path) DESC, hou.path LIMIT 1) home ON true',
        where: [`ua.tenant_id = ${tenant}`],
        columns: {
          id: "ua.user_id::text || '/' || ua.day::text",
          residentId: 'NULL::uuid',
          orgUnitName: 'home.name',
          careLevel: 'NULL::text',
          at: `(ua.day::timestamp AT TIME ZONE ${params.add(context.timeZone, 'text')})`,
          doc: "jsonb_build_object('userId', ua.user_id, 'role', home.role, 'day', ua.day)",
        },
        fields: { ...ACTIVITY_FIELDS },
        scope: { orgUnitPath: 'home.path', residentId: 'NULL::uuid', residentless: false },
        native: { day: 'ua.day' },
        typed: { userId: 'ua.user_id::text', role: 'home.role', day: 'ua.day' },
      };
    }
  }
}

/** Record-level access of the records list, turned into positional parameters. */
function scopeSql(context: DatasetContext, source: SourceDefinition, params: Params): string | null {
  const sql = accessSql(context, source.scope, params);
  if (!sql) {
    return null;
  }
  const residentId = source.scope.residentId;
  return source.scope.residentless ? `(${residentId} IS NULL OR ${sql})` : sql;
}

/** The caller's record-level access on any org-unit path and resident id columns (null: admin, all). */
function accessSql(
  context: DatasetContext,
  columns: { orgUnitPath: string; residentId: string },
  params: Params,
): string | null {
  const scope = accessScope(context.actor, columns);
  if (!scope) {
    return null;
  }
  const named = scope.params as Record<string, unknown>;
  return scope.sql.replace(/:(\w+)/g, (whole, name: string) =>
    Object.hasOwn(named, name) ? params.add(named[name]) : whole,
  );
}

/** `text()` is the field as JSON text (binds its path only when asked for: an unused parameter has no type). */
type FieldRef = { sql: string; text: () => string; type: FieldType };
type Group = { group: DatasetGroupBy; alias: string; sql: string; numeric: boolean; time: FieldRef | null };
/** A measure divided by residents in care or beds after grouping: its `sql` is the group's row count. */
type Rate = { op: RateOp; scale: number };
type Measure = { key: string; alias: string; sql: string; numeric: boolean; count: boolean; rate?: Rate };

class DatasetCompiler {
  readonly errors: WordedFieldError[] = [];
  readonly params = new Params();
  private source!: SourceDefinition;
  /** Output column of `src` (and so of `ds`) for each typed field: f0, f1 … */
  private typedAlias: Record<string, string> = {};

  constructor(
    private readonly spec: DatasetSpec,
    private readonly context: DatasetContext,
  ) {}

  /** A field of the source, typed; `column` is the CTE whose `doc` it reads. */
  field(path: string, pointer: string, column = 'ds.doc'): FieldRef | null {
    const type = Object.hasOwn(this.source.fields, path) ? this.source.fields[path] : undefined;
    if (type === undefined) {
      const known = Object.keys(this.source.fields);
      const what =
        this.spec.source.type === 'records'
          ? `the form "${this.spec.source.formKey}"`
          : `${this.spec.source.type}`;
      const whatZh =
        this.spec.source.type === 'records'
          ? `表单“${this.spec.source.formKey}”`
          : `数据源 ${this.spec.source.type} `;
      this.errors.push({
        path: pointer,
        message: `${what} has no field "${path}" to report on; fields: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}`,
        zh: `${whatZh}没有可统计的字段“${path}”；请从这些字段中选：${known.slice(0, 30).join('、')}${known.length > 30 ? '、…' : ''}`,
      });
      return null;
    }
    const cte = column.split('.')[0]!;
    const own = Object.hasOwn(this.typedAlias, path) ? `${cte}.${this.typedAlias[path]}` : undefined;
    if (own !== undefined && type === 'string') {
      return { sql: own, text: () => own, type };
    }
    const json = this.source.rest?.covers(path) ? `${cte}.rest` : column;
    const text = () => `(${json} #>> ${this.params.add(path.split('.'), 'text[]')})`;
    if (own !== undefined) {
      return { sql: own, text, type };
    }
    const shared = text();
    return { sql: type === 'string' ? shared : `${shared}::${TYPE_CAST[type]}`, text: () => shared, type };
  }

  private numeric(path: string, pointer: string, op: string): string | null {
    const field = this.field(path, pointer);
    if (field && !isNumeric(field.type)) {
      this.errors.push({
        path: pointer,
        message: `${op} needs a number field; "${path}" is ${field.type}`,
        zh: `${op} 须用数字字段；“${path}”是 ${field.type} 类型`,
      });
      return null;
    }
    return field ? `${field.sql}::float8` : null;
  }

  private logic(logic: unknown, pointer: string, column: string): string | null {
    try {
      const cte = column.split('.')[0]!;
      const rest = this.source.rest;
      const compiled = compileFilterToSql(logic, {
        column,
        fields: this.source.fields,
        columns: Object.fromEntries(
          Object.entries(this.typedAlias).map(([path, alias]) => [path, `${cte}.${alias}`]),
        ),
        jsonColumns: rest
          ? Object.fromEntries(
              Object.keys(this.source.fields)
                .filter((path) => !Object.hasOwn(this.typedAlias, path) && rest.covers(path))
                .map((path) => [path, `${cte}.rest`]),
            )
          : {},
        firstParam: this.params.next,
        now: this.context.now,
        timeZone: this.context.timeZone,
      });
      this.params.values.push(...compiled.params);
      return `(${compiled.sql})`;
    } catch (error) {
      if (error instanceof LogicError) {
        this.errors.push({
          path: `${pointer}${error.path}`,
          message: error.message,
          zh: error.messages['zh-CN'],
        });
        return null;
      }
      throw error;
    }
  }

  /** The grouping's value per row, in the `ds` CTE (dates as date, numbers as float8, others text). */
  private groupExpression(group: DatasetGroupBy, pointer: string): Omit<Group, 'group' | 'alias'> | null {
    switch (group.by) {
      case 'org-unit':
        return { sql: 'src.org_unit_name', numeric: false, time: null };
      case 'care-level':
        return { sql: 'src.care_level', numeric: false, time: null };
      case 'field': {
        const field = this.field(group.field, `${pointer}/field`, 'src.doc');
        if (!field) {
          return null;
        }
        return isNumeric(field.type)
          ? { sql: `${field.sql}::float8`, numeric: true, time: null }
          : { sql: field.text(), numeric: false, time: null };
      }
      case 'time': {
        const field = this.timeField(group.field, `${pointer}/field`, 'src.doc');
        if (!field) {
          return null;
        }
        return {
          sql: `date_trunc(${this.params.add(group.bucket, 'text')}, ${this.local(field)})::date`,
          numeric: false,
          time: field,
        };
      }
    }
  }

  private timeField(path: string, pointer: string, column: string): FieldRef | null {
    const field = this.field(path, pointer, column);
    if (field && !isTemporal(field.type)) {
      this.errors.push({
        path: pointer,
        message: `"${path}" is ${field.type}; a time needs a date or date-time field`,
        zh: `“${path}”是 ${field.type} 类型；时间须用 date 或 date-time 字段`,
      });
      return null;
    }
    return field;
  }

  /** The wall-clock timestamp of a date or instant in the tenant's zone. */
  private local(field: FieldRef): string {
    return field.type === 'date'
      ? `${field.sql}::timestamp`
      : `(${field.sql} AT TIME ZONE ${this.params.add(this.context.timeZone, 'text')})`;
  }

  /** The period [from, to) on the source's main timestamp, or on the time grouping's field. */
  private period(timeGroup: FieldRef | null): string[] {
    const { from, to } = this.context.filters;
    const target = timeGroup ?? { sql: 'src.at', text: () => 'src.at', type: 'date-time' as const };
    const bound = (day: string) =>
      target.type === 'date'
        ? this.params.add(day, 'date')
        : `(${this.params.add(day, 'date')}::timestamp AT TIME ZONE ${this.params.add(this.context.timeZone, 'text')})`;
    return [
      ...(from ? [`${target.sql} >= ${bound(from)}`] : []),
      ...(to ? [`${target.sql} < ${bound(to)}`] : []),
    ];
  }

  private measure(
    measure: DatasetMeasure,
    pointer: string,
  ): { sql: string; numeric: boolean; count: boolean; rate?: Rate } | null {
    const number = (sql: string | null) => (sql === null ? null : { sql, numeric: true, count: false });
    switch (measure.op) {
      case 'count':
        return { sql: 'count(*)::float8', numeric: true, count: true };
      case 'count-distinct': {
        const field = this.field(measure.field, `${pointer}/field`);
        return field ? { sql: `count(DISTINCT ${field.sql})::float8`, numeric: true, count: true } : null;
      }
      case 'sum':
      case 'avg': {
        const value = this.numeric(measure.field, `${pointer}/field`, measure.op);
        return number(value && `${measure.op}(${value})::float8`);
      }
      case 'min':
      case 'max': {
        const field = this.field(measure.field, `${pointer}/field`);
        if (!field) {
          return null;
        }
        if (isNumeric(field.type)) {
          return number(`${measure.op}(${field.sql})::float8`);
        }
        if (field.type === 'date') {
          return { sql: `to_char(${measure.op}(${field.sql}), 'YYYY-MM-DD')`, numeric: false, count: false };
        }
        if (field.type === 'date-time') {
          return {
            sql: `to_char(${measure.op}(${field.sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
            numeric: false,
            count: false,
          };
        }
        return { sql: `${measure.op}(${field.sql}::text)`, numeric: false, count: false };
      }
      case 'median':
      case 'percentile': {
        const value = this.numeric(measure.field, `${pointer}/field`, measure.op);
        const p = 'p' in measure ? measure.p : 0.5;
        return number(
          value && `percentile_cont(${this.params.add(p, 'float8')}) WITHIN GROUP (ORDER BY ${value})`,
        );
      }
      case 'nps': {
        const value = this.numeric(measure.field, `${pointer}/field`, 'nps');
        return number(
          value &&
            `CASE WHEN count(${value}) = 0 THEN NULL ELSE ` +
              `(count(*) FILTER (WHERE ${value} >= 9) - count(*) FILTER (WHERE ${value} <= 6))::float8 * 100 / count(${value}) END`,
        );
      }
      case 'ratio': {
        const numerator = this.logic(measure.numerator, `${pointer}/numerator`, 'ds.doc');
        const denominator =
          measure.denominator === undefined
            ? 'true'
            : this.logic(measure.denominator, `${pointer}/denominator`, 'ds.doc');
        if (numerator === null || denominator === null) {
          return null;
        }
        const scale = this.params.add(measure.scale ?? 100, 'float8');
        const whole = `count(*) FILTER (WHERE ${denominator})`;
        return number(
          `CASE WHEN ${whole} = 0 THEN NULL ELSE ` +
            `count(*) FILTER (WHERE ${numerator} AND ${denominator})::float8 * ${scale} / ${whole} END`,
        );
      }
      case 'per-residents':
      case 'per-resident-days':
      case 'occupancy': {
        let counted = 'count(*)';
        if (measure.op !== 'occupancy' && measure.numerator !== undefined) {
          const numerator = this.logic(measure.numerator, `${pointer}/numerator`, 'ds.doc');
          if (numerator === null) {
            return null;
          }
          counted = `count(*) FILTER (WHERE ${numerator})`;
        }
        return {
          sql: `${counted}::float8`,
          numeric: true,
          count: true,
          rate: { op: measure.op, scale: measure.scale ?? RATE_SCALES[measure.op] },
        };
      }
      case 'duration': {
        const from = this.timeField(measure.from, `${pointer}/from`, 'ds.doc');
        const to = this.timeField(measure.to, `${pointer}/to`, 'ds.doc');
        if (!from || !to) {
          return null;
        }
        if (from.type !== to.type) {
          this.errors.push({
            path: `${pointer}/to`,
            message: `from is ${from.type} but to is ${to.type}; use two fields of one kind`,
            zh: `from 是 ${from.type} 类型，to 却是 ${to.type} 类型；请用同一类型的两个字段`,
          });
          return null;
        }
        const seconds =
          from.type === 'date'
            ? `((${to.sql} - ${from.sql}) * 86400)::float8`
            : `EXTRACT(EPOCH FROM (${to.sql} - ${from.sql}))::float8`;
        const value = `(${seconds} / ${this.params.add(SECONDS[measure.unit], 'float8')})`;
        switch (measure.aggregate) {
          case 'avg':
          case 'min':
          case 'max':
            return number(`${measure.aggregate}(${value})::float8`);
          case 'median':
          case 'percentile':
            return number(
              `percentile_cont(${this.params.add(measure.aggregate === 'median' ? 0.5 : (measure.p ?? 0.5), 'float8')}) WITHIN GROUP (ORDER BY ${value})`,
            );
        }
      }
    }
  }

  /**
   * The filter's top-level `==` / `in` tests of a text field against string constants, on the field's own
   * column. They repeat what the filter on `doc` checks anyway (which still runs): only a narrowing.
   */
  private pushedDown(filter: DatasetSpec['filter']): string[] {
    const columns = this.source.nativeText ?? {};
    const tests =
      isObject(filter) && Array.isArray(filter.and)
        ? (filter.and as unknown[])
        : filter === undefined
          ? []
          : [filter];
    const found: string[] = [];
    for (const test of tests) {
      if (!isObject(test)) {
        continue;
      }
      const [op] = Object.keys(test);
      const args = test[op as string];
      if (Object.keys(test).length !== 1 || !Array.isArray(args) || args.length !== 2) {
        continue;
      }
      const [left, right] = args as [unknown, unknown];
      const field = isObject(left) && typeof left.var === 'string' ? left.var : undefined;
      const column = field !== undefined && Object.hasOwn(columns, field) ? columns[field] : undefined;
      if (column === undefined) {
        continue;
      }
      if (op === '==' && typeof right === 'string') {
        found.push(`${column} = ${this.params.add(right, 'text')}`);
      } else if (op === 'in' && Array.isArray(right) && right.every((v) => typeof v === 'string')) {
        found.push(`${column} = ANY(${this.params.add(right, 'text[]')})`);
      }
    }
    return found;
  }

  /** The `src` (scoped source rows) and `ds` (filtered rows with their group values) CTEs. */
  private prepare(): { src: string; ds: string; groups: Group[] } {
    this.source = sourceOf(this.spec, this.context, this.params);
    const typed = Object.entries(this.source.typed ?? {}).filter(([path]) =>
      Object.hasOwn(this.source.fields, path),
    );
    this.typedAlias = Object.fromEntries(typed.map(([path], i) => [path, `f${i}`]));
    const where = [...this.source.where];
    const scope = scopeSql(this.context, this.source, this.params);
    if (scope) {
      where.push(scope);
    }
    if (this.context.filters.orgUnitPath !== undefined) {
      where.push(
        `${this.source.scope.orgUnitPath} LIKE ${this.params.add(`${escapeLike(this.context.filters.orgUnitPath)}%`, 'text')}`,
      );
    }
    const groups: Group[] = [];
    this.spec.groupBy.forEach((group, i) => {
      const expression = this.groupExpression(group, `/dataset/groupBy/${i}`);
      if (expression) {
        groups.push({ group, alias: `g${i}`, ...expression });
      }
    });
    const timeGroup = groups.find((g) => g.time);
    const column =
      timeGroup && timeGroup.group.by === 'time' ? this.source.native?.[timeGroup.group.field] : undefined;
    if (timeGroup?.time && column) {
      where.push(...this.period({ sql: column, text: () => column, type: timeGroup.time.type }));
    }
    where.push(...this.pushedDown(this.spec.filter));
    const c = this.source.columns;
    const extra = [
      ...typed.map(([, sql], i) => `, ${sql} AS f${i}`),
      ...(this.source.rest ? [`, ${this.source.rest.sql} AS rest`] : []),
    ].join('');
    const src =
      `SELECT ${c.id} AS id, ${c.residentId} AS resident_id, ${c.orgUnitName} AS org_unit_name, ` +
      `${c.careLevel} AS care_level, ${c.at} AS at, ${c.doc} AS doc${extra} FROM ${this.source.from} WHERE ${where.join(' AND ')}`;
    const conditions = this.period(groups.find((g) => g.time)?.time ?? null);
    if (this.spec.filter !== undefined) {
      const filter = this.logic(this.spec.filter, '/dataset/filter', 'src.doc');
      if (filter) {
        conditions.push(filter);
      }
    }
    const ds =
      `SELECT src.*${groups.map((g) => `, ${g.sql} AS ${g.alias}`).join('')} FROM src` +
      (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '');
    return { src, ds, groups };
  }

  compile(): CompiledDataset {
    const { src, ds, groups } = this.prepare();
    const measures: Measure[] = [];
    this.spec.measures.forEach((measure, i) => {
      const compiled = this.measure(measure, `/dataset/measures/${i}`);
      if (compiled) {
        measures.push({ key: measure.key, alias: `m${i}`, ...compiled });
      }
    });
    if (this.errors.length > 0) {
      throw new InvalidDatasetError(this.errors);
    }
    const agg =
      `SELECT ${[...groups.map((g) => `ds.${g.alias}`), ...measures.map((m) => `${m.sql} AS ${m.alias}`)].join(', ')} FROM ds` +
      (groups.length > 0 ? ` GROUP BY ${groups.map((g) => `ds.${g.alias}`).join(', ')}` : '');
    const time = groups.find((g) => g.time);
    const counted = time
      ? this.filled(time, groups, measures)
      : `SELECT ${[...groups.map((g) => `agg.${g.alias}`), ...measures.map((m) => `agg.${m.alias}`)].join(', ')} FROM agg`;
    const body = measures.some((m) => m.rate) ? this.rated(counted, time ?? null, groups, measures) : counted;
    const order = this.orderBy(groups, measures);
    const limit = this.params.add(this.spec.limit ?? DEFAULT_LIMIT, 'int');
    const sql =
      `WITH src AS (${src}), ds AS (${ds}), agg AS (${agg}) ` +
      `SELECT * FROM (${body}) result${order ? ` ORDER BY ${order}` : ''} LIMIT ${limit}`;
    return {
      sql,
      params: this.params.values,
      columns: [
        ...groups.map((g) => ({
          key: g.group.key,
          alias: g.alias,
          kind: 'group' as const,
          numeric: g.numeric,
        })),
        ...measures.map((m) => ({
          key: m.key,
          alias: m.alias,
          kind: 'measure' as const,
          numeric: m.numeric,
        })),
      ],
    };
  }

  /**
   * Every bucket between the period's ends (or the data's first and last bucket) appears, for every
   * combination of the other groupings seen: counts 0, everything else null.
   */
  private filled(time: Group, groups: Group[], measures: Measure[]): string {
    const bucket = (time.group as { bucket: TimeBucket }).bucket;
    const { from, to } = this.context.filters;
    const unit = this.params.add(bucket, 'text');
    const low = from
      ? `date_trunc(${unit}, ${this.params.add(from, 'date')}::timestamp)`
      : `(SELECT min(${time.alias})::timestamp FROM agg)`;
    const high = to
      ? `date_trunc(${unit}, (${this.params.add(to, 'date')} - 1)::timestamp)`
      : `GREATEST((SELECT max(${time.alias})::timestamp FROM agg), date_trunc(${unit}, (${this.params.add(this.context.now, 'timestamptz')} AT TIME ZONE ${this.params.add(this.context.timeZone, 'text')})))`;
    const series = `SELECT generate_series(${low}, ${high}, ${this.params.add(BUCKET_INTERVAL[bucket], 'interval')})::date AS b`;
    const others = groups.filter((g) => g !== time);
    const dims =
      others.length > 0
        ? ` CROSS JOIN (SELECT DISTINCT ${others.map((g) => g.alias).join(', ')} FROM agg) dims`
        : '';
    const on = [
      `agg.${time.alias} = buckets.b`,
      ...others.map((g) => `agg.${g.alias} IS NOT DISTINCT FROM dims.${g.alias}`),
    ].join(' AND ');
    const columns = [
      ...groups.map((g) =>
        g === time ? `to_char(buckets.b, 'YYYY-MM-DD') AS ${g.alias}` : `dims.${g.alias}`,
      ),
      ...measures.map((m) => (m.count ? `COALESCE(agg.${m.alias}, 0) AS ${m.alias}` : `agg.${m.alias}`)),
    ];
    return `SELECT ${columns.join(', ')} FROM (${series}) buckets${dims} LEFT JOIN agg ON ${on}`;
  }

  /**
   * Divides the rate measures' counts by what was in care during each row's window: the time bucket (or
   * the period; open ends: the first row's day and today) cut to the period and to today. Residents in
   * care and beds follow the caller's scope, the org-unit filter and the row's unit or care level group.
   */
  private rated(counted: string, time: Group | null, groups: Group[], measures: Measure[]): string {
    const { from, to, orgUnitPath } = this.context.filters;
    const tz = this.params.add(this.context.timeZone, 'text');
    const tenant = this.params.add(this.context.actor.tenantId, 'uuid');
    const tomorrow = `((${this.params.add(this.context.now, 'timestamptz')} AT TIME ZONE ${tz})::date + 1)`;
    let start: string;
    let end: string;
    if (time) {
      const bucket = (time.group as { bucket: TimeBucket }).bucket;
      start = `r.${time.alias}::date`;
      end = `(r.${time.alias}::date + ${this.params.add(BUCKET_INTERVAL[bucket], 'interval')})::date`;
    } else {
      start = `(SELECT min((ds.at AT TIME ZONE ${tz})::date) FROM ds)`;
      end = tomorrow;
    }
    if (from) {
      start = time ? `GREATEST(${start}, ${this.params.add(from, 'date')})` : this.params.add(from, 'date');
    }
    end = `LEAST(${[end, ...(to ? [this.params.add(to, 'date')] : []), ...(time ? [tomorrow] : [])].join(', ')})`;
    const unitGroup = groups.find((g) => g.group.by === 'org-unit');
    const levelGroup = groups.find((g) => g.group.by === 'care-level');
    const inUnits = (path: string) => [
      ...(orgUnitPath !== undefined
        ? [`${path} LIKE ${this.params.add(`${escapeLike(orgUnitPath)}%`, 'text')}`]
        : []),
      ...(unitGroup
        ? [
            `EXISTS (SELECT 1 FROM org_unit gu WHERE gu.tenant_id = ${tenant} AND gu.name = r.${unitGroup.alias} ` +
              `AND starts_with(${path}, gu.path))`,
          ]
        : []),
    ];
    const residentScope = accessSql(
      this.context,
      { orgUnitPath: 'rou.path', residentId: 'res.id' },
      this.params,
    );
    const inCare = [
      `res.tenant_id = ${tenant}`,
      'res.admitted_at IS NOT NULL',
      `res.admitted_at < (w.e::timestamp AT TIME ZONE ${tz})`,
      `(res.left_at IS NULL OR res.left_at > (w.s::timestamp AT TIME ZONE ${tz}))`,
      ...(residentScope ? [residentScope] : []),
      ...inUnits('rou.path'),
      ...(levelGroup ? [`res.care_level IS NOT DISTINCT FROM r.${levelGroup.alias}`] : []),
    ];
    const days =
      `LEFT JOIN LATERAL (SELECT sum(GREATEST(0, LEAST(w.e, COALESCE((res.left_at AT TIME ZONE ${tz})::date, w.e)) ` +
      `- GREATEST(w.s, (res.admitted_at AT TIME ZONE ${tz})::date)))::float8 AS days ` +
      `FROM resident res JOIN org_unit rou ON rou.id = res.org_unit_id WHERE ${inCare.join(' AND ')}) rd ON true`;
    let beds = '';
    if (measures.some((m) => m.rate?.op === 'occupancy')) {
      // Counted units: those in scope with a bed count and no counted unit above them in scope.
      const counts = (alias: string) => {
        const scope = accessSql(
          this.context,
          { orgUnitPath: `${alias}.path`, residentId: 'NULL::uuid' },
          this.params,
        );
        return [
          `${alias}.tenant_id = ${tenant}`,
          `${alias}.bed_count IS NOT NULL`,
          ...(scope ? [scope] : []),
          ...inUnits(`${alias}.path`),
        ];
      };
      beds =
        ` LEFT JOIN LATERAL (SELECT sum(cu.bed_count)::float8 AS beds FROM org_unit cu WHERE ${counts('cu').join(' AND ')} ` +
        `AND NOT EXISTS (SELECT 1 FROM org_unit au WHERE ${counts('au').join(' AND ')} ` +
        'AND au.id <> cu.id AND starts_with(cu.path, au.path))) cap ON true';
    }
    const columns = [
      ...groups.map((g) => `r.${g.alias}`),
      ...measures.map((m) => {
        if (!m.rate) {
          return `r.${m.alias}`;
        }
        const scale = this.params.add(m.rate.scale, 'float8');
        switch (m.rate.op) {
          case 'per-residents':
            return `CASE WHEN rd.days > 0 AND w.e > w.s THEN r.${m.alias} * ${scale} * (w.e - w.s) / rd.days END AS ${m.alias}`;
          case 'per-resident-days':
            return `CASE WHEN rd.days > 0 THEN r.${m.alias} * ${scale} / rd.days END AS ${m.alias}`;
          case 'occupancy':
            return `CASE WHEN cap.beds > 0 AND w.e > w.s THEN COALESCE(rd.days, 0) / (w.e - w.s) / cap.beds * ${scale} END AS ${m.alias}`;
        }
      }),
    ];
    return (
      `SELECT ${columns.join(', ')} FROM (${counted}) r ` +
      `CROSS JOIN LATERAL (SELECT ${start} AS s, ${end} AS e) w ${days}${beds}`
    );
  }

  private orderBy(groups: Group[], measures: Measure[]): string {
    const aliasOf = (key: string) =>
      groups.find((g) => g.group.key === key)?.alias ?? measures.find((m) => m.key === key)?.alias;
    const entries = (this.spec.orderBy ?? groups.map((g) => g.group.key)).flatMap((entry) => {
      const descending = entry.startsWith('-');
      const alias = aliasOf(entry.replace(/^-/, ''));
      return alias ? [`result.${alias} ${descending ? 'DESC' : 'ASC'} NULLS LAST`] : [];
    });
    return entries.join(', ');
  }

  /** The rows behind one segment: `group` maps group keys to the value shown in the result row. */
  drill(group: Record<string, unknown>, page: { limit: number; offset: number }): CompiledQuery {
    const { src, ds, groups } = this.prepare();
    const conditions = Object.entries(group).flatMap(([key, value]) => {
      const column = groups.find((g) => g.group.key === key);
      if (!column) {
        this.errors.push({
          path: `/group/${key}`,
          message: `the report has no grouping "${key}"; its groupings: ${this.spec.groupBy.map((g) => g.key).join(', ') || '(none)'}`,
          zh: `报表没有分组“${key}”；它的分组有：${this.spec.groupBy.map((g) => g.key).join('、') || '（无）'}`,
        });
        return [];
      }
      if (value === null) {
        return [`ds.${column.alias} IS NULL`];
      }
      if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) {
        this.errors.push({
          path: `/group/${key}`,
          message: 'a group value is a text, a number or null',
          zh: '分组的值须为文本、数字或 null',
        });
        return [];
      }
      if (column.time) {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          this.errors.push({
            path: `/group/${key}`,
            message: 'a time bucket is its first day, YYYY-MM-DD',
            zh: '时间段须写成它的第一天，格式为 YYYY-MM-DD',
          });
          return [];
        }
        return [`ds.${column.alias} = ${this.params.add(value, 'date')}`];
      }
      if (column.numeric) {
        const number = typeof value === 'number' ? value : Number(value);
        if (!Number.isFinite(number)) {
          this.errors.push({
            path: `/group/${key}`,
            message: `"${String(value)}" is not a number`,
            zh: `“${String(value)}”不是数字；这个分组的值须为数字`,
          });
          return [];
        }
        return [`ds.${column.alias} = ${this.params.add(number, 'float8')}`];
      }
      return [`ds.${column.alias} = ${this.params.add(String(value), 'text')}`];
    });
    if (this.errors.length > 0) {
      throw new InvalidDatasetError(this.errors);
    }
    const sql =
      `WITH src AS (${src}), ds AS (${ds}) ` +
      'SELECT ds.id, ds.resident_id, rn.name AS resident_name, ds.at, ds.doc, count(*) OVER ()::int AS total ' +
      'FROM ds LEFT JOIN resident rn ON rn.id = ds.resident_id' +
      (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '') +
      ` ORDER BY ds.at DESC NULLS LAST, ds.id LIMIT ${this.params.add(page.limit, 'int')} OFFSET ${this.params.add(page.offset, 'int')}`;
    return { sql, params: this.params.values };
  }
}

/** The dataset as one statement; throws InvalidDatasetError with pointers for unknown or mistyped fields. */
export function compileDataset(spec: DatasetSpec, context: DatasetContext): CompiledDataset {
  return new DatasetCompiler(spec, context).compile();
}

/** The rows behind one segment of the dataset's result, newest first, with the total. */
export function compileDrill(
  spec: DatasetSpec,
  context: DatasetContext,
  group: Record<string, unknown>,
  page: { limit: number; offset: number },
): CompiledQuery {
  return new DatasetCompiler(spec, context).drill(group, page);
}

/** The fields a dataset of this source may name (records: pass the form's fields). */
export function sourceFields(
  spec: DatasetSpec,
  formFields: Readonly<Record<string, FieldType>> = {},
): Record<string, FieldType> {
  switch (spec.source.type) {
    case 'records':
      return { ...RECORD_FIELDS, ...formFields };
    case 'tasks':
      return { ...TASK_FIELDS };
    case 'process-instances':
      return { ...INSTANCE_FIELDS, ...variableFields(spec) };
    case 'residents':
      return { ...RESIDENT_FIELDS };
    case 'activity':
      return { ...ACTIVITY_FIELDS };
  }
}
