import { isId } from '../../domain/common/text';
import { SHARE_CHANNELS, type ShareChannel } from '../../domain/lead/lead.schema';
import { isShareCode } from '../../domain/share/share-code.rules';
import { entryChannel } from '../platform/launch-mode';

/** Where this visit came from, carried along from page to page so an inquiry credits the right card and share. */
export interface Journey {
  cardId: string | null;
  shareCode: string | null;
  channel: ShareChannel;
}

const decoded = (value: string | undefined): string => {
  if (!value) return '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
};

/** A well-formed id from the query, or null (a broken link must not reach the backend as garbage). */
export const idParam = (value: string | undefined): string | null => {
  const v = decoded(value);
  return isId(v) ? v : null;
};

const isChannel = (value: string): value is ShareChannel => (SHARE_CHANNELS as readonly string[]).includes(value);

/** Reads the journey a page was opened with; a page entered directly falls back to the entry's own channel. */
export const journeyFromParams = (params: Partial<Record<string, string>>): Journey => {
  const s = decoded(params.s);
  const channel = decoded(params.channel);
  return {
    cardId: idParam(params.cardId),
    shareCode: isShareCode(s) ? s : null,
    channel: isChannel(channel) ? channel : entryChannel(),
  };
};

/** The query a page opened along the journey carries (`openPage(ROUTES.carriers, journeyParams(journey, { districtId }))`). */
export const journeyParams = <Extra extends Record<string, string | null | undefined>>(journey: Journey, extra?: Extra) => ({
  ...extra,
  cardId: journey.cardId,
  s: journey.shareCode,
  channel: journey.channel,
});
