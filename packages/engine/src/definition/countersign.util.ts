import type { JsonLogic } from '@careloom/logic';
import type { CountersignMode } from './definition.types.js';

const PATTERN = /^(all|any|sequential|percent:(\d{1,3}))$/;

/** `all`, `any`, `sequential` or `percent:N` (1–100); null when the text is none of them. */
export const parseCountersign = (text: string): CountersignMode | null => {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, mode, percent] = match;
  if (percent !== undefined) {
    const value = Number(percent);
    return value >= 1 && value <= 100 ? { mode: 'percent', percent: value } : null;
  }
  return mode === 'all' || mode === 'any' || mode === 'sequential' ? { mode } : null;
};

const approved = { var: 'nrOfApprovedInstances' };
const rejected = { var: 'nrOfRejectedInstances' };
const instances = { var: 'nrOfInstances' };

/**
 * The completion condition of a countersign mode, over nrOfInstances and the signers' votes so far: it holds as
 * soon as the outcome is decided (all / sequential: one rejection or every approval; any: one approval or every
 * rejection; percent N: approvals reach N % of the signers, or rejections make that impossible).
 */
export const countersignCondition = (countersign: CountersignMode): JsonLogic => {
  switch (countersign.mode) {
    case 'all':
    case 'sequential':
      return { or: [{ '>': [rejected, 0] }, { '>=': [approved, instances] }] };
    case 'any':
      return { or: [{ '>': [approved, 0] }, { '>=': [rejected, instances] }] };
    case 'percent':
      return {
        or: [
          { '>=': [{ '*': [approved, 100] }, { '*': [instances, countersign.percent] }] },
          { '>': [{ '*': [rejected, 100] }, { '*': [instances, 100 - countersign.percent] }] },
        ],
      };
  }
};

/** Whether the countersign passed, given the votes when it ended (the `approved` process variable). */
export const countersignPassed = (
  countersign: CountersignMode,
  votes: { approved: number; rejected: number; instances: number },
): boolean => {
  switch (countersign.mode) {
    case 'all':
    case 'sequential':
      return votes.rejected === 0 && votes.approved >= votes.instances;
    case 'any':
      return votes.approved > 0;
    case 'percent':
      return votes.approved * 100 >= votes.instances * countersign.percent;
  }
};

/** A signer's vote from the instance output: `approved: false` rejects, anything else approves. */
export const isRejection = (output: unknown): boolean =>
  typeof output === 'object' && output !== null && (output as Record<string, unknown>)['approved'] === false;
