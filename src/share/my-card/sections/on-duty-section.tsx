import { Text, View } from '@tarojs/components';
import { tappable } from '../../../components/a11y';
import { SectionBlock } from '../../../components/section-block';
import type { FieldErrors } from '../card-form';
import { FieldError } from './field-error';

interface OnDutySectionProps {
  colleagues: ReadonlyArray<{ staffId: string; name: string; title: string }>;
  selected: string | null;
  errors: FieldErrors;
  onChoose: (staffId: string | null) => void;
}

/** 值班专员 (leaders only): who answers the inquiries this card brings — a colleague, or nobody named (the leader). */
export function OnDutySection({ colleagues, selected, errors, onChoose }: OnDutySectionProps) {
  return (
    <SectionBlock title="值班专员" testId="on-duty-picker">
      <Text className="my-card__section-note" data-testid="on-duty-note">
        指定后，名片收到的咨询由值班专员接待，名片上显示其联系方式。你的手机号可以保持不公开（关闭上方「公开手机号」即可）。
      </Text>
      <View className="my-card__options">
        {[{ staffId: null as string | null, name: '不指定', title: '咨询由我本人接待' }, ...colleagues].map((c) => {
          const on = selected === c.staffId;
          return (
            <View
              key={c.staffId ?? 'none'}
              className={on ? 'my-card__option my-card__option--on' : 'my-card__option'}
              hoverClass="my-card__option--pressed"
              data-staff-id={c.staffId ?? ''}
              data-selected={on ? 'true' : 'false'}
              aria-checked={on ? 'true' : 'false'}
              {...tappable({ role: 'radio' })}
              onClick={() => onChoose(c.staffId)}
            >
              <View className={on ? 'my-card__radio my-card__radio--on' : 'my-card__radio'} aria-hidden="true" />
              <View className="my-card__option-text">
                <Text className="my-card__option-name">{c.name}</Text>
                <Text className="my-card__option-title">{c.title}</Text>
              </View>
            </View>
          );
        })}
      </View>
      <FieldError field="onDutyStaffId" errors={errors} />
    </SectionBlock>
  );
}
