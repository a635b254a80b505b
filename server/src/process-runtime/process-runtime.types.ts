/**
 * The engine's types as the rest of the server sees them: only `server/src/process-runtime` imports
 * @careloom/engine, modules use these re-exports.
 */
export type {
  Command as EngineCommand,
  DeployIssue,
  Effect as EngineEffect,
  InstanceState,
  ProcessDefinition,
  SimulationScript,
  SimulationTrace,
} from '@careloom/engine';

/** Who caused a command: a user, or the system (worker, timer, service task). */
export type CommandOrigin = { userId: string | null; tenantId: string };

export type HistoryItem = {
  at: string;
  elementId: string;
  elementType: string;
  event: string;
  tokenId: string | null;
};
