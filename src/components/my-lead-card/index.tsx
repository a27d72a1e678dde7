import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import { useLanguage } from '../../i18n/text-context';
import type { InvestorLead } from '../../../domain/api/lead.contracts';
import { isFallbackZh } from '../../../domain/common/content-language';
import { ContentText } from '../chinese-mark';
import { MessageThread, type ThreadMessage } from '../message-thread';
import { PromiseNote } from '../promise-note';
import { StatusBadge } from '../status-badge';
import { formatDateTime } from '../../format/date-time';
import './index.css';

export interface MyLeadCardProps {
  lead: InvestorLead;
}

const threadOf = (lead: InvestorLead, mine: string): ThreadMessage[] => {
  const own: ThreadMessage[] = lead.message ? [{ id: `${lead.id}-msg`, author: mine, text: lead.message, at: lead.createdAt, fromInvestor: true }] : [];
  return [
    ...own,
    ...lead.replies.map((r, i) => ({
      id: `${lead.id}-r${i}`,
      author: r.staffName,
      text: r.text,
      at: r.at,
      fromInvestor: false,
      authorZh: isFallbackZh(lead, `replies.${i}.staffName`),
      textZh: isFallbackZh(lead, `replies.${i}.text`),
    })),
  ];
};

/** One of the investor's inquiries: where it stands, whether the promise held, who handles it, the replies. */
export function MyLeadCard({ lead }: MyLeadCardProps) {
  const t = useInquiryText();
  const lang = useLanguage();
  return (
    <View className="my-lead-card" data-testid="my-lead" data-lead-id={lead.id}>
      <View className="my-lead-card__head">
        <View className="my-lead-card__title-col">
          {lead.carrierName ? (
            <View className="my-lead-card__title">
              <ContentText text={lead.carrierName} zh={isFallbackZh(lead, 'carrierName')} />
            </View>
          ) : (
            <Text className="my-lead-card__title">{t.leadTitleFallback(lead.industry)}</Text>
          )}
          <Text className="my-lead-card__sub">
            {lead.carrierName ? `${lead.industry} · ` : ''}
            {t.submittedAt(formatDateTime(lead.createdAt, new Date(), lang))}
          </Text>
        </View>
        <StatusBadge status={lead.status} />
      </View>

      <View className="my-lead-card__promise">
        <PromiseNote hours={lead.promiseHours} kept={lead.promiseKept} respondedAt={lead.firstRespondedAt} dueAt={lead.firstResponseDueAt} />
      </View>

      <View className="my-lead-card__handler">
        <Text className="my-lead-card__handler-label">{t.handlerLabel}</Text>
        {lead.handlerName ? (
          <ContentText className="my-lead-card__handler-name" testId="handler-name" text={lead.handlerName} zh={isFallbackZh(lead, 'handlerName')} />
        ) : (
          <Text className="my-lead-card__handler-name" data-testid="handler-name">
            {t.handlerPending}
          </Text>
        )}
      </View>

      <View className="my-lead-card__thread">
        <MessageThread messages={threadOf(lead, t.myMessage)} />
        {!lead.replies.length ? (
          <Text className="my-lead-card__awaiting" data-testid="awaiting-reply">
            {t.awaitingReply}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
