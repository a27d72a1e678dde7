import { Input, Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { EnglishFieldsGroup } from '../../../components/english-fields-group';
import { SectionBlock } from '../../../components/section-block';
import { GREETING_EN_MAX, NAME_EN_MAX, TITLE_EN_MAX, type CardForm, type FieldErrors } from '../card-form';
import { FieldError } from './field-error';

type EnglishField = 'greetingEn' | 'nameEn' | 'titleEn';

interface EnglishSectionProps {
  form: CardForm;
  errors: FieldErrors;
  onChange: (field: EnglishField, value: string) => void;
}

/** 英文内容（可选）: what investors reading English see on this card; empty fields show the Chinese, marked «中文». */
export function EnglishSection({ form, errors, onChange }: EnglishSectionProps) {
  const filled = Boolean(form.greetingEn || form.nameEn || form.titleEn || errors.greetingEn || errors.nameEn || errors.titleEn);
  const line = (field: 'nameEn' | 'titleEn', label: string, max: number, placeholder: string) => (
    <View className="my-card__field">
      <Text className="my-card__label">{label}</Text>
      <Input className="my-card__input" value={form[field]} maxlength={max} placeholder={placeholder} onInput={(e) => onChange(field, e.detail.value)} data-testid={`${field}-input`} {...controlLabel(label)} />
      <FieldError field={field} errors={errors} />
    </View>
  );
  return (
    <SectionBlock title="英文名片" testId="section-english">
      <EnglishFieldsGroup testId="card-english" defaultOpen={filled}>
        {line('nameEn', '姓名（英文）', NAME_EN_MAX, '如：Zhou Ruolan')}
        {line('titleEn', '职务（英文）', TITLE_EN_MAX, '如：Investment officer')}
        <View className="my-card__field">
          <View className="my-card__label-row">
            <Text className="my-card__label">问候语（英文）</Text>
            <Text className="my-card__counter">
              {Array.from(form.greetingEn).length}/{GREETING_EN_MAX}
            </Text>
          </View>
          <Textarea
            className="my-card__textarea"
            value={form.greetingEn}
            maxlength={GREETING_EN_MAX}
            placeholder="One line on what you can do for investors"
            onInput={(e) => onChange('greetingEn', e.detail.value.replace(/[\r\n]+/g, ' '))}
            data-testid="greetingEn-input"
            {...controlLabel('问候语（英文）')}
          />
          <FieldError field="greetingEn" errors={errors} />
        </View>
      </EnglishFieldsGroup>
    </SectionBlock>
  );
}
