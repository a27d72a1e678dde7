import { Text } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { SectionBlock } from '../../../components/section-block';
import { MAX_FEATURED_INDUSTRIES, type FieldErrors } from '../card-form';
import { FieldError } from './field-error';

interface IndustriesSectionProps {
  districtIndustries: readonly string[];
  selected: readonly string[];
  errors: FieldErrors;
  onToggle: (name: string) => void;
}

/** 精选产业: up to six of the district's industries this person works on. */
export function IndustriesSection({ districtIndustries, selected, errors, onToggle }: IndustriesSectionProps) {
  return (
    <SectionBlock title="精选产业" extra={`已选 ${selected.length}/${MAX_FEATURED_INDUSTRIES}`} testId="section-industries">
      <Text className="my-card__section-note">从本区主导产业中选择你重点对接的方向；不选则显示本区主导产业。</Text>
      <ChoiceChips options={districtIndustries.map((name) => ({ value: name, label: name }))} selected={selected} onToggle={onToggle} testId="industry-chips" />
      <FieldError field="featuredIndustries" errors={errors} />
    </SectionBlock>
  );
}
