import { Text, View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import './index.css';
import { pressable } from '../a11y';

export interface RevealedContact {
  /** null when the investor left only an email or a WeChat ID. */
  phone: string | null;
  email: string | null;
  wechatId: string | null;
}

export interface ContactRevealProps {
  phoneMasked: string;
  /** What `phoneMasked` is: the phone, or the email / WeChat ID of an investor who left no phone. */
  maskedWay?: 'phone' | 'email' | 'wechat';
  revealed: RevealedContact | null;
  /** Only people who may work the lead can reveal its contact. */
  canReveal: boolean;
  revealing: boolean;
  onReveal: () => void;
  onCall: (phone: string) => void;
  onCopy: (value: string, what: string) => void;
  /** Mini-program only (addPhoneContact); omitted on the web. */
  onAddContact?: () => void;
  /** On the web a call is a plain `tel:` link. */
  phoneHref?: string;
}

/** The investor's contact: masked until 查看联系方式, which the backend writes to the audit log. */
const MASKED_LABELS = { phone: '电话', email: '邮箱', wechat: '微信' } as const;

export function ContactReveal({ phoneMasked, maskedWay = 'phone', revealed, canReveal, revealing, onReveal, onCall, onCopy, onAddContact, phoneHref }: ContactRevealProps) {
  if (!revealed) {
    return (
      <View className="contact-reveal" data-testid="contact-masked">
        <View className="contact-reveal__line">
          <Text className="contact-reveal__label">{MASKED_LABELS[maskedWay]}</Text>
          <Text className="contact-reveal__value contact-reveal__value--masked" data-testid="phone-masked">
            {phoneMasked}
          </Text>
        </View>
        {canReveal ? (
          <View className="contact-reveal__cta">
            <ActionButton text="查看联系方式" size="md" tone="secondary" loading={revealing} onClick={onReveal} testId="reveal-contact" />
            <Text className="contact-reveal__audit">查看将被记录（查看人、时间），请仅用于对接本次咨询</Text>
          </View>
        ) : (
          <Text className="contact-reveal__audit">仅承办人可查看完整联系方式</Text>
        )}
      </View>
    );
  }
  const { phone, email, wechatId } = revealed;
  return (
    <View className="contact-reveal" data-testid="contact-revealed">
      {phone ? (
        <View className="contact-reveal__line">
          <Text className="contact-reveal__label">电话</Text>
          <Text className="contact-reveal__value" userSelect data-testid="phone-full">
            {phone}
          </Text>
          <Text className="contact-reveal__copy" onClick={() => onCopy(phone, '电话')} {...pressable(() => onCopy(phone, '电话'), { label: '复制电话' })}>
            复制
          </Text>
        </View>
      ) : null}
      {email ? (
        <View className="contact-reveal__line">
          <Text className="contact-reveal__label">邮箱</Text>
          <Text className="contact-reveal__value" userSelect>
            {email}
          </Text>
          <Text className="contact-reveal__copy" onClick={() => onCopy(email, '邮箱')} {...pressable(() => onCopy(email, '邮箱'), { label: '复制邮箱' })}>
            复制
          </Text>
        </View>
      ) : null}
      {wechatId ? (
        <View className="contact-reveal__line">
          <Text className="contact-reveal__label">微信</Text>
          <Text className="contact-reveal__value" userSelect>
            {wechatId}
          </Text>
          <Text className="contact-reveal__copy" onClick={() => onCopy(wechatId, '微信号')} {...pressable(() => onCopy(wechatId, '微信号'), { label: '复制微信号' })}>
            复制
          </Text>
        </View>
      ) : null}
      <View className="contact-reveal__actions">
        {!phone ? null : phoneHref ? (
          <a className="contact-reveal__call" href={phoneHref} data-testid="call-investor">
            拨打电话
          </a>
        ) : (
          <View className="contact-reveal__action">
            <ActionButton text="拨打电话" size="md" block onClick={() => onCall(phone)} testId="call-investor" />
          </View>
        )}
        {onAddContact ? (
          <View className="contact-reveal__action">
            <ActionButton text="存入通讯录" size="md" tone="secondary" block onClick={onAddContact} testId="add-contact" />
          </View>
        ) : null}
      </View>
      <Text className="contact-reveal__audit">{phone ? '已记录本次查看。通话后请在下方「记录通话」。' : '已记录本次查看。投资者未留电话，请通过邮箱或微信联系。'}</Text>
    </View>
  );
}
