import { Input, ScrollView, Switch, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import type { Dictionary } from '../../i18n/dictionary';
import { useEffect, useState } from 'react';
import './index.css';
import { controlLabel, pressable } from '../a11y';
import { COLOR } from '../../styles/tokens';

export interface FilterValues {
  industry: string | null;
  street: string | null;
  hasVacancy: boolean;
  minVacantArea: number | null;
  maxVacantArea: number | null;
  maxPrice: number | null;
}

export const EMPTY_FILTERS: FilterValues = { industry: null, street: null, hasVacancy: false, minVacantArea: null, maxVacantArea: null, maxPrice: null };

export interface FilterSheetProps {
  open: boolean;
  values: FilterValues;
  industries: readonly string[];
  streets: readonly string[];
  /**
   * Unit of the price filter, e.g. 元/㎡·天. Null disables it: carriers of different types are priced in
   * different units, so a price ceiling only means something within one type.
   */
  priceUnitLabel: string | null;
  onApply: (values: FilterValues) => void;
  onClose: () => void;
}

const AREA_PRESETS: ReadonlyArray<{ label: keyof Dictionary; min: number | null; max: number | null }> = [
  { label: 'filterAny', min: null, max: null },
  { label: 'filterUnder500', min: null, max: 500 },
  { label: 'filter500To2000', min: 500, max: 2000 },
  { label: 'filter2000To10000', min: 2000, max: 10000 },
  { label: 'filterOver10000', min: 10000, max: null },
];

/** A non-negative number typed by hand, or null when empty or not a number. */
export const parseAmount = (text: string): number | null => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

const amountText = (n: number | null): string => (n === null ? '' : String(n));

interface ChipsProps {
  options: readonly string[];
  selected: string | null;
  onSelect: (value: string | null) => void;
  testId: string;
}

function Chips({ options, selected, onSelect, testId }: ChipsProps) {
  const t = useText();
  return (
    <View className="filter-sheet__chips" data-testid={testId} role="radiogroup">
      <Text
        className={selected === null ? 'filter-sheet__chip filter-sheet__chip--on' : 'filter-sheet__chip'}
        onClick={() => onSelect(null)}
        aria-checked={selected === null ? 'true' : 'false'}
        {...pressable(() => onSelect(null), { role: 'radio' })}
      >
        {t.filterAny}
      </Text>
      {options.map((option) => (
        <Text
          key={option}
          className={selected === option ? 'filter-sheet__chip filter-sheet__chip--on' : 'filter-sheet__chip'}
          onClick={() => onSelect(selected === option ? null : option)}
          aria-checked={selected === option ? 'true' : 'false'}
          {...pressable(() => onSelect(selected === option ? null : option), { role: 'radio' })}
        >
          {option}
        </Text>
      ))}
    </View>
  );
}

/** The carrier filters in a bottom sheet: changes apply together on 查看结果. */
export function FilterSheet({ open, values, industries, streets, priceUnitLabel, onApply, onClose }: FilterSheetProps) {
  const t = useText();
  const [draft, setDraft] = useState<FilterValues>(values);
  const [minText, setMinText] = useState(amountText(values.minVacantArea));
  const [maxText, setMaxText] = useState(amountText(values.maxVacantArea));
  const [priceText, setPriceText] = useState(amountText(values.maxPrice));

  useEffect(() => {
    if (!open) return;
    setDraft(values);
    setMinText(amountText(values.minVacantArea));
    setMaxText(amountText(values.maxVacantArea));
    setPriceText(amountText(values.maxPrice));
  }, [open, values]);

  if (!open) return null;

  const patch = (change: Partial<FilterValues>) => setDraft((d) => ({ ...d, ...change }));
  const setArea = (min: number | null, max: number | null) => {
    patch({ minVacantArea: min, maxVacantArea: max });
    setMinText(amountText(min));
    setMaxText(amountText(max));
  };
  const apply = () => {
    let min = parseAmount(minText);
    let max = parseAmount(maxText);
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    onApply({ ...draft, minVacantArea: min, maxVacantArea: max, maxPrice: priceUnitLabel ? parseAmount(priceText) : null });
  };
  const reset = () => {
    setDraft(EMPTY_FILTERS);
    setMinText('');
    setMaxText('');
    setPriceText('');
  };

  return (
    <View className="filter-sheet" data-testid="filter-sheet" catchMove>
      <View className="filter-sheet__backdrop" onClick={onClose} aria-hidden="true" />
      <View className="filter-sheet__panel">
        <View className="filter-sheet__head">
          <Text className="filter-sheet__title">{t.filterTitle}</Text>
          <Text className="filter-sheet__close" data-testid="filter-close" onClick={onClose} {...pressable(onClose, { label: t.filterClose })}>
            ×
          </Text>
        </View>
        <ScrollView className="filter-sheet__body" scrollY>
          <View className="filter-sheet__group">
            <View className="filter-sheet__row">
              <Text className="filter-sheet__label">{t.filterVacantOnly}</Text>
              <Switch
                className="filter-sheet__switch"
                data-testid="filter-has-vacancy"
                checked={draft.hasVacancy}
                {...controlLabel(t.filterVacantOnly)}
                color={COLOR.brand}
                onChange={(e) => patch({ hasVacancy: Boolean(e.detail.value) })}
              />
            </View>
          </View>

          <View className="filter-sheet__group">
            <Text className="filter-sheet__label">{t.filterArea}</Text>
            <View className="filter-sheet__chips" data-testid="filter-area">
              {AREA_PRESETS.map((preset) => {
                const on = parseAmount(minText) === preset.min && parseAmount(maxText) === preset.max;
                return (
                  <Text key={preset.label} className={on ? 'filter-sheet__chip filter-sheet__chip--on' : 'filter-sheet__chip'}
                    onClick={() => setArea(preset.min, preset.max)}
                    aria-checked={on ? 'true' : 'false'}
                    {...pressable(() => setArea(preset.min, preset.max), { role: 'radio' })}
                  >
                    {t[preset.label] as string}
                  </Text>
                );
              })}
            </View>
            <View className="filter-sheet__range">
              <Input
                className="filter-sheet__input"
                data-testid="filter-area-min"
                type="digit"
                value={minText}
                placeholder={t.filterMin}
                maxlength={9}
                {...controlLabel(t.filterMinLabel)}
                onInput={(e) => setMinText(e.detail.value)}
              />
              <Text className="filter-sheet__dash">—</Text>
              <Input
                className="filter-sheet__input"
                data-testid="filter-area-max"
                type="digit"
                value={maxText}
                placeholder={t.filterMax}
                maxlength={9}
                {...controlLabel(t.filterMaxLabel)}
                onInput={(e) => setMaxText(e.detail.value)}
              />
              <Text className="filter-sheet__unit">{t.areaUnit}</Text>
            </View>
          </View>

          {industries.length ? (
            <View className="filter-sheet__group">
              <Text className="filter-sheet__label">{t.filterIndustry}</Text>
              <Chips testId="filter-industry" options={industries} selected={draft.industry} onSelect={(industry) => patch({ industry })} />
            </View>
          ) : null}

          {streets.length ? (
            <View className="filter-sheet__group">
              <Text className="filter-sheet__label">{t.filterStreet}</Text>
              <Chips testId="filter-street" options={streets} selected={draft.street} onSelect={(street) => patch({ street })} />
            </View>
          ) : null}

          <View className="filter-sheet__group">
            <Text className="filter-sheet__label">{t.filterMaxPrice}</Text>
            {priceUnitLabel ? (
              <View className="filter-sheet__range">
                <Input
                  className="filter-sheet__input filter-sheet__input--wide"
                  data-testid="filter-max-price"
                  type="digit"
                  value={priceText}
                  placeholder={t.filterAny}
                  maxlength={9}
                  {...controlLabel(t.filterMaxPriceLabel(priceUnitLabel))}
                  onInput={(e) => setPriceText(e.detail.value)}
                />
                <Text className="filter-sheet__unit">{priceUnitLabel}</Text>
              </View>
            ) : (
              <Text className="filter-sheet__hint">{t.filterPriceNeedsType}</Text>
            )}
          </View>
        </ScrollView>
        <View className="filter-sheet__foot">
          <View className="filter-sheet__reset" data-testid="filter-reset" onClick={reset} {...pressable(reset)}>
            <Text>{t.filterReset}</Text>
          </View>
          <View className="filter-sheet__apply" data-testid="filter-apply" onClick={apply} {...pressable(apply)}>
            <Text>{t.filterApply}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}
