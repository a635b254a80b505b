import type { ResidentStatus } from './resident.entity.js';

/** The resident lifecycle: inquiry → trial → admitted → discharged / deceased. */
export const RESIDENT_TRANSITIONS: Record<ResidentStatus, readonly ResidentStatus[]> = {
  inquiry: ['trial', 'admitted', 'discharged'],
  trial: ['admitted', 'discharged'],
  admitted: ['discharged', 'deceased'],
  discharged: [],
  deceased: [],
};

export function canTransition(from: ResidentStatus, to: ResidentStatus): boolean {
  return RESIDENT_TRANSITIONS[from].includes(to);
}
