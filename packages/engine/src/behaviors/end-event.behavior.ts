import type { EndEventDefinition } from '../definition/definition.types.js';
import {
  cancelToken,
  completeActivity,
  consumeToken,
  endInstance,
  scopeToken,
  throwError,
} from '../runtime/operations.util.js';
import { childTokens, history, removeToken } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/**
 * none: the token ends (the scope completes when it was the last one);
 * terminate: every token of the scope is cancelled (process level: the instance is terminated);
 * error: the nearest enclosing error boundary catches it; uncaught, it acts as a none end (Camunda 7).
 */
export const endEventBehavior: Behavior<EndEventDefinition> = {
  enter(run, token, element) {
    history(run, element.id, element.type, 'left', token.id);
    switch (element.result.type) {
      case 'none':
        consumeToken(run, token);
        return;
      case 'error':
        if (throwError(run, token, element.result.errorCode)) {
          removeToken(run, token.id);
          return;
        }
        consumeToken(run, token);
        return;
      case 'terminate': {
        removeToken(run, token.id);
        const scope = scopeToken(run, token);
        if (scope === null) {
          endInstance(run, 'terminated');
          return;
        }
        for (const sibling of childTokens(run, scope.id)) {
          cancelToken(run, sibling);
        }
        completeActivity(run, scope, {});
      }
    }
  },
};
