import { Input, Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { SectionBlock } from '../../../components/section-block';
import { GREETING_MAX, TITLE_MAX, type CardForm, type FieldErrors } from '../card-form';
import { FieldError } from './field-error';
import { ImageControl, type ImageUploads } from './image-control';

interface PersonSectionProps {
  form: CardForm;
  errors: FieldErrors;
  personName: string;
  uploads: ImageUploads;
  onTitle: (value: string) => void;
  onGreeting: (value: string) => void;
}

/** 个人信息: title, greeting (with its count) and photo. */
export function PersonSection({ form, errors, personName, uploads, onTitle, onGreeting }: PersonSectionProps) {
  return (
    <SectionBlock title="个人信息" testId="section-person">
      <View className="my-card__field">
        <Text className="my-card__label">职务</Text>
        <Input className="my-card__input" value={form.title} maxlength={TITLE_MAX} placeholder="如：投资促进局 招商专员" onInput={(e) => onTitle(e.detail.value)} data-testid="title-input" {...controlLabel('职务')} />
        <FieldError field="title" errors={errors} />
      </View>
      <View className="my-card__field">
        <View className="my-card__label-row">
          <Text className="my-card__label">问候语</Text>
          <Text className="my-card__counter">
            {Array.from(form.greeting).length}/{GREETING_MAX}
          </Text>
        </View>
        <Textarea
          className="my-card__textarea"
          value={form.greeting}
          maxlength={GREETING_MAX}
          placeholder="一句话介绍你能为投资者做什么"
          onInput={(e) => onGreeting(e.detail.value)}
          data-testid="greeting-input"
          {...controlLabel('问候语')}
        />
        <FieldError field="greeting" errors={errors} />
      </View>
      <View className="my-card__field">
        <Text className="my-card__label">照片</Text>
        <ImageControl field="photo" current={form.photo} emptyText="" personName={personName} uploads={uploads} />
        <FieldError field="photo" errors={errors} />
      </View>
    </SectionBlock>
  );
}
