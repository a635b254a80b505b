import { useState } from 'react';
import { AutoComplete, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type {
  CommandStack,
  DiagramElement,
  ElementRegistry,
  Moddle,
  ModdleElement,
  Modeling,
} from '../utils/bpmn-model.types.js';
import { timerDefinition, timerValue } from '../utils/bpmn-model.util.js';
import {
  boundaryProblems,
  boundarySentence,
  boundaryTrigger,
  errorCodeOf,
  errorDefinition,
  errorsOf,
  planError,
  type BoundaryFacts,
} from '../utils/boundary-event.util.js';
import { addRootAndRefer } from '../utils/extension-elements.util.js';
import { ProblemText } from './IoParametersEditor.js';

interface EditorProps {
  element: DiagramElement;
  service: <T>(name: string) => T;
}

/** The definitions of the diagram (where `bpmn:Error` and `bpmn:Message` live). */
const definitionsOf = (service: <T>(name: string) => T): ModdleElement =>
  service<{ getDefinitions: () => ModdleElement }>('bpmnjs').getDefinitions();

/**
 * Error boundary and error end events: the error code (`bpmn:Error` with `errorCode` in the definitions; an
 * existing one is reused, the event's own one changed when no other event uses it, else one is created) and
 * the error's name.
 */
export function ErrorEventEditor({ element, service }: EditorProps) {
  const { t } = useI18n();
  const bo = element.businessObject;
  const definition = errorDefinition(bo);
  const errors = errorsOf(definitionsOf(service));
  const current = definition?.get('errorRef') as ModdleElement | undefined;
  const code = errorCodeOf(current);
  const [draft, setDraft] = useState({ code, synced: code });
  // undo / redo / another event renaming the shared error: show the model's code again
  const shown = draft.synced === code ? draft.code : code;
  if (draft.synced !== code) {
    setDraft({ code, synced: code });
  }
  if (!definition) {
    return null;
  }

  const commit = (value: string) => {
    const wanted = value.trim();
    setDraft({ code: wanted, synced: wanted === '' ? '' : wanted });
    const uses = service<ElementRegistry>('elementRegistry')
      .getAll()
      .filter((shape) =>
        shape.businessObject.eventDefinitions?.some((item) => current && item.get('errorRef') === current),
      ).length;
    const plan = planError(wanted, current, errors, uses);
    const modeling = service<Modeling>('modeling');
    switch (plan.action) {
      case 'clear':
        modeling.updateModdleProperties(element, definition, { errorRef: undefined });
        return;
      case 'use':
        modeling.updateModdleProperties(element, definition, { errorRef: plan.target });
        return;
      case 'rename': {
        // a name that only repeated the old code follows it
        const renamed = plan.target.name === undefined || plan.target.name === code;
        modeling.updateModdleProperties(element, plan.target, {
          errorCode: wanted,
          ...(renamed ? { name: wanted } : {}),
        });
        return;
      }
      case 'create': {
        const error = service<Moddle>('moddle').create('bpmn:Error', {
          id: plan.id,
          name: wanted,
          errorCode: wanted,
        });
        addRootAndRefer(
          element,
          service<CommandStack>('commandStack'),
          definitionsOf(service),
          error,
          definition,
          'errorRef',
        );
        return;
      }
      case 'none':
        return;
    }
  };
  const boundary = bo.$type === 'bpmn:BoundaryEvent';

  return (
    <Flex vertical data-testid="error-event">
      <Form.Item
        label={t('pe.err.code')}
        extra={t(boundary ? 'pe.err.codeHelpBoundary' : 'pe.err.codeHelpEnd')}
      >
        <AutoComplete
          aria-label={t('pe.err.code')}
          value={shown}
          placeholder={boundary ? t('pe.err.anyCode') : undefined}
          options={errors
            .map((error) => ({ code: errorCodeOf(error), name: error.name ?? '' }))
            .filter((error) => error.code !== '')
            .map((error) => ({
              value: error.code,
              label:
                error.name !== '' && error.name !== error.code
                  ? `${error.code}（${error.name}）`
                  : error.code,
            }))}
          onChange={(value: string) => setDraft({ code: value, synced: code })}
          onSelect={(value: string) => commit(value)}
          onBlur={() => commit(shown)}
        />
      </Form.Item>
      {current && (
        <Form.Item label={t('pe.err.name')} extra={t('pe.err.nameHelp')}>
          <Input
            aria-label={t('pe.err.name')}
            value={current.name ?? ''}
            onChange={(event) =>
              service<Modeling>('modeling').updateModdleProperties(element, current, {
                name: event.target.value === '' ? undefined : event.target.value,
              })
            }
          />
        </Form.Item>
      )}
      {!boundary && code === '' && (
        <Typography.Text type="warning" style={{ fontSize: 12, marginBottom: 12 }}>
          {t('pe.err.endWithoutCode')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * Boundary timer, message and error events: interrupting or not (`cancelActivity`) with a sentence of what
 * happens, and what the engine would refuse (a non-interrupting error, an error on a user task …).
 */
export function BoundaryEventEditor({ element, service }: EditorProps) {
  const { t } = useI18n();
  const bo = element.businessObject;
  const trigger = boundaryTrigger(bo);
  if (!trigger) {
    return null;
  }
  const host = bo.get('attachedToRef') as ModdleElement | undefined;
  const timer = timerDefinition(bo);
  const facts: BoundaryFacts = {
    trigger,
    interrupting: bo.get('cancelActivity') !== false,
    hostType: host?.$type,
    ...(timer ? { timer: timerValue(timer) } : {}),
  };
  const definition = errorDefinition(bo);
  const code = errorCodeOf(definition?.get('errorRef') as ModdleElement | undefined);
  const sentence = boundarySentence(facts, host?.name ?? host?.id ?? '', code);
  const problems = boundaryProblems(facts);
  // an error boundary always interrupts: the switch is only there to fix one that does not
  const locked = trigger === 'error' && facts.interrupting;

  return (
    <Flex vertical gap={6} data-testid="boundary-event" style={{ marginBottom: 16 }}>
      <Checkbox
        checked={facts.interrupting}
        disabled={locked}
        onChange={(event) =>
          service<Modeling>('modeling').updateProperties(element, { cancelActivity: event.target.checked })
        }
      >
        {t('pe.bnd.interrupting')}
      </Checkbox>
      <Typography.Text type="secondary" data-testid="boundary-sentence">
        {t(sentence.key, sentence.params)}
      </Typography.Text>
      {problems.map((problem) => (
        <ProblemText key={problem.key} problem={problem} testId="boundary-problem" />
      ))}
    </Flex>
  );
}
