import { Text } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import type { LeadStatus } from '../../../domain/lead/lead-status.rules';
import type { InquiryText } from '../../i18n/dictionary';
import './index.css';

export interface StatusBadgeProps {
  status: LeadStatus;
}

/** A lead's stage in the pipeline, coloured by stage. */
const statusText = (t: InquiryText, status: LeadStatus): string =>
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
  const t = useInquiryText();
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
