import { describe, expect, it } from '@jest/globals';
import { applyServerErrors, errorSchemaEntries, errorSchemaFrom } from './error-schema.util.js';

describe('error-schema.util', () => {
  it('should nest messages by pointer and keep each message once', () => {
    // given two errors at one field and one at the root
    const errors = [
      { path: '/emergencyContact/phone', message: '联系人手机：手机号码无效' },
      { path: '/emergencyContact/phone', message: '联系人手机：手机号码无效' },
      { path: '', message: '表单有误' },
    ];
    // when turned into an ErrorSchema
    const schema = errorSchemaFrom(errors);
    // then rjsf finds them where it renders the fields
    expect(schema).toEqual({
      emergencyContact: { phone: { __errors: ['联系人手机：手机号码无效'] } },
      __errors: ['表单有误'],
    });
    expect(errorSchemaEntries(schema)).toEqual([
      { path: '/emergencyContact/phone', message: '联系人手机：手机号码无效' },
      { path: '', message: '表单有误' },
    ]);
  });

  it('should put server errors under /data at their field and others at the form when applied', () => {
    // given a problem+json errors list of POST /api/records
    const problemErrors = [
      { path: '/data/idNumber', message: '身份证号：身份证号码无效（校验位不符）' },
      { path: '/formKey', message: 'Unknown form' },
    ];
    // when applied
    const extraErrors = applyServerErrors(problemErrors);
    // then
    expect(extraErrors).toEqual({
      idNumber: { __errors: ['身份证号：身份证号码无效（校验位不符）'] },
      __errors: ['Unknown form'],
    });
    expect(applyServerErrors(undefined)).toEqual({});
  });
});
