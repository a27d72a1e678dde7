import type { CardView } from '../../../domain/api/views.schema';
import { formatResponsePromise } from '../../format/format';
import type { PosterContent } from './poster-layout';

/** What a card's poster says: the card as visitors see it, reduced to the poster's blocks. */
export const posterContentFromCard = (card: CardView, codeKind: PosterContent['codeKind'], lang: 'zh' | 'en' = 'zh'): PosterContent => ({
  districtName: card.district.name,
  slogan: card.district.slogan,
  isDemo: card.district.isDemo,
  person: { name: card.owner.name, title: card.owner.title, unitName: card.owner.unitName },
  greeting: card.greeting,
  industries: card.featuredIndustries.length ? card.featuredIndustries : card.district.keyIndustries,
  figures: card.district.headlineFigures.slice(0, 2),
  responseNote: card.district.firstResponseHours > 0 ? formatResponsePromise(card.district.firstResponseHours, lang) : null,
  codeKind,
  lang,
});

/** "招商名片-林致远.png": names the downloaded file after the person, without characters file systems refuse. */
export const posterFileName = (personName: string): string => `招商名片-${personName.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 20) || '海报'}.png`;
