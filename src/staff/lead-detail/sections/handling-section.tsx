import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import type { LeadDetail } from '../use-lead-detail';
import { Row, Section } from './section';

export interface HandlingSectionProps {
  lead: LeadDetail['lead'];
  shareChain: string[];
  canAct: boolean;
  onAssign: () => void;
  /** 认领 from the 待认领 pool (shown while nobody handles the lead). */
  claim: { pending: boolean; error: string | null; onClaim: () => void };
}

/** 承办与推荐: who handles the lead, who brought it and along which share chain; the handler may hand it on, anyone in the pool may 认领 it. */
export function HandlingSection({ lead, shareChain, canAct, onAssign, claim }: HandlingSectionProps) {
  return (
    <Section title="承办与推荐" testId="handling-section" extra={canAct ? <ActionButton text="转交" size="sm" tone="secondary" onClick={onAssign} testId="open-assign" /> : undefined}>
      {canAct && lead.handlerName === null ? (
        <View data-testid="detail-claim">
          <ActionButton text="认领这条线索" size="sm" loading={claim.pending} onClick={claim.onClaim} testId="claim-lead" />
          {claim.error ? (
            <Text className="lead-detail__meta" aria-live="polite">
              {claim.error}
            </Text>
          ) : null}
        </View>
      ) : null}
      <Row label="承办单位" value={lead.handlerUnitName} />
      <Row label="承办人" value={lead.handlerName ?? '待认领'} />
      <Row label="推荐人" value={lead.creditName} />
      <Row label="分享链路" value={shareChain.length ? shareChain.join(' → ') : null} />
    </Section>
  );
}
