import zlib from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { neutralise, toCsv, toXlsx } from './spreadsheet.util.js';

/** Reads the entries of a ZIP written by toXlsx (deflated, sizes in the local headers). */
function unzip(archive: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  let offset = 0;
  while (archive.readUInt32LE(offset) === 0x04034b50) {
    const size = archive.readUInt32LE(offset + 18);
    const nameLength = archive.readUInt16LE(offset + 26);
    const name = archive.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength;
    entries.set(name, zlib.inflateRawSync(archive.subarray(start, start + size)).toString('utf8'));
    offset = start + size;
  }
  return entries;
}

describe(neutralise.name, () => {
  it('should prefix text that a spreadsheet would run as a formula and leave numbers alone', () => {
    expect(['=1+1', '+86', '-x', '@SUM(A1)', '\tx', 'ok', -5, null].map(neutralise)).toEqual([
      "'=1+1",
      "'+86",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      'ok',
      -5,
      null,
    ]);
  });
});

describe(toCsv.name, () => {
  it('should write a BOM, quote what needs quoting and neutralise formulas', () => {
    const csv = toCsv(
      ['姓名', '备注'],
      [
        ['王秀英', '=HYPERLINK("http://x")'],
        ['李, "二"', 'a\nb'],
      ],
    ).toString('utf8');
    expect(csv).toBe('\uFEFF姓名,备注\r\n王秀英,"\'=HYPERLINK(""http://x"")"\r\n"李, ""二""","a\nb"\r\n');
  });
});

describe(toXlsx.name, () => {
  it('should write a workbook whose sheet holds typed, escaped and neutralised cells', () => {
    // given rows with text, numbers, booleans and a formula
    const workbook = toXlsx(
      '巴氏/评估',
      ['姓名', '总分', '昏迷'],
      [
        ['<王&>', 65, false],
        ['=cmd|calc', null, true],
      ],
    );

    // when it is unzipped
    const entries = unzip(workbook);

    // then every part is there and the cells are as written
    expect([...entries.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">&lt;王&amp;&gt;</t></is></c>',
    );
    expect(sheet).toContain('<c r="B2"><v>65</v></c>');
    expect(sheet).toContain('<c r="C2" t="b"><v>0</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">\'=cmd|calc</t>');
    expect(entries.get('xl/workbook.xml')).toContain('name="巴氏 评估"');
  });
});
