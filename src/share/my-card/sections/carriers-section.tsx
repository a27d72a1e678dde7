import { Input, Text } from '@tarojs/components';
import { useState } from 'react';
import { controlLabel } from '../../../components/a11y';
import { ChoiceChips } from '../../../components/choice-chips';
import { SectionBlock } from '../../../components/section-block';
import { MAX_FEATURED_CARRIERS, type FieldErrors } from '../card-form';
import { FieldError } from './field-error';

/** Carriers lists longer than this get a name filter. */
const CARRIER_FILTER_FROM = 8;

interface CarriersSectionProps {
  carriers: ReadonlyArray<{ id: string; name: string }>;
  selected: readonly string[];
  errors: FieldErrors;
  onToggle: (id: string) => void;
}

/** 精选载体: the carriers the card shows first, chosen ones on top; a long list can be filtered by name. */
export function CarriersSection({ carriers, selected, errors, onToggle }: CarriersSectionProps) {
  const [filter, setFilter] = useState('');
  const keyword = filter.trim();
  const options = carriers
    .filter((c) => !keyword || c.name.includes(keyword) || selected.includes(c.id))
    .sort((a, b) => Number(selected.includes(b.id)) - Number(selected.includes(a.id)))
    .map((c) => ({ value: c.id, label: c.name }));
  return (
    <SectionBlock title="精选载体" extra={`已选 ${selected.length}/${MAX_FEATURED_CARRIERS}`} testId="section-carriers">
      <Text className="my-card__section-note">名片上优先展示前 3 个；不选则展示空置面积最大的载体。</Text>
      {carriers.length > CARRIER_FILTER_FROM ? (
        <Input className="my-card__input my-card__filter" value={filter} placeholder="搜索载体名称" onInput={(e) => setFilter(e.detail.value)} data-testid="carrier-filter" {...controlLabel('搜索载体名称')} />
      ) : null}
      {options.length ? (
        <ChoiceChips options={options} selected={selected} onToggle={onToggle} block testId="carrier-chips" />
      ) : (
        <Text className="my-card__section-note">{carriers.length ? '没有名称匹配的载体' : '本区暂无载体'}</Text>
      )}
      <FieldError field="featuredCarrierIds" errors={errors} />
    </SectionBlock>
  );
}
