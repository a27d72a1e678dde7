import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import type { Person } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import { Avatar } from '../avatar';
import { ContentText } from '../chinese-mark';
import './index.css';
import { pressable } from '../a11y';

export interface ContactCardProps {
  person: Person;
  photoUrl: string | null;
  /** What this person is to the visitor, e.g. 名片主人 / 咨询对接人. */
  role: string;
  greeting?: string;
  /** The greeting is Chinese for want of English on an English page: marked «中文». */
  greetingZh?: boolean;
  /** e.g. 工作日 8 小时内首次响应. */
  responseNote?: string;
  /** On the web a phone call is a plain `tel:` link; in the mini-program it is an API call (`onCall`). */
  phoneHref?: string;
  /** Shown instead of phone and WeChat when the person publishes neither. */
  privateNote?: string;
  onCall?: (phone: string) => void;
  onCopyWechat?: (wechatId: string) => void;
  testId?: string;
}

export function ContactCard({
  person,
  photoUrl,
  role,
  greeting,
  greetingZh = false,
  responseNote,
  phoneHref,
  privateNote,
  onCall,
  onCopyWechat,
  testId,
}: ContactCardProps) {
  const t = useText();
  const { phone, wechatId } = person;
  return (
    <View className="contact-card" data-testid={testId ?? 'contact-card'}>
      <View className="contact-card__head">
        <Avatar name={person.name} src={photoUrl} nameZh={isFallbackZh(person, 'name')} />
        <View className="contact-card__who">
          <View className="contact-card__name-row">
            <ContentText className="contact-card__name" text={person.name} zh={isFallbackZh(person, 'name')} />
            <Text className="contact-card__role">{role}</Text>
          </View>
          <ContentText className="contact-card__title" text={person.title} zh={isFallbackZh(person, 'title')} />
          <ContentText className="contact-card__unit" text={person.unitName} zh={isFallbackZh(person, 'unitName')} />
        </View>
      </View>

      {greeting ? <ContentText className="contact-card__greeting" testId="card-greeting" text={greeting} zh={greetingZh} /> : null}

      {phone || wechatId ? (
        <View className="contact-card__lines">
          {phone ? (
            <View className="contact-card__line">
              <Text className="contact-card__line-label">{t.contactPhone}</Text>
              <Text className="contact-card__line-value contact-card__phone" userSelect>
                {phone}
              </Text>
            </View>
          ) : null}
          {wechatId ? (
            <View className="contact-card__line">
              <Text className="contact-card__line-label">{t.contactWechat}</Text>
              <Text className="contact-card__line-value contact-card__wechat" userSelect>
                {wechatId}
              </Text>
            </View>
          ) : null}
        </View>
      ) : (
        <Text className="contact-card__private">{privateNote ?? t.cardPrivate}</Text>
      )}

      {phone || wechatId ? (
        <View className="contact-card__actions">
          {phone && phoneHref ? (
            <a className="contact-card__action contact-card__action--primary contact-card__call" href={phoneHref} data-testid="call-button" aria-label={t.callWithNumber(phone)}>
              {t.actionCall}
            </a>
          ) : null}
          {phone && !phoneHref ? (
            <View
              className="contact-card__action contact-card__action--primary contact-card__call"
              hoverClass="contact-card__action--pressed"
              data-testid="call-button"
              onClick={() => onCall?.(phone)}
              {...pressable(() => onCall?.(phone), { label: t.callWithNumber(phone) })}
            >
              <Text>{t.actionCall}</Text>
            </View>
          ) : null}
          {wechatId ? (
            <View
              className="contact-card__action contact-card__copy"
              hoverClass="contact-card__action--pressed"
              data-testid="copy-wechat-button"
              onClick={() => onCopyWechat?.(wechatId)}
              {...pressable(() => onCopyWechat?.(wechatId))}
            >
              <Text>{t.actionCopyWechat}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {responseNote ? <Text className="contact-card__note">{responseNote}</Text> : null}
    </View>
  );
}
