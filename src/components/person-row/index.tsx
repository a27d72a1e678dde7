import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import type { Person } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import { Avatar } from '../avatar';
import { ChineseMark, chineseContent, ContentText } from '../chinese-mark';
import './index.css';
import { pressable } from '../a11y';

export interface PersonRowProps {
  person: Person;
  photoUrl: string | null;
  /** Industries to draw with the accent (the one being browsed). */
  highlight?: string | null;
  onOpen?: (person: Person) => void;
}

/** One commissioner in the directory: who, where, what they focus on; tapping opens their card. */
export function PersonRow({ person, photoUrl, highlight, onOpen }: PersonRowProps) {
  const t = useInquiryText();
  return (
    <View
      className="person-row"
      hoverClass="person-row--pressed"
      data-testid="person-row"
      onClick={() => onOpen?.(person)}
      {...pressable(onOpen, { role: 'link' })}
    >
      <Avatar name={person.name} src={photoUrl} size="md" nameZh={isFallbackZh(person, 'name')} />
      <View className="person-row__main">
        <View className="person-row__name-row">
          <ContentText className="person-row__name" text={person.name} zh={isFallbackZh(person, 'name')} />
          <ContentText className="person-row__title" text={person.title} zh={isFallbackZh(person, 'title')} />
        </View>
        <ContentText className="person-row__unit" text={person.unitName} zh={isFallbackZh(person, 'unitName')} />
        {person.industryFocus.length ? (
          <View className="person-row__tags">
            {person.industryFocus.map((industry, i) => (
              <Text
                key={industry}
                className={industry === highlight ? 'person-row__tag person-row__tag--on' : 'person-row__tag'}
                {...chineseContent(isFallbackZh(person, `industryFocus.${i}`))}
              >
                {industry}
                <ChineseMark show={isFallbackZh(person, `industryFocus.${i}`)} />
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {onOpen ? <Text className="person-row__more">{t.personCard}</Text> : null}
    </View>
  );
}
