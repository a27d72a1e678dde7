import { Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../components/a11y';
import { ActionButton } from '../../components/action-button';
import { SectionBlock } from '../../components/section-block';
import { formatDateTime } from '../../format/date-time';
import type { Decision, DecisionDraft, DisputeItem } from './use-disputes';

export interface DisputeListProps {
  items: DisputeItem[];
  draft: DecisionDraft | null;
  deciding: boolean;
  error: string | null;
  onReason: (leadId: string, reason: string) => void;
  onDecide: (item: DisputeItem, decision: Decision) => void;
}

/** 首报争议: each open dispute with both reports, a reason box, and 支持 / 驳回. */
export function DisputeList({ items, draft, deciding, error, onReason, onDecide }: DisputeListProps) {
  return (
    <SectionBlock title="首报争议" extra={`待裁定 ${items.length} 件`} testId="arena-disputes">
      {items.length === 0 ? <Text className="arena__note">没有待裁定的首报申诉。</Text> : null}
      {items.map((item) => {
        const mine = draft?.leadId === item.leadId;
        return (
          <View key={item.leadId} className="arena__dispute" data-testid={`dispute-${item.leadId}`}>
            <Text className="arena__name">{item.company}</Text>
            <Text className="arena__note">
              {`首报：${item.dispute.holderUnitName ?? '未记入单位'}${item.holderReportedAt ? `（${formatDateTime(item.holderReportedAt)}）` : ''}；申诉：${item.unitName ?? '未记入单位'}（${formatDateTime(item.reportedAt)}）`}
            </Text>
            <Text className="arena__note">{`${item.dispute.raisedByName}：${item.dispute.reason}`}</Text>
            <Textarea
              className="arena__reason"
              value={mine ? draft.reason : ''}
              maxlength={200}
              placeholder="裁定理由（双方可在线索中看到）"
              data-testid={`decision-reason-${item.leadId}`}
              {...controlLabel(`${item.company} 的裁定理由`)}
              onInput={(e) => onReason(item.leadId, e.detail.value)}
            />
            {mine && error ? (
              <Text className="arena__error" data-testid="decision-error">
                {error}
              </Text>
            ) : null}
            <View className="arena__actions">
              <ActionButton text="驳回申诉" size="sm" tone="secondary" loading={deciding && mine} onClick={() => onDecide(item, 'rejected')} testId={`reject-${item.leadId}`} />
              <ActionButton text="支持申诉" size="sm" loading={deciding && mine} onClick={() => onDecide(item, 'upheld')} testId={`uphold-${item.leadId}`} />
            </View>
          </View>
        );
      })}
    </SectionBlock>
  );
}
