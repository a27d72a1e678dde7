import { Text, View } from '@tarojs/components';
import type { StaffLeadSummary } from '../../../domain/api/workspace.contracts';
import { OverdueBadge, StatusBadge } from '../status-badge';
import { formatDateTime, formatRelative } from '../../format/date-time';
import './index.css';
import { pressable } from '../a11y';

export interface LeadListItemProps {
  lead: StaffLeadSummary;
  onOpen: (leadId: string) => void;
  /** For tests and stable rendering; defaults to the device clock. */
  now?: Date;
}

/** One lead in the staff inbox: who, what they need, where it stands, how long it has waited. */
export function LeadListItem({ lead, onOpen, now }: LeadListItemProps) {
  const waiting = !lead.firstRespondedAt;
  return (
    <View
      className={lead.overdue ? 'lead-list-item lead-list-item--overdue' : 'lead-list-item'}
      hoverClass="lead-list-item--pressed"
      data-testid="lead-item"
      data-lead-id={lead.id}
      onClick={() => onOpen(lead.id)}
      {...pressable(() => onOpen(lead.id), { role: 'link' })}
    >
      <View className="lead-list-item__top">
        {/* Under 我推荐的 the person's name is not shown (contact data): the company stands in for it. */}
        <Text className="lead-list-item__name">{lead.contactName ?? (lead.company || '投资者')}</Text>
        {lead.company && lead.contactName ? <Text className="lead-list-item__company">{lead.company}</Text> : null}
        <View className="lead-list-item__badges">
          {lead.overdue ? <OverdueBadge /> : null}
          <StatusBadge status={lead.status} />
        </View>
      </View>
      <View className="lead-list-item__need">
        <Text className="lead-list-item__chip">{lead.industry}</Text>
        <Text className="lead-list-item__chip">{lead.scale}</Text>
        {lead.carrierName ? <Text className="lead-list-item__chip lead-list-item__chip--carrier">{lead.carrierName}</Text> : null}
      </View>
      <View className="lead-list-item__bottom">
        <Text className="lead-list-item__meta">
          {lead.handlerName ? `${lead.handlerName} · ${lead.handlerUnitName}` : `${lead.handlerUnitName} · 待认领`}
        </Text>
        <Text className={lead.overdue ? 'lead-list-item__time lead-list-item__time--late' : 'lead-list-item__time'}>
          {waiting ? `${lead.overdue ? '已超时' : '待回复'} · 时限 ${formatDateTime(lead.firstResponseDueAt, now)}` : formatRelative(lead.createdAt, now)}
        </Text>
      </View>
    </View>
  );
}
