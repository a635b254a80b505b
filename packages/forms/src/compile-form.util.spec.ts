import { describe, expect, it } from '@jest/globals';
import barthelAdl from './fixtures/barthel-adl.schema.json' with { type: 'json' };
import elderArchive from './fixtures/elder-archive.schema.json' with { type: 'json' };
import { compileForm } from './compile-form.util.js';
import { FormSchemaError } from './forms.errors.js';
import { maskSensitive } from './mask.util.js';

const FIXTURES: Record<string, unknown> = { 'barthel-adl': barthelAdl, 'elder-archive': elderArchive };

/** A fresh copy of a committed fixture schema. */
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(JSON.stringify(FIXTURES[name])) as Record<string, unknown>;

const NOW = { now: '2026-03-01T02:00:00Z', timeZone: 'Asia/Shanghai' };

const BARTHEL_ANSWERS = {
  feeding: 10,
  bathing: 5,
  grooming: 5,
  dressing: 10,
  bowels: 10,
  bladder: 10,
  toiletUse: 10,
  transfers: 15,
  mobility: 10,
  stairs: 5,
};

const ELDER = {
  name: '王秀英',
  gender: 'female',
  birthDate: '1949-12-31',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  admissionDate: '2026-02-15',
  careLevel: 'level-2',
  hasDementia: false,
  emergencyContact: { name: '王强', relation: 'child', phone: '13900001111' },
};

describe(compileForm.name, () => {
  describe('x-compute and scored scales', () => {
    const form = compileForm(fixture('barthel-adl'));

    it('should compute the Barthel result and total when the answers are complete', () => {
      // when
      const result = form.process(BARTHEL_ANSWERS, NOW);
      // then
      expect(result.errors).toEqual([]);
      expect(result.data['total']).toBe(90);
      expect(result.data['adl']).toMatchObject({ edition: 'barthel-2026.1', total: 90, level: 'mild' });
      expect(result.scores['/adl']).toEqual(result.data['adl']);
    });

    it('should overwrite a client-supplied total and result when they were tampered with', () => {
      // given
      const input = {
        ...BARTHEL_ANSWERS,
        total: 100,
        adl: { edition: 'fake', total: 100, level: 'independent' },
      };
      // when
      const result = form.process(input, NOW);
      // then
      expect(result.data['total']).toBe(90);
      expect(result.data['adl']).toMatchObject({ edition: 'barthel-2026.1', total: 90, level: 'mild' });
      expect(input.total).toBe(100);
      expect(input.adl.edition).toBe('fake');
    });

    it('should rate severe when the resident is in a coma', () => {
      const result = form.process({ ...BARTHEL_ANSWERS, coma: true }, NOW);
      expect(result.scores['/adl']).toMatchObject({ total: 90, level: 'severe', overrides: ['coma-severe'] });
    });

    it('should report the missing answers at their own pointers when items are not answered', () => {
      // when
      const { errors, data } = form.process({ feeding: 10 }, NOW);
      // then
      expect(errors.map((error) => error.path)).toEqual(
        expect.arrayContaining(['/bathing', '/stairs', '/mobility']),
      );
      expect(errors.find((error) => error.path === '/bathing')?.messages).toEqual({
        'zh-CN': '洗澡：请填写此项',
        en: 'Bathing: This field is required',
      });
      expect(data['adl']).toMatchObject({ complete: false, level: null });
    });

    it('should order computed fields by their dependencies when one reads another', () => {
      // given: c reads b, b reads a, listed in reverse
      const chained = compileForm({
        type: 'object',
        properties: {
          c: { type: 'number', 'x-compute': { '*': [{ var: 'b' }, 10] } },
          b: { type: 'number', 'x-compute': { '+': [{ var: 'a' }, 1] } },
          a: { type: 'number' },
        },
      });
      // when / then
      expect(chained.process({ a: 1, b: 99, c: 99 }).data).toEqual({ a: 1, b: 2, c: 20 });
    });

    it('should compute into nested objects', () => {
      const nested = compileForm({
        type: 'object',
        properties: {
          vitals: {
            type: 'object',
            properties: {
              systolic: { type: 'integer' },
              high: { type: 'boolean', 'x-compute': { '>=': [{ var: 'vitals.systolic' }, 140] } },
            },
          },
        },
      });
      expect(nested.process({ vitals: { systolic: 150 } }).data).toEqual({
        vitals: { systolic: 150, high: true },
      });
    });

    it('should throw FormSchemaError with the lint issues when the schema has errors', () => {
      // when
      let thrown: unknown;
      try {
        compileForm({
          type: 'object',
          properties: { a: { type: 'string', pattern: '^(a+)+$', maxLength: 9 } },
        });
      } catch (error) {
        thrown = error;
      }
      // then
      expect(thrown).toBeInstanceOf(FormSchemaError);
      expect((thrown as FormSchemaError).issues.map((issue) => issue.code)).toEqual(['unsafe-regex']);
      expect((thrown as FormSchemaError).message).toContain('/properties/a/pattern');
    });

    it('should not be affected when the caller later mutates its schema object', () => {
      const schema = { type: 'object', properties: { n: { type: 'integer', maximum: 5 } } };
      const compiled = compileForm(schema);
      schema.properties.n.maximum = 100;
      expect(compiled.validate({ n: 6 })).toHaveLength(1);
    });
  });

  describe('x-visible-if and x-required-if', () => {
    const form = compileForm(fixture('elder-archive'));

    it('should accept a complete elder record', () => {
      expect(form.process(ELDER, NOW).errors).toEqual([]);
    });

    it('should drop a hidden field and not validate it when its condition is false', () => {
      // given: dementiaStage is filled (and invalid) but hasDementia is false
      const input = { ...ELDER, dementiaStage: 'not-a-stage' };
      // when
      const result = form.process(input, NOW);
      // then
      expect(result.errors).toEqual([]);
      expect(result.data).not.toHaveProperty('dementiaStage');
      expect(form.validate(input)).toEqual([]);
      expect(form.visibility(input)['/dementiaStage']).toBe(false);
    });

    it('should require a conditionally required field when its condition is true', () => {
      // when
      const errors = form.process({ ...ELDER, hasDementia: true }, NOW).errors;
      // then
      expect(errors).toEqual([
        {
          path: '/dementiaStage',
          keyword: 'required',
          message: '认知症分期：请填写此项',
          messages: { 'zh-CN': '认知症分期：请填写此项', en: 'Dementia stage: This field is required' },
          params: { missingProperty: 'dementiaStage', condition: 'x-required-if' },
        },
      ]);
      expect(form.visibility({ ...ELDER, hasDementia: true })['/dementiaStage']).toBe(true);
    });

    it('should keep and validate the field when it is visible', () => {
      const result = form.process({ ...ELDER, hasDementia: true, dementiaStage: 'early' }, NOW);
      expect(result.errors.map((error) => `${error.path} ${error.keyword}`)).toEqual(['/dementiaStage enum']);
    });

    it('should hide a field when the computed field it depends on hides it', () => {
      // given: plan is shown only when the computed risk is high
      const risk = compileForm({
        type: 'object',
        required: ['score'],
        properties: {
          score: { type: 'integer' },
          high: { type: 'boolean', 'x-compute': { '>=': [{ var: 'score' }, 45] } },
          plan: {
            type: 'string',
            minLength: 5,
            'x-visible-if': { var: 'high' },
            'x-required-if': { var: 'high' },
          },
        },
      });
      // when / then
      expect(risk.process({ score: 10, plan: 'x' }).data).toEqual({ score: 10, high: false });
      expect(risk.process({ score: 50 }).errors.map((error) => error.path)).toEqual(['/plan']);
      expect(risk.visibility({ score: 50 })).toEqual({ '/score': true, '/high': true, '/plan': true });
    });

    it('should hide the children of a hidden object', () => {
      const nested = compileForm({
        type: 'object',
        properties: {
          hasFall: { type: 'boolean' },
          fall: {
            type: 'object',
            required: ['date'],
            'x-visible-if': { var: 'hasFall' },
            properties: { date: { type: 'string', format: 'date' } },
          },
        },
      });
      expect(nested.visibility({ hasFall: false })).toEqual({
        '/hasFall': true,
        '/fall': false,
        '/fall/date': false,
      });
      expect(nested.process({ hasFall: false, fall: { date: 'bad' } })).toEqual({
        data: { hasFall: false },
        errors: [],
        scores: {},
      });
    });
  });

  describe('local-time', () => {
    const clock = compileForm({
      type: 'object',
      properties: { fellAt: { type: 'string', format: 'local-time', title: '跌倒时间' } },
    });

    it('should take a time of day as a phone picker gives it, with or without seconds', () => {
      // given the values a native time input sends
      // when each is validated
      // then none is refused: no offset is needed on the home's own clock
      for (const fellAt of ['02:30', '23:59', '00:00:00', '14:05:59']) {
        expect(clock.validate({ fellAt })).toEqual([]);
      }
    });

    it('should refuse what is no time of day, with a message that shows the form to use', () => {
      // given an hour past 23, minutes past 59, an offset and free text
      // when each is validated
      // then each is refused at its pointer, in Chinese by default
      for (const fellAt of ['24:00', '12:60', '02:30:00+08:00', '下午两点']) {
        expect(clock.validate({ fellAt })).toEqual([
          expect.objectContaining({ path: '/fellAt', message: '跌倒时间：请输入有效时间（如 08:30）' }),
        ]);
      }
    });
  });

  describe('messages', () => {
    const form = compileForm(fixture('elder-archive'), { locale: 'en' });

    it('should explain an ID number with a wrong check digit in both languages at its pointer', () => {
      // when
      const errors = form.validate({ ...ELDER, idNumber: '110105194912310029' });
      // then
      expect(errors).toEqual([
        {
          path: '/idNumber',
          keyword: 'format',
          message: 'ID number: Invalid ID number (check digit does not match)',
          messages: {
            'zh-CN': '身份证号：身份证号码无效（校验位不符）',
            en: 'ID number: Invalid ID number (check digit does not match)',
          },
          params: { format: 'cn-id-number' },
        },
      ]);
    });

    it('should use the locale of the call when given', () => {
      const [error] = form.validate({ ...ELDER, weightKg: 0 }, { locale: 'zh-CN' });
      expect(error?.message).toBe('体重（公斤）：必须大于 0');
      expect(error?.messages.en).toBe('Weight (kg): Must be greater than 0');
    });

    it('should point at nested and missing fields in schema order', () => {
      // when
      const errors = form.validate({
        ...ELDER,
        emergencyContact: { relation: 'child', phone: '12345' },
        heightCm: 30,
      });
      // then
      expect(errors.map((error) => [error.path, error.keyword, error.messages['zh-CN']])).toEqual([
        ['/heightCm', 'minimum', '身高（厘米）：不能小于 50'],
        ['/emergencyContact/name', 'required', '联系人姓名：请填写此项'],
        ['/emergencyContact/phone', 'format', '联系人手机：手机号码无效（应为 1 开头的 11 位数字）'],
      ]);
    });

    it('should report a field that is not in the form at its own pointer', () => {
      const [error] = form.validate({ ...ELDER, nickname: 'x' });
      expect(error).toMatchObject({ path: '/nickname', keyword: 'additionalProperties' });
      expect(error?.messages['zh-CN']).toBe('表单中没有此项');
    });

    it('should report a type error on the record when the data is not an object', () => {
      const result = form.process('nope');
      expect(result.data).toEqual({});
      expect(result.errors).toMatchObject([
        { path: '', keyword: 'type', messages: { 'zh-CN': '应为一组信息' } },
      ]);
    });

    it('should use the title for both languages when there are no x-labels', () => {
      const plain = compileForm({
        type: 'object',
        properties: { age: { type: 'integer', title: '年龄', maximum: 150 } },
      });
      expect(plain.validate({ age: 200 })[0]?.messages).toEqual({
        'zh-CN': '年龄：不能大于 150',
        en: '年龄: Must be at most 150',
      });
    });
  });

  describe('sensitivePaths', () => {
    it('should list the x-sensitive pointers including nested ones', () => {
      expect(compileForm(fixture('elder-archive')).sensitivePaths()).toEqual([
        '/idNumber',
        '/phone',
        '/emergencyContact/phone',
      ]);
    });
  });

  describe('mask', () => {
    it('should mask like maskSensitive on the same schema when the form is compiled', () => {
      // given an archive with sensitive values at two depths
      const data = {
        name: '王秀英',
        idNumber: '11010519491231002X',
        phone: '13812345678',
        emergencyContact: { name: '王强', phone: '13900001111' },
      };

      // when the compiled form masks it
      const masked = compileForm(fixture('elder-archive')).mask(data);

      // then the values are masked as maskSensitive masks them, and the input is untouched
      expect(masked).toEqual(maskSensitive(fixture('elder-archive'), data));
      expect(masked['phone']).toBe('138****5678');
      expect(data.phone).toBe('13812345678');
    });
  });
});
