import type { ContentCheck } from '../../cloudfunctions/_lib/deps';

/**
 * The local cloud's stand-in for WeChat's msgSecCheck: a short word list, enough to exercise the
 * "content rejected" path end to end. Production moderation is WeChat's.
 */
const RISKY = ['赌博', '博彩', '代开发票', '枪支', '毒品', '色情', '诈骗'];

export const wordListContentCheck: ContentCheck = {
  async check(text) {
    const t = text.normalize('NFKC');
    return RISKY.some((w) => t.includes(w)) ? 'risky' : 'pass';
  },
};
