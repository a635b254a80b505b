import { Button, Flex, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import { useModelDraft } from '../hooks/useModelDraft.js';
import type { DiagramElement, ModdleElement, Moddle, Modeling } from '../utils/bpmn-model.types.js';
import { CAMUNDA_NS } from '../utils/bpmn-model.constants.js';
import { replaceExtensionValues } from '../utils/extension-elements.util.js';
import {
  ioKey,
  ioRowProblems,
  ioToWrite,
  otherThanInputOutput,
  readIoParameters,
  type IoParameters,
  type IoRow,
  type PanelProblem,
} from '../utils/io-parameters.util.js';
import { extensionValuesOf } from '../utils/process-panel.util.js';

interface IoParametersEditorProps {
  element: DiagramElement;
  service: <T>(name: string) => T;
}

/** One problem of the panel, in the colour of its severity (as the other sections show theirs). */
export function ProblemText({ problem, testId }: { problem: PanelProblem; testId?: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="danger" data-testid={testId} style={{ fontSize: 12 }}>
      {t(problem.key, problem.params)}
    </Typography.Text>
  );
}

function IoRows({
  direction,
  rows,
  onEdit,
  onCommit,
}: {
  direction: 'input' | 'output';
  rows: IoRow[];
  onEdit: (rows: IoRow[]) => void;
  onCommit: (rows: IoRow[]) => void;
}) {
  const { t, locale } = useI18n();
  const label = t(`pe.io.${direction}s`);
  const problems = ioRowProblems(rows, locale);
  const edit = (index: number, patch: Partial<IoRow>) => {
    onEdit(rows.map((row, i) => (i === index ? withoutDefinition({ ...row, ...patch }, patch) : row)));
  };
  return (
    <Flex vertical gap={6} data-testid={`io-${direction}s`} role="group" aria-label={label}>
      <Typography.Text strong>{label}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`pe.io.${direction}sHelp`)}
      </Typography.Text>
      {rows.map((row, index) => {
        const problem = problems[index];
        return (
          <Flex key={index} vertical gap={2}>
            <Flex gap={6} align="center">
              <Input
                aria-label={`${label} ${t('pe.io.name')} ${index + 1}`}
                placeholder={t('pe.io.name')}
                value={row.name}
                status={problem?.key.startsWith('pe.io.name') ? 'error' : undefined}
                style={{ flex: '2 1 0', minWidth: 0 }}
                onChange={(event) => edit(index, { name: event.target.value })}
                onBlur={() => onCommit(rows)}
              />
              <span aria-hidden>=</span>
              <Input
                aria-label={`${label} ${t('pe.io.value')} ${index + 1}`}
                placeholder={row.definition ? t('pe.io.definitionPlaceholder') : t('pe.io.valuePlaceholder')}
                value={row.value}
                status={problem && !problem.key.startsWith('pe.io.name') ? 'error' : undefined}
                style={{ flex: '3 1 0', minWidth: 0 }}
                onChange={(event) => edit(index, { value: event.target.value })}
                onBlur={() => onCommit(rows)}
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label={`${t('pe.io.remove')} ${index + 1}`}
                onClick={() => onCommit(rows.filter((_, i) => i !== index))}
              />
            </Flex>
            {problem && <ProblemText problem={problem} testId={`io-${direction}-problem-${index}`} />}
          </Flex>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onEdit([...rows, { name: '', value: '' }])}
      >
        {t(`pe.io.add.${direction}`)}
      </Button>
    </Flex>
  );
}

/** Typing a value replaces an unsupported list/map/script definition. */
function withoutDefinition(row: IoRow, patch: Partial<IoRow>): IoRow {
  if (patch.value === undefined || !row.definition) {
    return row;
  }
  const { definition: _dropped, ...rest } = row;
  return rest;
}

function modelParameters(element: DiagramElement): IoParameters {
  return readIoParameters(extensionValuesOf(element.businessObject));
}

/**
 * 输入/输出参数 of an activity: `camunda:inputOutput` with `camunda:inputParameter` / `camunda:outputParameter`
 * (name + value text: a literal, `${variable}` or `=JSON Logic`), as the engine evaluates them.
 */
export function IoParametersEditor({ element, service }: IoParametersEditorProps) {
  const { t } = useI18n();
  const { draft, edit, written } = useModelDraft(modelParameters(element), ioKey);

  const write = (next: IoParameters) => {
    written(next);
    if (ioKey(next) === ioKey(modelParameters(element))) {
      return;
    }
    const moddle = service<Moddle>('moddle');
    const children = ioToWrite(next).map((row) => {
      const parameter = moddle.createAny(`camunda:${row.direction}Parameter`, CAMUNDA_NS, {
        name: row.name,
      }) as ModdleElement & { $body?: string; $children?: ModdleElement[] };
      if (row.definition) {
        parameter.$children = [row.definition];
        (row.definition as { $parent?: ModdleElement }).$parent = parameter;
      } else if (row.value !== '') {
        parameter.$body = row.value;
      }
      return parameter;
    });
    const created: ModdleElement[] = [];
    if (children.length > 0) {
      const io = moddle.createAny('camunda:inputOutput', CAMUNDA_NS) as ModdleElement & {
        $children?: ModdleElement[];
      };
      io.$children = children;
      for (const child of children) {
        (child as { $parent?: ModdleElement }).$parent = io;
      }
      created.push(io);
    }
    replaceExtensionValues(
      element,
      { moddle, modeling: service<Modeling>('modeling') },
      otherThanInputOutput,
      created,
    );
  };

  return (
    <Flex vertical gap={12} data-testid="io-parameters" style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ fontSize: 14 }}>
        {t('pe.io.title')}
      </Typography.Text>
      {(['input', 'output'] as const).map((direction) => {
        const key = direction === 'input' ? 'inputs' : 'outputs';
        return (
          <IoRows
            key={direction}
            direction={direction}
            rows={draft[key]}
            onEdit={(rows) => edit({ ...draft, [key]: rows })}
            onCommit={(rows) => write({ ...draft, [key]: rows })}
          />
        );
      })}
      {draft.outputs.some((row) => row.name.trim() !== '') && (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="io-outputs-note">
          {t('pe.io.outputsNote')}
        </Typography.Text>
      )}
    </Flex>
  );
}
