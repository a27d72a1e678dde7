import { isCjk, isClosingPunctuation, isOpeningPunctuation, tokenize, withEllipsis, wrapText } from '../../../src/share/poster/text-wrap';
import { fakeMeasure } from './poster-fixtures';

/** Font size 10: a CJK character is 10 wide, a Latin character 5. */
const m = (s: string) => fakeMeasure(s, { size: 10, weight: 400 });
const em = (n: number) => n * 10;

describe('tokenize', () => {
  it('makes each CJK character a unit and keeps Latin words and numbers whole', () => {
    expect(tokenize('支持5G和AI产业').map((t) => t.text)).toEqual(['支', '持', '5G', '和', 'AI', '产', '业']);
    expect(tokenize('产值1,286亿元').map((t) => t.text)).toEqual(['产', '值', '1,286', '亿', '元']);
  });

  it('glues closing punctuation to the unit before and opening punctuation to the unit after', () => {
    expect(tokenize('临江，欢迎（您）。').map((t) => t.text)).toEqual(['临', '江，', '欢', '迎', '（您）。']);
    expect(tokenize('“5G”产业').map((t) => t.text)).toEqual(['“5G”', '产', '业']);
  });

  it('keeps spaces as break opportunities', () => {
    expect(tokenize('Invest  in 临江')).toEqual([
      { text: 'Invest', space: false },
      { text: '  ', space: true },
      { text: 'in', space: false },
      { text: ' ', space: true },
      { text: '临', space: false },
      { text: '江', space: false },
    ]);
  });

  it('classifies characters', () => {
    expect(isCjk('临')).toBe(true);
    expect(isCjk('，')).toBe(true);
    expect(isCjk('𠀋')).toBe(true);
    expect(isCjk('A')).toBe(false);
    expect(isClosingPunctuation('。')).toBe(true);
    expect(isClosingPunctuation('」')).toBe(true);
    expect(isOpeningPunctuation('《')).toBe(true);
    expect(isOpeningPunctuation('。')).toBe(false);
  });
});

describe('wrapText', () => {
  it('breaks anywhere between CJK characters', () => {
    expect(wrapText('招商引资服务全程帮办', m, { maxWidth: em(4), maxLines: 5 })).toEqual({ lines: ['招商引资', '服务全程', '帮办'], truncated: false });
  });

  it('never starts a line with closing punctuation: the character before moves down with it', () => {
    expect(wrapText('临江而立，投资正当时。', m, { maxWidth: em(4), maxLines: 5 }).lines).toEqual(['临江而', '立，投资', '正当时。']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(wrapText('欢迎（临江）投资', m, { maxWidth: em(3), maxLines: 5 }).lines).toEqual(['欢迎', '（临', '江）投', '资']);
  });

  it('keeps Latin words and numbers together and breaks them at spaces', () => {
    expect(wrapText('Invest in Linjiang today', m, { maxWidth: em(5), maxLines: 5 }).lines).toEqual(['Invest in', 'Linjiang', 'today']);
    expect(wrapText('招商热线 0571-87654321 欢迎来电', m, { maxWidth: em(8), maxLines: 5 }).lines).toEqual(['招商热线', '0571-87654321 欢', '迎来电']);
  });

  it('mixes CJK and Latin without splitting a word', () => {
    const { lines } = wrapText('重点发展5G通信、AI算力和新能源汽车产业集群', m, { maxWidth: em(6), maxLines: 6 });
    expect(lines).toEqual(['重点发展5G通', '信、AI算力和', '新能源汽车产', '业集群']);
  });

  it('breaks a word wider than the line between characters, still obeying the punctuation rules', () => {
    expect(wrapText('Supercalifragilistic', m, { maxWidth: em(5), maxLines: 5 }).lines).toEqual(['Supercalif', 'ragilistic']);
    expect(wrapText('abcdefghij,klm', m, { maxWidth: em(5), maxLines: 5 }).lines).toEqual(['abcdefghi', 'j,klm']);
    expect(wrapText('abcdefghi(jkl', m, { maxWidth: em(5), maxLines: 5 }).lines).toEqual(['abcdefghi', '(jkl']);
  });

  it('cuts the last allowed line with an ellipsis that fits', () => {
    const result = wrapText('临江区位于云川市东部滨江发展带', m, { maxWidth: em(5), maxLines: 2 });
    expect(result).toEqual({ lines: ['临江区位于', '云川市东…'], truncated: true });
    expect(m(result.lines[1])).toBeLessThanOrEqual(em(5));
  });

  it('drops a dangling comma or opening bracket before the ellipsis', () => {
    expect(wrapText('一二三四，五六七八九十', m, { maxWidth: em(5), maxLines: 1 }).lines).toEqual(['一二三四…']);
    expect(withEllipsis('一二三（', m, em(5))).toBe('一二三…');
    expect(withEllipsis('Invest ', m, em(5))).toBe('Invest…');
  });

  it('treats newlines as paragraph breaks and ignores empty paragraphs', () => {
    expect(wrapText('第一段\n\n第二段', m, { maxWidth: em(10), maxLines: 5 }).lines).toEqual(['第一段', '第二段']);
    expect(wrapText('一\n二\n三', m, { maxWidth: em(10), maxLines: 2 })).toEqual({ lines: ['一', '二…'], truncated: true });
  });

  it('returns no lines for blank text and at least one allowed line for nonsense limits', () => {
    expect(wrapText('   ', m, { maxWidth: em(5), maxLines: 3 })).toEqual({ lines: [], truncated: false });
    expect(wrapText('招商引资', m, { maxWidth: em(2), maxLines: 0 }).lines).toEqual(['招…']);
  });

  it('holds its rules on generated mixes of CJK, Latin, numbers, punctuation and spaces', () => {
    let seed = 20261101;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ['招商', '引资', '临江区', '产业园', '服务', 'AI', 'GDP', '5G', '2026', '1,286', 'Linjiang', '区'];
    const closers = ['，', '。', '、', '）', '」', '！'];
    const openers = ['（', '「', '“'];
    // Sentence-like text: words, sometimes opened by a bracket, sometimes closed by punctuation, sometimes spaced.
    const phrase = () => `${rand(6) === 0 ? openers[rand(openers.length)] : ''}${words[rand(words.length)]}${rand(3) === 0 ? closers[rand(closers.length)] : ''}${rand(5) === 0 ? ' ' : ''}`;
    for (let round = 0; round < 400; round += 1) {
      const text = Array.from({ length: 1 + rand(20) }, phrase).join('');
      const maxWidth = em(4 + rand(9));
      const { lines, truncated } = wrapText(text, m, { maxWidth, maxLines: 50 });
      for (const [i, line] of lines.entries()) {
        expect(m(line)).toBeLessThanOrEqual(maxWidth);
        expect(line).toBe(line.trim());
        // The text's own first character may be punctuation; no break may create one.
        if (i > 0) expect(isClosingPunctuation(Array.from(line)[0])).toBe(false);
        if (i < lines.length - 1) expect(isOpeningPunctuation(Array.from(line).pop() as string)).toBe(false);
      }
      expect(truncated).toBe(false);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });
});
