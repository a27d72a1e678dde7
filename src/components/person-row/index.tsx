import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import type { Person } from '../../../domain/api/views.schema';
import { Avatar } from '../avatar';
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
  const t = useText();
  return (
    <View
      className="person-row"
      hoverClass="person-row--pressed"
      data-testid="person-row"
      onClick={() => onOpen?.(person)}
      {...pressable(onOpen, { role: 'link' })}
    >
      <Avatar name={person.name} src={photoUrl} size="md" />
      <View className="person-row__main">
        <View className="person-row__name-row">
          <Text className="person-row__name">{person.name}</Text>
          <Text className="person-row__title">{person.title}</Text>
        </View>
        <Text className="person-row__unit">{person.unitName}</Text>
        {person.industryFocus.length ? (
          <View className="person-row__tags">
            {person.industryFocus.map((industry) => (
              <Text key={industry} className={industry === highlight ? 'person-row__tag person-row__tag--on' : 'person-row__tag'}>
                {industry}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {onOpen ? <Text className="person-row__more">{t.personCard}</Text> : null}
    </View>
  );
}
