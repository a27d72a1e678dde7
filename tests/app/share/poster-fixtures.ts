import { isCjk } from '../../../src/share/poster/text-wrap';
import type { PosterContent, PosterFont } from '../../../src/share/poster/poster-layout';

/** A fake font: every CJK character (ideographs, kana, full-width punctuation) is 1 em, anything else ½ em. */
export const fakeMeasure = (text: string, font: PosterFont): number => Array.from(text).reduce((w, ch) => w + (isCjk(ch) ? 1 : 0.5) * font.size, 0);

/** Poster content shaped like the seeded demo district's head card. */
export const aPosterContent = (overrides: Partial<PosterContent> = {}): PosterContent => ({
  districtName: '云川市临江区（演示）',
  slogan: '临江而立，投资正当时',
  isDemo: true,
  person: { name: '林致远', title: '临江区区长 · 招商专员', unitName: '临江区投资促进局' },
  greeting: '招商，我们是认真的！期待牵线、投资、布局。',
  industries: ['数字经济', '先进制造', '生物医药'],
  figures: [
    { label: '地区生产总值', value: '1,286 亿元' },
    { label: '可招商面积', value: '112 万㎡' },
  ],
  responseNote: '1 个工作日内回复咨询',
  codeKind: 'url',
  ...overrides,
});

/** Everything as long as the schemas allow, and then some. */
export const anExtremePosterContent = (): PosterContent =>
  aPosterContent({
    districtName: '云川市临江区国家级经济技术开发区暨高新技术产业开发区管理委员会（演示）',
    slogan: '临江而立，投资正当时；产城融合新高地，智造未来看临江，欢迎各方客商来临江投资兴业、共谋发展！',
    person: {
      name: '欧阳司马长孙上官慕容皇甫诸葛',
      title: '临江区人民政府副区长、党组成员兼投资促进局局长、首席招商官',
      unitName: '临江区投资促进局（临江区招商引资工作领导小组办公室）',
    },
    greeting: '招商，我们是认真的！期待牵线、投资、布局。我们为每个项目配备专属服务专员，提供从选址、注册到投产的全程帮办代办服务。',
    industries: ['数字经济', '先进制造', '生物医药', '人工智能', '新能源', '现代商贸', '集成电路设计与封装测试'],
    figures: [
      { label: '地区生产总值（2025 年度，现价）', value: '1,286,000,000,000 元' },
      { label: '可招商面积', value: '112 万㎡' },
      { label: '高新技术企业', value: '860 家' },
    ],
    responseNote: '40 个工作小时内回复咨询',
  });
