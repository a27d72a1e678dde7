import type { CardView } from '../../../domain/api/views.schema';
import { formatResponsePromise } from '../../format/format';
import type { PosterContent } from './poster-layout';

/**
 * Who the poster names: the card's owner, or — once the owner has left (`ownerDeparted`) — the successor who answers
 * the card now. A poster printed from a card shared before a handover shows the current contact, never the person
 * who left.
 */
export const posterPersonOf = (card: Pick<CardView, 'owner' | 'contact' | 'ownerDeparted'>): CardView['owner'] => (card.ownerDeparted === true && card.contact ? card.contact : card.owner);

/** What a card's poster says: the card as visitors see it, reduced to the poster's blocks. */
export const posterContentFromCard = (card: CardView, codeKind: PosterContent['codeKind'], lang: 'zh' | 'en' = 'zh'): PosterContent => {
  const person = posterPersonOf(card);
  return {
    districtName: card.district.name,
    slogan: card.district.slogan,
    isDemo: card.district.isDemo,
    person: { name: person.name, title: person.title, unitName: person.unitName },
    // The departed owner's greeting is their own first-person words («有问题随时找我»): not printed under the successor.
    greeting: person === card.owner ? card.greeting : '',
    industries: card.featuredIndustries.length ? card.featuredIndustries : card.district.keyIndustries,
    figures: card.district.headlineFigures.slice(0, 2),
    responseNote: card.district.firstResponseHours > 0 ? formatResponsePromise(card.district.firstResponseHours, lang) : null,
    codeKind,
    lang,
  };
};

/** "招商名片-林致远.png": names the downloaded file after the person, without characters file systems refuse. */
export const posterFileName = (personName: string): string => `招商名片-${personName.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 20) || '海报'}.png`;
