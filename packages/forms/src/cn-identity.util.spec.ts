import { describe, expect, it } from '@jest/globals';
import { checkChineseIdNumber, isChineseIdNumber, isChineseMobile } from './cn-identity.util.js';

describe(isChineseIdNumber.name, () => {
  it.each(['11010519491231002X', '11010519491231002x', '110101200002290018', '320102198001011238'])(
    'should accept %s when checksum, date and region are valid',
    (value) => {
      expect(isChineseIdNumber(value)).toBe(true);
    },
  );

  it.each([
    ['110105194912310029', 'checksum'],
    ['110105194913310021', 'birth-date'],
    ['110101190002290013', 'birth-date'],
    ['110105194902300029', 'birth-date'],
    ['000105194912310023', 'region'],
    ['11010519491231002', 'format'],
    ['1101051949123100200', 'format'],
    ['11010519491231002Y', 'format'],
    ['', 'format'],
  ] as const)('should refuse %s when the %s is wrong', (value, reason) => {
    // when / then
    expect(isChineseIdNumber(value)).toBe(false);
    expect(checkChineseIdNumber(value)).toBe(reason);
  });
});

describe(isChineseMobile.name, () => {
  it.each(['13812345678', '19912345678', '15000000000'])('should accept %s', (value) => {
    expect(isChineseMobile(value)).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', ''])(
    'should refuse %s',
    (value) => {
      expect(isChineseMobile(value)).toBe(false);
    },
  );
});
