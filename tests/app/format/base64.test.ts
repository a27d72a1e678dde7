import { utf8ToBase64 } from '../../../src/format/base64';

describe('utf8ToBase64 (no btoa or TextEncoder in WeChat)', () => {
  it.each(['', 'a', 'ab', 'abc', '外部编号,类型,名称\n', '\uFEFF临江金融中心 😀', 'x'.repeat(1000)])('matches Node for %j', (s) => {
    expect(utf8ToBase64(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
  });
});
