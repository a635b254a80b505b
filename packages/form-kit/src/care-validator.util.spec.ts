import { describe, expect, it } from '@jest/globals';
import { compileForm } from '@careloom/forms';
import barthelAdl from '../../forms/src/fixtures/barthel-adl.schema.json' with { type: 'json' };
import elderArchive from '../../forms/src/fixtures/elder-archive.schema.json' with { type: 'json' };
import type { RJSFSchema } from '@rjsf/utils';
import { createCareValidator } from './care-validator.util.js';

const NOW = '2026-03-01T08:00:00.000Z';
const BARTHEL_ANSWERS = {
  feeding: 10,
  bathing: 0,
  grooming: 5,
  dressing: 5,
  bowels: 10,
  bladder: 5,
  toiletUse: 5,
  transfers: 10,
  mobility: 10,
  stairs: 5,
};

describe(createCareValidator.name, () => {
  const barthel = compileForm(barthelAdl);
  const archive = compileForm(elderArchive);

  it('should report the missing Barthel answers at their fields when validating an empty form', () => {
    // given the Barthel form validated in zh-CN
    const validator = createCareValidator(barthel, { locale: 'zh-CN', now: NOW });
    // when an empty form is validated
    const { errors, errorSchema } = validator.validateFormData({}, barthelAdl as RJSFSchema);
    // then each of the ten items is required, at its own field
    expect(errors).toHaveLength(10);
    expect(errors.map((e) => e.property)).toContain('.feeding');
    expect(errorSchema).toMatchObject({ feeding: { __errors: ['进食：请填写此项'] } });
  });

  it('should accept a complete Barthel form and ignore client values of computed fields', () => {
    // given complete answers plus a forged total
    const validator = createCareValidator(barthel, { locale: 'en', now: NOW });
    // when validated
    const { errors } = validator.validateFormData(
      { ...BARTHEL_ANSWERS, total: 999, adl: { total: 999 } },
      barthelAdl as RJSFSchema,
    );
    // then there is nothing to report (the server recomputes, so the forged values do not matter)
    expect(errors).toEqual([]);
  });

  it('should give the same Chinese message as the server for an invalid ID number', () => {
    // given the elder archive with a checksum-invalid ID number
    const validator = createCareValidator(archive, { locale: 'zh-CN', now: NOW });
    const data = { idNumber: '110105194912310029' };
    // when validated in the browser and processed as the server does
    const { errorSchema } = validator.validateFormData(data, elderArchive as RJSFSchema);
    const server = archive
      .process(data, { locale: 'zh-CN', now: NOW })
      .errors.find((e) => e.path === '/idNumber');
    // then the message at the field is the server's
    expect(server).toBeDefined();
    expect(errorSchema).toMatchObject({ idNumber: { __errors: [server!.message] } });
    expect(server!.message).toMatch(/^身份证号：/);
  });

  it('should show only the errors `report` lets through when given', () => {
    // given a report that only lets through errors of the ID number
    const validator = createCareValidator(archive, {
      locale: 'en',
      report: (error) => error.path === '/idNumber',
    });
    // when a form with many problems is validated
    const { errors } = validator.validateFormData({ idNumber: 'x' }, elderArchive as RJSFSchema);
    // then only the ID number is reported, in English
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^ID number: /);
  });

  it('should not validate fields hidden by x-visible-if', () => {
    // given dementia not ticked but a stage filled with an invalid value
    const validator = createCareValidator(archive, { locale: 'en' });
    const { errors } = validator.validateFormData(
      { hasDementia: false, dementiaStage: 'not-a-stage' },
      elderArchive as RJSFSchema,
    );
    // then the hidden field has no error, and once visible it is required
    expect(errors.map((e) => e.property)).not.toContain('.dementiaStage');
    const visible = validator.validateFormData({ hasDementia: true }, elderArchive as RJSFSchema);
    expect(visible.errors.map((e) => e.property)).toContain('.dementiaStage');
  });

  it('should apply customValidate and transformErrors as rjsf does', () => {
    // given a validator and rjsf callbacks
    const validator = createCareValidator(barthel, { locale: 'en' });
    // when rjsf passes a transformer dropping required errors and a custom rule
    const { errors, errorSchema } = validator.validateFormData(
      { feeding: 10 },
      barthelAdl as RJSFSchema,
      (data, handler) => {
        if (data?.['feeding'] === 10) {
          handler['feeding']?.addError('custom');
        }
        return handler;
      },
      (list) => list.filter((e) => e.name !== 'required'),
    );
    // then only the custom error remains
    expect(errors.map((e) => e.message)).toEqual(['custom']);
    expect(errorSchema).toMatchObject({ feeding: { __errors: ['custom'] } });
  });

  it('should check sub-schemas with the dialect ajv for isValid and rawValidation', () => {
    const validator = createCareValidator(archive, { locale: 'en' });
    const root = elderArchive as RJSFSchema;
    // then formats of the dialect are known
    expect(validator.isValid({ type: 'string', format: 'cn-mobile' }, '13800138000' as never, root)).toBe(
      true,
    );
    expect(validator.isValid({ type: 'string', format: 'cn-mobile' }, '12345' as never, root)).toBe(false);
    expect(validator.isValid({ $ref: '#/properties/gender' }, 'female' as never, root)).toBe(true);
    expect(validator.rawValidation({ type: 'integer' }, 'x' as never).errors).toHaveLength(1);
    expect(
      validator.rawValidation({ type: 'nonsense' } as unknown as RJSFSchema).validationError,
    ).toBeInstanceOf(Error);
  });
});
