import { Text, View } from '@tarojs/components';
import type { CardView } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import { ContactCard } from '../../components/contact-card';
import { QrTile } from '../../components/qr-tile';
import { SectionBlock } from '../../components/section-block';
import { telHref } from '../../format/tel-href';
import { useText } from '../../i18n/text-context';
import { imageUrl } from '../../platform/image-url';

export interface CardContactSectionProps {
  card: CardView;
  /** The district's first-response promise, in words. */
  responseNote: string;
  /** The QR code image of the owner (of the successor when the owner left), resolved for this platform; null when none is published. */
  qrSrc: string | null;
  /** The web calls with `tel:` links; the mini-program through `onCall`. */
  web: boolean;
  canSaveQr: boolean;
  onCall: (phone: string) => void;
  onCopyWechat: (wechatId: string) => void;
  onPreviewQr: () => void;
  onSaveQr: () => void;
}

/** 联系我们: the card's owner (and their QR code), then the on-duty commissioner who answers inquiries, if any. */
export function CardContactSection({ card, responseNote, qrSrc, web, canSaveQr, onCall, onCopyWechat, onPreviewQr, onSaveQr }: CardContactSectionProps) {
  const t = useText();
  const { owner, contact } = card;
  // The owner left: the successor answers, with their QR code; the owner's own contact never reaches the page.
  const departed = card.ownerDeparted === true && contact !== null;
  return (
    <SectionBlock title={t.cardContactTitle} testId="contact-block">
      <ContactCard
        testId="owner-contact"
        person={owner}
        photoUrl={imageUrl(owner.photo)}
        role={t.cardOwnerRole}
        greeting={card.greeting || undefined}
        greetingZh={isFallbackZh(card, 'greeting')}
        responseNote={contact ? undefined : responseNote}
        phoneHref={web && owner.phone ? telHref(owner.phone) : undefined}
        privateNote={departed ? t.cardOwnerDeparted(owner.name) : contact ? t.cardPrivateToDuty : t.cardPrivate}
        onCall={onCall}
        onCopyWechat={onCopyWechat}
      />
      {!departed && owner.wechatQr && qrSrc ? <QrTile src={qrSrc} name={owner.name} canSave={canSaveQr} onPreview={onPreviewQr} onSave={onSaveQr} /> : null}
      {contact ? (
        <View className="card-page__duty">
          <Text className="card-page__duty-title">{departed ? t.cardSuccessorTitle : t.cardDutyTitle}</Text>
          <ContactCard
            testId="duty-contact"
            person={contact}
            photoUrl={imageUrl(contact.photo)}
            role={t.cardDutyRole}
            responseNote={responseNote}
            phoneHref={web && contact.phone ? telHref(contact.phone) : undefined}
            onCall={onCall}
            onCopyWechat={onCopyWechat}
          />
          {departed && contact.wechatQr && qrSrc ? <QrTile src={qrSrc} name={contact.name} canSave={canSaveQr} onPreview={onPreviewQr} onSave={onSaveQr} /> : null}
        </View>
      ) : null}
    </SectionBlock>
  );
}
