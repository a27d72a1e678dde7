import type { CarrierShareImageContent } from '../../../domain/carrier/carrier-share-image.schema';
import type { ShareImageShape } from '../../../domain/share/share-image.schema';
import { SHARE_IMAGE_SIZES } from '../../../domain/share/share-image.schema';
import { formatArea, formatPrice } from '../../format/format';
import { carrierTypeText } from '../../i18n/carrier-text';
import type { Dictionary } from '../../i18n/dictionary';
import { COLOR } from '../../styles/tokens';
import { fitImage, type Size } from '../poster/image-fit';
import type { PosterFont, PosterLayout, PosterMeasure, PosterOp } from '../poster/poster-layout';
import { brandBackground, pill, text } from './share-image-parts';

/**
 * A carrier's share images as pure data, drawn by the poster's executor like a card's (share-image-layout.ts,
 * whose pieces it shares): the district as a pill, the carrier's photo (when it has one), its name, type and
 * street on the brand gradient, then a white panel with the vacant and total area and the price, in the
 * content's language. Every text is wrapped or cut with «…» to its box. Any change here that alters the drawing
 * must bump CARRIER_SHARE_IMAGE_LAYOUT_VERSION (domain/carrier/carrier-share-image.schema.ts).
 */

const MARGIN: Record<ShareImageShape, number> = { chat: 24, moments: 22 };
const PILL: PosterFont = { size: 15, weight: 400 };
const NAME: PosterFont = { size: 28, weight: 600 };
const NAME_LINE = 36;
const SUB: PosterFont = { size: 17, weight: 400 };
const SUB_LINE = 24;
const VALUE: PosterFont = { size: 22, weight: 600 };
const LABEL: PosterFont = { size: 13, weight: 400 };
const PRICE: PosterFont = { size: 16, weight: 400 };
const PHOTO_HEIGHT = 110;
const PANEL_HEIGHT = 112;
const PAD = 16;
const GAP = 12;

/** Lays out one shape of a carrier's share image at its exact size; `photo` is the loaded photo's size, or null. */
export const computeCarrierShareImageLayout = (content: CarrierShareImageContent, shape: ShareImageShape, measure: PosterMeasure, t: Dictionary, photo: Size | null): PosterLayout => {
  const { width, height } = SHARE_IMAGE_SIZES[shape];
  const lang = content.lang;
  const m = MARGIN[shape];
  const inner = width - 2 * m;
  const ops: PosterOp[] = [brandBackground(width, height)];

  let y = m;
  const demoWidth = content.isDemo ? Math.min(inner / 3, measure(t.demoTag, PILL) + 20) : 0;
  ops.push(...pill('district', content.districtName, measure, { x: m, y, maxWidth: inner - demoWidth - (demoWidth ? 8 : 0) }, PILL, { fill: COLOR.clear, color: COLOR.goldLight, stroke: { color: COLOR.onBrandOutline, width: 1 } }));
  if (content.isDemo) ops.push(...pill('demo', t.demoTag, measure, { x: width - m - demoWidth, y, maxWidth: demoWidth }, PILL, { fill: COLOR.onBrandShade, color: COLOR.goldLight }));
  y += PILL.size + 12 + GAP;

  if (photo) {
    const box = { x: m, y, width: inner, height: PHOTO_HEIGHT };
    const { source, dest } = fitImage(photo, box, 'cover');
    ops.push({ kind: 'rect', id: 'photo-bg', box, radius: 12, fill: COLOR.onBrandShade });
    ops.push({ kind: 'image', id: 'photo', box, source, dest, clip: 'rounded', radius: 12 });
    y += PHOTO_HEIGHT + GAP;
  }

  const panelTop = height - m - PANEL_HEIGHT;
  // The name takes what is left above the type line: two lines without a photo, one with.
  const nameLines = Math.max(1, Math.min(2, Math.floor((panelTop - GAP - SUB_LINE - y) / NAME_LINE)));
  const name = text('carrier-name', content.name, measure, { x: m, y, width: inner, maxLines: nameLines, lineHeight: NAME_LINE }, NAME, COLOR.surface);
  ops.push(name);
  y += name.box.height;
  ops.push(text('carrier-type', `${carrierTypeText(t, content.type)} · ${content.street}`, measure, { x: m, y, width: inner, maxLines: 1, lineHeight: SUB_LINE }, SUB, COLOR.goldPale));

  ops.push({ kind: 'rect', id: 'panel', box: { x: m, y: panelTop, width: inner, height: PANEL_HEIGHT }, radius: 14, fill: COLOR.surface });
  const px = m + PAD;
  const cell = (inner - 2 * PAD) / 2;
  const valueLine = VALUE.size + 6;
  const labelLine = LABEL.size + 6;
  const facts: [string, string, string][] = [
    ['vacant', content.hasVacancy ? formatArea(content.vacantArea, lang) : t.noVacancy, t.factAvailable],
    ['total', formatArea(content.totalArea, lang), t.factTotal],
  ];
  facts.forEach(([id, value, label], i) => {
    const fx = px + i * cell;
    const fy = panelTop + PAD;
    ops.push(text(`${id}-value`, value, measure, { x: fx, y: fy, width: cell - 8, maxLines: 1, lineHeight: valueLine }, VALUE, id === 'vacant' && content.hasVacancy ? COLOR.brandStrong : COLOR.text));
    ops.push(text(`${id}-label`, label, measure, { x: fx, y: fy + valueLine, width: cell - 8, maxLines: 1, lineHeight: labelLine }, LABEL, COLOR.textTertiary));
  });
  const price = formatPrice(content.priceMin, content.priceMax, content.priceUnit, lang);
  ops.push(text('price', `${t.factPrice} ${price}`, measure, { x: px, y: panelTop + PAD + valueLine + labelLine + 8, width: inner - 2 * PAD, maxLines: 1, lineHeight: PRICE.size + 8 }, PRICE, COLOR.textSecondary));

  return { width, height, ops, degradeLevel: 0 };
};
