import { Text } from '@tarojs/components';
import type { LeadStatus } from '../../../domain/lead/lead-status.rules';
import type { Dictionary } from '../../i18n/dictionary';
import { useText } from '../../i18n/text-context';
import './index.css';

export interface StatusBadgeProps {
  status: LeadStatus;
}

/** A lead's stage in the pipeline, coloured by stage. */
const statusText = (t: Dictionary, status: LeadStatus): string =>
  ({
    new: t.statusNew,
    contacted: t.statusContacted,
    site_visit: t.statusSiteVisit,
    negotiating: t.statusNegotiating,
    signed: t.statusSigned,
    landed: t.statusLanded,
    invalid: t.statusInvalid,
  })[status];

export function StatusBadge({ status }: StatusBadgeProps) {
  const t = useText();
  return (
    <Text className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {statusText(t, status)}
    </Text>
  );
}

/** Past the first-response deadline without a response. */
export function OverdueBadge() {
  return (
    <Text className="status-badge status-badge--overdue" data-testid="overdue-badge">
      超时
    </Text>
  );
}
