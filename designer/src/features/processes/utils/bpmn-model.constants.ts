export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
export const CARELOOM_NS = 'http://careloom.dev/schema/bpmn';

/** Prefix of a CareLoom form reference in `camunda:formKey`. */
export const FORM_KEY_PREFIX = 'careloom:form:';

/** Role keys a task can be offered to (`camunda:candidateGroups`). */
export const ROLE_KEYS = [
  'admin',
  'head-nurse',
  'nurse',
  'doctor',
  'steward',
  'logistics',
  'front-desk',
] as const;

/** Service types the server runs (`careloom:serviceType`). */
export const SERVICE_TYPES = [
  'notify',
  'set-variables',
  'start-process',
  'create-record',
  'webhook',
] as const;

/** Command id of the handler (registered by `useBpmnModeler`) that runs several commands as one undo step. */
export const MULTI_COMMAND = 'careloom.multi-command';

/** Marker classes on canvas elements. */
export const ERROR_MARKER = 'cl-error';
export const VISITED_MARKER = 'cl-visited';
