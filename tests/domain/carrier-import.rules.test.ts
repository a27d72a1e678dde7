import { IMPORT_COLUMNS, importTemplateCsv, mapHeader, parseCsv, validateImportRow } from '../../domain/carrier/carrier-import.rules';
import { parallelListCell } from '../../domain/import/import-file.rules';

describe('carrier import rules', () => {
  it('the template names every column, English ones included, and its example row is valid with its English read', () => {
    const [header, example, ...rest] = parseCsv(importTemplateCsv());
    expect(rest).toEqual([]);
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    expect(header).toEqual(expect.arrayContaining(['名称（英文）', '街道（英文）', '地址（英文）', '配套设施（英文）', '适合产业（英文）', '管理人（英文）']));
    const { index, missing } = mapHeader(header);
    expect(missing).toEqual([]);
    const outcome = validateImportRow(example, index);
    if (!outcome.ok) throw new Error(outcome.problem.code);
    expect(outcome.carrier).toMatchObject({
      name: '示例标准厂房',
      nameEn: 'Sample Standard Factory',
      addressEn: '1 Jinwan Road, Linjiang District, Yunchuan',
      facilities: ['行车 10 吨', '货梯'],
      facilitiesEn: ['Overhead crane, 10 t', 'Freight lift'],
      managerNameEn: 'Mr Qian',
    });
  });

  it('a file without the English columns, or with them empty, carries no English (what is stored stays)', () => {
    const chinese = IMPORT_COLUMNS.filter((c) => !c.header.includes('英文')).map((c) => c.header);
    const [, example] = parseCsv(importTemplateCsv());
    const outcome = validateImportRow(example.slice(0, chinese.length), mapHeader(chinese).index);
    expect(outcome.ok && Object.keys(outcome.carrier).filter((k) => k.endsWith('En'))).toEqual([]);
    const blank = [...example.slice(0, chinese.length), '', '', '', '', '', ''];
    const again = validateImportRow(blank, mapHeader(IMPORT_COLUMNS.map((c) => c.header)).index);
    expect(again.ok && Object.keys(again.carrier).filter((k) => k.endsWith('En'))).toEqual([]);
  });

  it('English list items keep their places: an empty one falls back to its Chinese item, commas stay inside a phrase', () => {
    expect(parallelListCell('Crane, 10 t;; Lift ;')).toEqual(['Crane, 10 t', '', 'Lift']);
    expect(parallelListCell('A\nB；C')).toEqual(['A', 'B', 'C']);
  });
});
