import { ActionButton } from '../../../components/action-button';
import type { LeadDetail } from '../use-lead-detail';
import { Row, Section } from './section';

/** 承办与推荐: who handles the lead, who brought it and along which share chain; the handler may hand it on. */
export function HandlingSection({ lead, shareChain, canAct, onAssign }: { lead: LeadDetail['lead']; shareChain: string[]; canAct: boolean; onAssign: () => void }) {
  return (
    <Section title="承办与推荐" testId="handling-section" extra={canAct ? <ActionButton text="转交" size="sm" tone="secondary" onClick={onAssign} testId="open-assign" /> : undefined}>
      <Row label="承办单位" value={lead.handlerUnitName} />
      <Row label="承办人" value={lead.handlerName ?? '待认领'} />
      <Row label="推荐人" value={lead.creditName} />
      <Row label="分享链路" value={shareChain.length ? shareChain.join(' → ') : null} />
    </Section>
  );
}
