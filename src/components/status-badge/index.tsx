import { Text } from '@tarojs/components';
import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../domain/lead/lead-status.rules';
import './index.css';

export interface StatusBadgeProps {
  status: LeadStatus;
}

/** A lead's stage in the pipeline, coloured by stage. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <Text className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {LEAD_STATUS_LABELS[status]}
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
