import { Alert, Button, Flex, InputNumber, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import { ConditionBuilder } from '../../../shared/logic-builder/index.js';
import { conditionFields, type ReportField } from '../utils/report-fields.util.js';
import {
  changeMeasureOp,
  columnKey,
  columnKeys,
  fieldLabel,
  fieldsForOp,
  isKnownOp,
  MEASURE_OPS,
  moved,
  newMeasure,
  problemAt,
  RATE_OPS,
  takesField,
} from '../utils/report-spec.util.js';
import type { LocalizedText, MeasureRow, ReportSpec, SpecProblem } from '../utils/report.types.js';
import { RowNaming } from './LabelInputs.js';
import { RowField, SpecRow } from './SpecRow.js';

export const MAX_MEASURES = 20;
const UNITS = ['minutes', 'hours', 'days'] as const;
const AGGREGATES = ['avg', 'median', 'min', 'max', 'percentile'] as const;
/** The server's scale when none is set (shown as the input's placeholder). */
const DEFAULT_SCALES: Readonly<Record<string, number>> = {
  ratio: 100,
  'per-residents': 100,
  'per-resident-days': 1000,
  occupancy: 100,
};

interface MeasuresEditorProps {
  spec: ReportSpec;
  fields: readonly ReportField[];
  problems: readonly SpecProblem[];
  onChange: (measures: MeasureRow[], undoKey?: string, rename?: [string, string]) => void;
}

const str = (measure: MeasureRow, name: string): string => {
  const value = (measure as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
};
const num = (measure: MeasureRow, name: string): number | undefined => {
  const value = (measure as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : undefined;
};

/**
 * The measures: count, count distinct, sum, average, min, max, median, percentile, ratio of two conditions,
 * duration between two time fields, NPS. An operation this editor does not know stays as it is (JSON tab).
 */
export function MeasuresEditor({ spec, fields, problems, onChange }: MeasuresEditorProps) {
  const { t, locale } = useI18n();
  const measures = spec.dataset.measures as MeasureRow[];
  const builderFields = conditionFields(fields);
  const builderKey = builderFields.map((f) => f.path).join('|');
  const set = (index: number, measure: MeasureRow, undoKey?: string) =>
    onChange(
      measures.map((m, i) => (i === index ? measure : m)),
      undoKey && `measure.${index}.${undoKey}`,
    );
  const patch = (index: number, values: Record<string, unknown>, undoKey?: string) => {
    const next = { ...measures[index], ...values } as Record<string, unknown>;
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) {
        delete next[name];
      }
    }
    set(index, next as MeasureRow, undoKey);
  };
  const fieldSelect = (
    index: number,
    measure: MeasureRow,
    name: string,
    label: string,
    candidates: ReportField[],
  ) => {
    const current = str(measure, name);
    const at = `/dataset/measures/${index}/${name}`;
    return (
      <RowField label={label} grow={2}>
        <Select<string>
          size="small"
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={`${t('reports.measure.name', { n: index + 1 })} ${label}`}
          status={problemAt(problems, at) ? 'error' : undefined}
          placeholder={t('reports.measure.pickField')}
          value={current || undefined}
          options={[
            ...candidates.map((f) => ({ value: f.path, label: f.label[locale] })),
            ...(current !== '' && !candidates.some((f) => f.path === current)
              ? [{ value: current, label: current }]
              : []),
          ]}
          onChange={(path) => {
            if (name !== 'field') {
              patch(index, { [name]: path });
              return;
            }
            // a key that was made from the old field follows the new one
            const others = columnKeys(spec).filter((k) => k !== measure.key);
            const auto = measure.key === columnKey(`${measure.op}_${current}`, others);
            const key = auto ? columnKey(`${measure.op}_${path}`, others) : measure.key;
            onChange(
              measures.map((m, i) => (i === index ? { ...measure, field: path, key } : m)),
              undefined,
              key !== measure.key ? [measure.key, key] : undefined,
            );
          }}
        />
      </RowField>
    );
  };
  const pInput = (index: number, measure: MeasureRow) => (
    <RowField label={t('reports.measure.p')} basis={90} grow={0}>
      <InputNumber<number>
        size="small"
        aria-label={`${t('reports.measure.name', { n: index + 1 })} ${t('reports.measure.p')}`}
        status={problemAt(problems, `/dataset/measures/${index}/p`) ? 'error' : undefined}
        step={0.05}
        value={num(measure, 'p')}
        onChange={(p) => patch(index, { p: p ?? undefined }, 'p')}
        style={{ width: '100%' }}
      />
    </RowField>
  );
  const derived = (measure: MeasureRow): LocalizedText => {
    const of = (path: string) => ({
      'zh-CN': fieldLabel(fields, path, 'zh-CN'),
      en: fieldLabel(fields, path, 'en'),
    });
    const op = isKnownOp(measure.op) ? measure.op : null;
    const opLabel = op
      ? { 'zh-CN': t(`reports.op.${op}`), en: t(`reports.op.${op}`) }
      : { 'zh-CN': measure.op, en: measure.op };
    const field = str(measure, 'field');
    return field
      ? { 'zh-CN': `${of(field)['zh-CN']} ${opLabel['zh-CN']}`, en: `${opLabel.en} ${of(field).en}` }
      : opLabel;
  };

  return (
    <Flex vertical gap={8} data-testid="measures-editor">
      {measures.map((measure, index) => {
        const at = `/dataset/measures/${index}`;
        const name = t('reports.measure.name', { n: index + 1 });
        const known = isKnownOp(measure.op);
        return (
          <SpecRow
            key={index}
            name={name}
            index={index}
            count={measures.length}
            problem={problemAt(problems, at, true)}
            testId={`measure-row-${index}`}
            onMove={(delta) => onChange(moved(measures, index, delta))}
            onRemove={() => onChange(measures.filter((_, i) => i !== index))}
          >
            <RowField label={t('reports.measure.op')}>
              <Select<string>
                size="small"
                aria-label={`${name} ${t('reports.measure.op')}`}
                status={problemAt(problems, `${at}/op`) ? 'error' : undefined}
                value={measure.op}
                options={[
                  ...MEASURE_OPS.map((op) => ({ value: op, label: t(`reports.op.${op}`) })),
                  ...(known ? [] : [{ value: measure.op, label: measure.op }]),
                ]}
                onChange={(op) => {
                  const others = columnKeys(spec).filter((k) => k !== measure.key);
                  const next = changeMeasureOp({ ...measure, key: '' }, op, fields, others);
                  const wasAuto =
                    measure.key ===
                    columnKey(
                      measure.op === 'count' ? 'count' : `${measure.op}_${str(measure, 'field')}`,
                      others,
                    );
                  const key = wasAuto ? next.key : measure.key;
                  onChange(
                    measures.map((m, i) => (i === index ? { ...next, key } : m)),
                    undefined,
                    key !== measure.key ? [measure.key, key] : undefined,
                  );
                }}
              />
            </RowField>
            {known &&
              takesField(measure.op) &&
              fieldSelect(
                index,
                measure,
                'field',
                t('reports.measure.field'),
                fieldsForOp(measure.op, fields),
              )}
            {measure.op === 'percentile' && pInput(index, measure)}
            {measure.op === 'duration' && (
              <>
                {fieldSelect(
                  index,
                  measure,
                  'from',
                  t('reports.measure.from'),
                  fieldsForOp('min', fields).filter((f) => f.type === 'time'),
                )}
                {fieldSelect(
                  index,
                  measure,
                  'to',
                  t('reports.measure.to'),
                  fieldsForOp('min', fields).filter((f) => f.type === 'time'),
                )}
                <RowField label={t('reports.measure.unit')} basis={90}>
                  <Select<string>
                    size="small"
                    aria-label={`${name} ${t('reports.measure.unit')}`}
                    value={str(measure, 'unit')}
                    options={UNITS.map((unit) => ({ value: unit, label: t(`reports.unit.${unit}`) }))}
                    onChange={(unit) => patch(index, { unit })}
                  />
                </RowField>
                <RowField label={t('reports.measure.aggregate')} basis={100}>
                  <Select<string>
                    size="small"
                    aria-label={`${name} ${t('reports.measure.aggregate')}`}
                    value={str(measure, 'aggregate')}
                    options={AGGREGATES.map((a) => ({ value: a, label: t(`reports.op.${a}`) }))}
                    onChange={(aggregate) =>
                      patch(index, {
                        aggregate,
                        p: aggregate === 'percentile' ? (num(measure, 'p') ?? 0.9) : undefined,
                      })
                    }
                  />
                </RowField>
                {str(measure, 'aggregate') === 'percentile' && pInput(index, measure)}
              </>
            )}
            {(measure.op === 'ratio' || (RATE_OPS.has(measure.op) && measure.op !== 'occupancy')) && (
              <Flex vertical gap={4} style={{ flex: '1 1 100%', minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(measure.op === 'ratio' ? 'reports.measure.numerator' : 'reports.measure.rateNumerator')}
                </Typography.Text>
                <ConditionBuilder
                  key={`n:${builderKey}`}
                  testId={`measure-${index}-numerator`}
                  value={(measure as Record<string, unknown>)['numerator']}
                  fields={builderFields}
                  locale={locale}
                  onChange={(logic) => patch(index, { numerator: logic })}
                />
              </Flex>
            )}
            {measure.op === 'ratio' && (
              <Flex vertical gap={4} style={{ flex: '1 1 100%', minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reports.measure.denominator')}
                </Typography.Text>
                <ConditionBuilder
                  key={`d:${builderKey}`}
                  testId={`measure-${index}-denominator`}
                  value={(measure as Record<string, unknown>)['denominator']}
                  fields={builderFields}
                  locale={locale}
                  onChange={(logic) => patch(index, { denominator: logic })}
                />
              </Flex>
            )}
            {(measure.op === 'ratio' || RATE_OPS.has(measure.op)) && (
              <RowField label={t('reports.measure.scale')} basis={90} grow={0}>
                <InputNumber<number>
                  size="small"
                  aria-label={`${name} ${t('reports.measure.scale')}`}
                  min={0}
                  placeholder={String(DEFAULT_SCALES[measure.op] ?? 100)}
                  status={problemAt(problems, `${at}/scale`) ? 'error' : undefined}
                  value={num(measure, 'scale')}
                  onChange={(scale) => patch(index, { scale: scale ?? undefined }, 'scale')}
                  style={{ width: '100%' }}
                />
              </RowField>
            )}
            {RATE_OPS.has(measure.op) && (
              <Typography.Text type="secondary" style={{ flex: '1 1 100%', fontSize: 12 }}>
                {t(`reports.op.${measure.op}.help`)}
              </Typography.Text>
            )}
            {!known && (
              <Alert
                type="info"
                showIcon
                style={{ flex: '1 1 100%' }}
                title={t('reports.measure.unknown', { op: measure.op })}
              />
            )}
            <RowNaming
              rowKey={measure.key}
              keyInvalid={Boolean(problemAt(problems, `${at}/key`))}
              label={measure.label}
              placeholder={derived(measure)}
              rowName={name}
              onKey={(next) =>
                onChange(
                  measures.map((m, i) => (i === index ? { ...m, key: next } : m)),
                  `measure.${index}.key`,
                  [measure.key, next],
                )
              }
              onLabel={(label, key) => {
                const { label: _old, ...rest } = measure;
                set(index, label ? { ...rest, label } : rest, key);
              }}
            />
          </SpecRow>
        );
      })}
      <Flex gap={8} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={measures.length >= MAX_MEASURES}
          data-testid="add-measure"
          onClick={() => onChange([...measures, newMeasure('count', fields, columnKeys(spec))])}
        >
          {t('reports.measure.add')}
        </Button>
      </Flex>
    </Flex>
  );
}
