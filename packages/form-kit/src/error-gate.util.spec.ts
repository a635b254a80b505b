import { describe, expect, it } from '@jest/globals';
import type { FieldError } from '@careloom/forms';
import { createErrorGate } from './error-gate.util.js';

const error = (path: string): FieldError => ({
  path,
  keyword: 'required',
  message: 'x',
  messages: { 'zh-CN': 'x', en: 'x' },
});

describe(createErrorGate.name, () => {
  it('should report only changed fields until a submit is tried', () => {
    // given a fresh form
    const gate = createErrorGate({ initial: {}, masked: false, sensitive: [] });
    // then an untouched required field is quiet and a changed one is reported
    expect(gate.report(error('/feeding'), {})).toBe(false);
    expect(gate.report(error('/idNumber'), { idNumber: '1101' })).toBe(true);
    // when a submit is tried, everything is reported
    gate.showAll();
    expect(gate.report(error('/feeding'), {})).toBe(true);
  });

  it('should never report an unchanged masked sensitive value', () => {
    // given a record opened with a masked ID number
    const initial = { idNumber: '110***********0029', contacts: [{ phone: '138****5678' }] };
    const gate = createErrorGate({ initial, masked: true, sensitive: ['/idNumber', '/contacts/*/phone'] });
    gate.showAll();
    // then the masked values are not validated while unchanged
    expect(gate.report(error('/idNumber'), initial)).toBe(false);
    expect(gate.report(error('/contacts/0/phone'), initial)).toBe(false);
    // but a newly typed value is
    expect(gate.report(error('/idNumber'), { ...initial, idNumber: '1101' })).toBe(true);
  });
});
