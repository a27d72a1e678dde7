import { Text, View } from '@tarojs/components';
import { PAGE_HEADING } from '../../../components/a11y';
import { OverdueBadge, StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../format/date-time';
import type { LeadDetail } from '../use-lead-detail';

export interface LeadHeaderProps {
  lead: LeadDetail['lead'];
  view: LeadDetail['view'];
  canAct: boolean;
  channelLabel: string;
}

/** The page's heading: who asked, the status, where it came from and the first-response promise. */
export function LeadHeader({ lead, view, canAct, channelLabel }: LeadHeaderProps) {
  return (
    <>
      {!canAct ? (
        <View className="lead-detail__readonly" data-testid="read-only-note">
          <Text>
            {view === 'referrer'
              ? '您是这条线索的推荐人：可查看企业、需求和办理进展；投资者的姓名、联系方式、留言和跟进记录仅承办人可见。'
              : view === 'participant'
                ? '您作为载体管理员参与这条线索：可查看需求、进度和回复，并给经办人留言；办理由经办人进行。'
                : '这条线索由同事承办：您可查看，处理由承办人或单位负责人进行。'}
          </Text>
        </View>
      ) : null}

      <View className="lead-detail__header">
        <View className="lead-detail__header-top">
          {/* A referrer does not get the person's name: the company stands in for it. */}
          <Text {...PAGE_HEADING} className="lead-detail__name">{lead.contactName ?? (lead.company || '投资者')}</Text>
          <View className="lead-detail__badges">
            {lead.overdue ? <OverdueBadge /> : null}
            <StatusBadge status={lead.status} />
          </View>
        </View>
        {lead.company && lead.contactName ? <Text className="lead-detail__company">{lead.company}</Text> : null}
        <Text className="lead-detail__meta">
          {formatDateTime(lead.createdAt)} 提交 · 来自{channelLabel}
        </Text>
        <View
          className={lead.firstRespondedAt ? 'lead-detail__sla lead-detail__sla--done' : lead.overdue ? 'lead-detail__sla lead-detail__sla--late' : 'lead-detail__sla'}
          data-testid="sla-note"
        >
          <Text>
            {lead.firstRespondedAt
              ? `已于 ${formatDateTime(lead.firstRespondedAt)} 首次回复`
              : `${lead.overdue ? '已超过' : ''}首次回复时限 ${formatDateTime(lead.firstResponseDueAt)}`}
          </Text>
        </View>
      </View>
    </>
  );
}
