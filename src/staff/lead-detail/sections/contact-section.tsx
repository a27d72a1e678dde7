import { Text } from '@tarojs/components';
import { ContactReveal } from '../../../components/contact-reveal';
import type { LeadDetail, RevealedContact } from '../use-lead-detail';
import { Section } from './section';

export interface ContactSectionProps {
  lead: LeadDetail['lead'];
  revealed: RevealedContact | null;
  canReveal: boolean;
  revealing: boolean;
  /** A `tel:` link for the revealed number (H5 only). */
  phoneHref?: string;
  onReveal: () => void;
  onCall: (phone: string) => void;
  onCopy: (value: string) => void;
  /** Saves the revealed contact to the phone's address book (WeChat only). */
  onAddContact?: () => void;
  /** For a participant without the shared contact: who holds it («联系方式由经办人 X 掌握»). */
  holderName?: string;
}

/** 联系方式: masked until an audited reveal; hidden from those who may not see it; stopped once the investor withdrew consent or was erased. */
export function ContactSection({ lead, revealed, canReveal, revealing, phoneHref, onReveal, onCall, onCopy, onAddContact, holderName }: ContactSectionProps) {
  return (
    <Section title="联系方式" testId="contact-section">
      {lead.privacyState ? (
        <Text className="lead-detail__meta" data-testid="contact-stopped">
          {lead.privacyState === 'anonymised' ? '已匿名：投资者的个人信息已删除' : '已撤回同意：投资者要求不再联系，联系方式不可查看'}
        </Text>
      ) : lead.phoneMasked === null ? (
        <Text className="lead-detail__meta" data-testid="contact-hidden">
          {holderName ? `联系方式由经办人 ${holderName} 掌握` : '联系方式仅承办人可见'}
        </Text>
      ) : (
        <ContactReveal
          phoneMasked={lead.phoneMasked}
          maskedWay={lead.maskedWay ?? 'phone'}
          revealed={revealed}
          canReveal={canReveal}
          revealing={revealing}
          onReveal={onReveal}
          onCall={onCall}
          onCopy={onCopy}
          phoneHref={phoneHref}
          onAddContact={onAddContact}
        />
      )}
    </Section>
  );
}
