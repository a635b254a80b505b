import { describe, expect, it } from '@jest/globals';
import { roomBedOf, sourceRecordIdOf } from './task-context.util.js';

const ID = '0b7e4a52-6f1c-4d1e-9a3b-2c4d5e6f7a8b';
const OTHER = '1c8f5b63-7a2d-4e2f-8b4c-3d5e6f7a8b9c';

describe('task context utils', () => {
  it('should find the record a rule started the instance from when recordId is set', () => {
    // given the variables of an instance a rule started from a record
    const variables = { recordId: ID, approved: true };
    // when / then
    expect(sourceRecordIdOf(variables)).toBe(ID);
  });

  it('should prefer recordId to a work order intake record and fall back to the intake record', () => {
    expect(sourceRecordIdOf({ recordId: ID, intakeRecordId: OTHER })).toBe(ID);
    expect(sourceRecordIdOf({ intakeRecordId: OTHER })).toBe(OTHER);
  });

  it('should name no record when the variables hold none or something that is not a record id', () => {
    expect(sourceRecordIdOf({})).toBeNull();
    expect(sourceRecordIdOf(null)).toBeNull();
    expect(sourceRecordIdOf({ recordId: 'R-12' })).toBeNull();
    expect(sourceRecordIdOf({ recordId: 42 })).toBeNull();
  });

  it('should write room and bed as the resident list does and give null when neither is set', () => {
    expect(roomBedOf({ room: '112', bed: '1' })).toBe('112 / 1');
    expect(roomBedOf({ room: '112', bed: null })).toBe('112');
    expect(roomBedOf({ room: null, bed: ' ' })).toBeNull();
  });
});
