import { useEffect, useState } from 'react';
import { getCardContract, getCarrierContract } from '../../../domain/api/public-read.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { call } from '../../services/api-client';
import type { LeadSource } from './lead-form-fields';

export interface LeadContext {
  card: CardView | null;
  carrierName: string | null;
}

/**
 * Whom the inquiry goes to: the card (and its district) or the carrier. Best effort: a failure leaves the form
 * usable. `districtId` is undefined until known, null when there is no district to ask about.
 */
export const useLeadContext = (source: LeadSource, enabled: boolean): { context: LeadContext; districtId: string | null | undefined } => {
  const [context, setContext] = useState<LeadContext>({ card: null, carrierName: null });
  const [districtId, setDistrictId] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    const load = async (): Promise<void> => {
      let card: CardView | null = null;
      let carrierName: string | null = null;
      let district: string | null = null;
      if (source.cardId || source.shareCode) {
        try {
          card = await call(getCardContract, { ...(source.cardId ? { cardId: source.cardId } : {}), ...(source.shareCode ? { shareCode: source.shareCode } : {}) });
          district = card.district.id;
        } catch {
          card = null;
        }
      }
      if (source.carrierId) {
        try {
          const carrier = await call(getCarrierContract, { carrierId: source.carrierId });
          carrierName = carrier.name;
          district ??= carrier.districtId;
        } catch {
          carrierName = null;
        }
      }
      if (!alive) return;
      setContext({ card, carrierName });
      setDistrictId(district);
    };
    void load();
    return () => {
      alive = false;
    };
  }, [enabled, source]);

  return { context, districtId };
};
