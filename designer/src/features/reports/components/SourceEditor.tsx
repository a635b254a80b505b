import { Alert, Flex, Select, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import { ConditionBuilder } from '../../../shared/logic-builder/index.js';
import type { ReportResources } from '../hooks/useReportResources.js';
import { conditionFields } from '../utils/report-fields.util.js';
import { problemAt, SOURCE_TYPES } from '../utils/report-spec.util.js';
import type { ReportSpec, SpecProblem } from '../utils/report.types.js';
import { RowField } from './SpecRow.js';

type Source = ReportSpec['dataset']['source'];

/** Where the rows come from: records of a form, tasks or process instances (of a process), residents. */
export function SourceEditor({
  source,
  resources,
  problems,
  onChange,
}: {
  source: Source;
  resources: ReportResources;
  problems: readonly SpecProblem[];
  onChange: (source: Source) => void;
}) {
  const { t, locale } = useI18n();
  const typeProblem = problemAt(problems, '/dataset/source/type');
  const formProblem = problemAt(problems, '/dataset/source/formKey');
  const processProblem = problemAt(problems, '/dataset/source/processKey');
  const roleProblem = problemAt(problems, '/dataset/source/role');
  const otherProblem = problemAt(problems, '/dataset/source');
  const known = (SOURCE_TYPES as readonly string[]).includes(source.type);
  const typeOptions = [
    ...SOURCE_TYPES.map((type) => ({ value: type, label: t(`reports.source.${type}`) })),
    ...(known ? [] : [{ value: source.type as string, label: source.type as string }]),
  ];
  const processKey = 'processKey' in source ? source.processKey : undefined;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <RowField label={t('reports.source.type')}>
          <Select<string>
            aria-label={t('reports.source.type')}
            data-testid="source-type"
            status={typeProblem ? 'error' : undefined}
            value={source.type}
            options={typeOptions}
            onChange={(type) => {
              if (type === 'records') {
                onChange({ type: 'records', formKey: '' });
              } else if (type === 'tasks' || type === 'process-instances') {
                onChange({ type });
              } else if (type === 'residents' || type === 'activity') {
                onChange({ type });
              }
            }}
          />
        </RowField>
        {source.type === 'records' && (
          <RowField label={t('reports.source.form')} grow={2}>
            <Select<string>
              aria-label={t('reports.source.form')}
              data-testid="source-form"
              showSearch={{ optionFilterProp: 'label' }}
              status={formProblem ? 'error' : undefined}
              placeholder={t('reports.source.formPick')}
              value={source.formKey || undefined}
              options={resources.forms.map((form) => ({
                value: form.key,
                label: `${form.name[locale] || form.name['zh-CN']} (${form.key})`,
              }))}
              onChange={(formKey) => onChange({ type: 'records', formKey })}
            />
          </RowField>
        )}
        {(source.type === 'tasks' || source.type === 'process-instances') && (
          <RowField label={t('reports.source.process')} grow={2}>
            <Select<string>
              aria-label={t('reports.source.process')}
              allowClear
              status={processProblem ? 'error' : undefined}
              placeholder={t('reports.source.anyProcess')}
              value={processKey}
              options={resources.processes.map((process) => ({
                value: process.key,
                label: `${process.name || process.key} (${process.key})`,
              }))}
              onChange={(key) =>
                onChange(key ? { type: source.type, processKey: key } : { type: source.type })
              }
            />
          </RowField>
        )}
        {source.type === 'activity' && (
          <RowField label={t('reports.source.role')} grow={2}>
            <Select<string>
              aria-label={t('reports.source.role')}
              allowClear
              status={roleProblem ? 'error' : undefined}
              placeholder={t('reports.source.anyRole')}
              value={source.role}
              options={resources.roles.map((role) => ({
                value: role.key,
                label: `${locale === 'en' ? role.nameEn : role.nameZh} (${role.key})`,
              }))}
              onChange={(role) => onChange(role ? { type: 'activity', role } : { type: 'activity' })}
            />
          </RowField>
        )}
      </Flex>
      {[typeProblem, formProblem, processProblem, roleProblem, otherProblem]
        .filter(Boolean)
        .map((message) => (
          <Typography.Text key={message} type="danger" role="alert" data-testid="source-problem">
            {message}
          </Typography.Text>
        ))}
      {source.type === 'records' && source.formKey === '' && (
        <Alert type="info" showIcon title={t('reports.source.pickFirst')} />
      )}
    </Flex>
  );
}

/** The dataset's filter: the shared condition builder over the source's fields (JSON Logic subset). */
export function FilterEditor({
  value,
  resources,
  problems,
  onChange,
}: {
  value: unknown;
  resources: ReportResources;
  problems: readonly SpecProblem[];
  onChange: (logic: unknown) => void;
}) {
  const { locale } = useI18n();
  const fields = conditionFields(resources.fields);
  const problem = problemAt(problems, '/dataset/filter', true);
  return (
    <Flex vertical gap={8}>
      <ConditionBuilder
        key={fields.map((f) => f.path).join('|')}
        testId="report-filter"
        value={value}
        fields={fields}
        locale={locale}
        onChange={onChange}
      />
      {problem && (
        <Typography.Text type="danger" role="alert" data-testid="filter-problem">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
