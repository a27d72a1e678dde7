import type { Carrier } from '../../domain/carrier/carrier.schema';
import { DomainError } from '../../domain/common/result';
import { canManageCarrier } from '../../domain/org/admin-access.rules';
import type { Deps } from '../_lib/deps';
import { getAnyCarrier } from '../_lib/repositories/carrier-admin.repository';
import type { Office } from './office-context';

/** A carrier the caller may manage (listed or withdrawn); anything else looks missing. */
export const loadManageableCarrier = async (deps: Deps, office: Office, carrierId: string): Promise<{ carrier: Carrier; listed: boolean }> => {
  const found = await getAnyCarrier(deps.store, carrierId);
  if (!found || !canManageCarrier(office.staff, found.carrier)) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  return found;
};
