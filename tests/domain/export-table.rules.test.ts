import { csvField, escapeFormulaCell, tableToCsv } from '../../domain/report/export-table.rules';

describe('export cells (CWE-1236)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['\0cmd', "'\0cmd"],
    ['云帆 = 好', '云帆 = 好'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(escapeFormulaCell(input)).toBe(output));

  it('leaves numbers as numbers, even negative ones (they are values, not formulas)', () => {
    expect(escapeFormulaCell(-5)).toBe(-5);
    expect(escapeFormulaCell(12)).toBe(12);
  });

  it('quotes CSV fields after escaping, and writes a BOM and CRLF lines', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('\r\n')).toBe(`"'\r\n"`);
    expect(tableToCsv({ title: 't', header: ['a', 'b'], rows: [['=1', 2]] })).toBe("\uFEFFa,b\r\n'=1,2\r\n");
  });
});
