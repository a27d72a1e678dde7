import { useEffect, useState } from 'react';
import { getCardContract, getCarrierContract } from '../../../domain/api/public-read.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import type { Language } from '../../i18n/dictionary';
import { call } from '../../services/api-client';
import type { LeadSource } from './lead-form-fields';

export interface LeadContext {
  card: CardView | null;
  /** The carrier asked about, in the page's language; `zh` when its name exists only in Chinese. */
  carrier: { name: string; zh: boolean } | null;
}

/**
 * Whom the inquiry goes to: the card (and its district) or the carrier, read in the page's language. Best
 * effort: a failure leaves the form usable. `districtId` is undefined until known, null when there is no district
 * to ask about.
 */
export const useLeadContext = (source: LeadSource, enabled: boolean, lang: Language = 'zh'): { context: LeadContext; districtId: string | null | undefined } => {
  const [context, setContext] = useState<LeadContext>({ card: null, carrier: null });
  const [districtId, setDistrictId] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    const load = async (): Promise<void> => {
      let card: CardView | null = null;
      let carrier: LeadContext['carrier'] = null;
      let district: string | null = null;
      if (source.cardId || source.shareCode) {
        try {
          card = await call(getCardContract, { ...(source.cardId ? { cardId: source.cardId } : {}), ...(source.shareCode ? { shareCode: source.shareCode } : {}), ...(lang === 'en' ? { lang } : {}) });
          district = card.district.id;
        } catch {
          card = null;
        }
      }
      if (source.carrierId) {
        try {
          const view = await call(getCarrierContract, { carrierId: source.carrierId, ...(lang === 'en' ? { lang } : {}) });
          carrier = { name: view.name, zh: isFallbackZh(view, 'name') };
          district ??= view.districtId;
        } catch {
          carrier = null;
        }
      }
      if (!alive) return;
      setContext({ card, carrier });
      setDistrictId(district);
    };
    void load();
    return () => {
      alive = false;
    };
  }, [enabled, source, lang]);

  return { context, districtId };
};
