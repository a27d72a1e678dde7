import { Text, View } from '@tarojs/components';
import type { InvestorLead } from '../../../domain/api/lead.contracts';
import { MessageThread, type ThreadMessage } from '../message-thread';
import { PromiseNote } from '../promise-note';
import { StatusBadge } from '../status-badge';
import { formatDateTime } from '../../format/date-time';
import './index.css';

export interface MyLeadCardProps {
  lead: InvestorLead;
}

const threadOf = (lead: InvestorLead): ThreadMessage[] => {
  const own: ThreadMessage[] = lead.message ? [{ id: `${lead.id}-msg`, author: '我的留言', text: lead.message, at: lead.createdAt, fromInvestor: true }] : [];
  return [...own, ...lead.replies.map((r, i) => ({ id: `${lead.id}-r${i}`, author: r.staffName, text: r.text, at: r.at, fromInvestor: false }))];
};

/** One of the investor's inquiries: where it stands, whether the promise held, who handles it, the replies. */
export function MyLeadCard({ lead }: MyLeadCardProps) {
  return (
    <View className="my-lead-card" data-testid="my-lead" data-lead-id={lead.id}>
      <View className="my-lead-card__head">
        <View className="my-lead-card__title-col">
          <Text className="my-lead-card__title">{lead.carrierName ?? `${lead.industry}投资咨询`}</Text>
          <Text className="my-lead-card__sub">
            {lead.carrierName ? `${lead.industry} · ` : ''}提交于 {formatDateTime(lead.createdAt)}
          </Text>
        </View>
        <StatusBadge status={lead.status} />
      </View>

      <View className="my-lead-card__promise">
        <PromiseNote hours={lead.promiseHours} kept={lead.promiseKept} respondedAt={lead.firstRespondedAt} dueAt={lead.firstResponseDueAt} />
      </View>

      <View className="my-lead-card__handler">
        <Text className="my-lead-card__handler-label">对接专员</Text>
        <Text className="my-lead-card__handler-name" data-testid="handler-name">
          {lead.handlerName ?? '正在为您安排专员'}
        </Text>
      </View>

      <View className="my-lead-card__thread">
        <MessageThread messages={threadOf(lead)} />
        {!lead.replies.length ? (
          <Text className="my-lead-card__awaiting" data-testid="awaiting-reply">
            专员回复后将显示在这里
          </Text>
        ) : null}
      </View>
    </View>
  );
}
