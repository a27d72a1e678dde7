import { Image, Text, View } from '@tarojs/components';
import { Avatar } from '../avatar';
import './index.css';
import { imageAlt } from '../a11y';

export interface CardPreviewProps {
  districtName: string;
  slogan: string;
  person: { name: string; title: string; unitName: string; photoUrl: string | null };
  greeting: string;
  /** Contact lines as visitors will see them: hidden ones are left out by the caller. */
  contacts: readonly { label: string; value: string }[];
  /** The WeChat QR thumbnail when it is public and loadable here. */
  wechatQrUrl: string | null;
  industries: readonly string[];
  carriers: readonly string[];
  /** The on-duty commissioner who answers this card's inquiries (leaders' cards). */
  duty: { name: string; title: string } | null;
}

/** A small rendering of the card as visitors will see it, updated as the owner edits. */
export function CardPreview({ districtName, slogan, person, greeting, contacts, wechatQrUrl, industries, carriers, duty }: CardPreviewProps) {
  return (
    <View className="card-preview" data-testid="card-preview">
      <View className="card-preview__hero">
        <Text className="card-preview__district">{districtName}</Text>
        {slogan ? <Text className="card-preview__slogan">{slogan}</Text> : null}
      </View>
      <View className="card-preview__body">
        <View className="card-preview__person">
          <Avatar name={person.name} src={person.photoUrl} size="md" />
          <View className="card-preview__who">
            <Text className="card-preview__name">{person.name}</Text>
            <Text className="card-preview__title" data-testid="preview-title">
              {person.title}
            </Text>
            {person.unitName ? <Text className="card-preview__unit">{person.unitName}</Text> : null}
          </View>
          {wechatQrUrl ? <Image className="card-preview__qr" src={wechatQrUrl} mode="aspectFit" {...imageAlt('微信二维码')} /> : null}
        </View>

        {greeting ? (
          <Text className="card-preview__greeting" data-testid="preview-greeting">
            {greeting}
          </Text>
        ) : null}

        {contacts.length ? (
          <View className="card-preview__contacts">
            {contacts.map((c) => (
              <View key={c.label} className="card-preview__contact">
                <Text className="card-preview__contact-label">{c.label}</Text>
                <Text className="card-preview__contact-value">{c.value}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className="card-preview__private">联系方式未公开</Text>
        )}

        {duty ? (
          <View className="card-preview__duty" data-testid="preview-duty">
            <Text className="card-preview__duty-label">咨询对接</Text>
            <Text className="card-preview__duty-value">
              {duty.name} · {duty.title}
            </Text>
          </View>
        ) : null}

        {industries.length ? (
          <View className="card-preview__tags">
            {industries.map((tag) => (
              <Text key={tag} className="card-preview__tag">
                {tag}
              </Text>
            ))}
          </View>
        ) : null}

        {carriers.length ? (
          <Text className="card-preview__carriers">
            精选载体：{carriers.join('、')}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
