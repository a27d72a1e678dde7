import * as v from 'valibot';
import { hasLoneSurrogate, line, paragraph } from '../../domain/common/text';

describe('user text rules', () => {
  const name = line(1, 10);
  const body = paragraph(0, 50);

  it('normalises and trims', () => {
    expect(v.parse(name, '  临江区  ')).toBe('临江区');
    expect(v.parse(name, 'e\u0301')).toBe('é');
    expect(v.parse(body, 'a\r\nb')).toBe('a\nb');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['lone high surrogate', 'a\uD800b'],
    ['lone low surrogate', '\uDC00'],
    ['right-to-left override', 'abc\u202Edef'],
    ['zero-width space', 'a\u200Bb'],
    ['newline in a single line', 'a\nb'],
    ['empty after trim', '   '],
    ['too long', '临'.repeat(11)],
  ])('rejects %s', (_label, value) => {
    expect(v.safeParse(name, value).success).toBe(false);
  });

  it.each([[{ $gt: '' }], [['a']], [1], [null]])('rejects non-strings %j', (value) => {
    expect(v.safeParse(name, value).success).toBe(false);
  });

  it('keeps valid surrogate pairs (emoji)', () => {
    expect(hasLoneSurrogate('招商🏢')).toBe(false);
    expect(v.parse(name, '招商🏢')).toBe('招商🏢');
  });
});
