import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CARRIER_SORTS } from '../../../domain/api/public-read.contracts';
import { CARRIER_TYPES, type CarrierType } from '../../../domain/carrier/carrier.schema';
import { freshness } from '../../../domain/carrier/carrier.rules';
import { PRICE_SORT_UNIT_ORDER, type CarrierSort } from '../../../domain/carrier/carrier-search.rules';
import { CarrierSummaryCard } from '../../components/carrier-summary-card';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { FilterSheet, type FilterValues } from '../../components/filter-sheet';
import { ListSkeleton } from '../../components/list-skeleton';
import { LoadMoreFooter, type LoadMoreState } from '../../components/load-more-footer';
import { OfflineNote } from '../../components/offline-note';
import { SearchBar } from '../../components/search-bar';
import { Segmented } from '../../components/segmented';
import { TypeTabs } from '../../components/type-tabs';
import { imageUrl } from '../../platform/image-url';
import { idParam, journeyFromParams, journeyParams } from '../../card-model/journey';
import { openPage, ROUTES } from '../../routes';
import { formatArea, priceInputUnitLabel, priceUnitLabel } from '../../format/format';
import type { Dictionary, Language } from '../../i18n/dictionary';
import { carrierTypeText, verifiedText } from '../../i18n/carrier-text';
import { TextProvider } from '../../i18n/text-context';
import { usePageLanguage } from '../../i18n/use-page-language';
import { usePageTitle } from '../../i18n/use-page-title';
import { useCard } from '../card/use-card';
import { activeFilterCount, DEFAULT_QUERY, priceUnitFor, useCarriers, type CarrierQuery } from './use-carriers';
import { filterLabels, type FilterLabels } from './filter-labels';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import { usePageParams } from '../../hooks/use-page-params';
import './index.css';

const ALL = 'all';
const tabsFor = (t: Dictionary) => [{ key: ALL, label: t.carriersAll }, ...CARRIER_TYPES.map((type) => ({ key: type, label: carrierTypeText(t, type) }))];
const sortOptionsFor = (t: Dictionary) => {
  const labels: Record<CarrierSort, string> = { vacancy: t.sortVacancy, price: t.sortPrice, verified: t.sortVerified };
  return CARRIER_SORTS.map((key) => ({ key, label: labels[key] }));
};
const KEYWORD_DEBOUNCE_MS = 500;
/** Prices in different units do not compare: under 全部 the price sort groups by unit, and says so. */
const priceSortNote = (t: Dictionary, lang: Language): string => t.priceSortNote(PRICE_SORT_UNIT_ORDER.map((u) => priceUnitLabel(u, lang)).join(t.listSeparator));

const isCarrierType = (key: string): key is CarrierType => (CARRIER_TYPES as readonly string[]).includes(key);

/** Short labels of the filters in effect, shown as removable chips under the toolbar. */
const filterChips = (query: CarrierQuery, priceUnit: string | null, t: Dictionary, lang: Language, names: FilterLabels): Array<{ key: keyof FilterValues | 'area'; label: string }> => {
  const chips: Array<{ key: keyof FilterValues | 'area'; label: string }> = [];
  if (query.hasVacancy) chips.push({ key: 'hasVacancy', label: t.chipVacancy });
  if (query.minVacantArea !== null || query.maxVacantArea !== null) {
    const min = query.minVacantArea !== null ? formatArea(query.minVacantArea, lang) : '';
    const max = query.maxVacantArea !== null ? formatArea(query.maxVacantArea, lang) : '';
    chips.push({ key: 'area', label: min && max ? t.chipAreaRange(min, max) : min ? t.chipAreaFrom(min) : t.chipAreaUpTo(max) });
  }
  if (query.industry) chips.push({ key: 'industry', label: names.label(query.industry) });
  if (query.street) chips.push({ key: 'street', label: names.label(query.street) });
  if (query.maxPrice !== null) chips.push({ key: 'maxPrice', label: `≤${query.maxPrice}${priceUnit ? ` ${priceUnit}` : ''}` });
  return chips;
};

export default function CarriersPage() {
  const params = usePageParams();
  const journey = useMemo(() => journeyFromParams(params), [params]);
  const language = usePageLanguage(params.lang);
  const { t, lang } = language;
  usePageTitle(lang, t.carriersTitle);
  // The card gives the district (when the link lacks it) and its key industries for the industry filter.
  const card = useCard({ cardId: journey.cardId ?? undefined, s: journey.shareCode ?? undefined }, language.contentLang);
  const districtId = idParam(params.districtId) ?? card.data?.district.id ?? null;
  const list = useCarriers(districtId, DEFAULT_QUERY, language.contentLang);
  const { query } = list;

  const [keywordText, setKeywordText] = useState(query.keyword);
  const [sheetOpen, setSheetOpen] = useState(false);
  const setQuery = list.setQuery;

  // Typing searches after a short pause; the search key searches at once.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) return undefined;
    const timer = setTimeout(() => setQuery({ keyword: keywordText.trim() }), KEYWORD_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [keywordText, setQuery]);

  useReachBottom(() => {
    void list.loadMore();
  });

  usePullDownRefresh(() => {
    list.refresh().then((error) => {
      Taro.stopPullDownRefresh();
      if (error) Taro.showToast({ title: t.errorMessage(error.code, error.message), icon: 'none' }).catch(() => undefined);
    });
  });

  const industries = useMemo(() => {
    const key = card.data?.district.keyIndustries ?? [];
    if (key.length) return key;
    const seen: string[] = [];
    for (const c of list.items) for (const i of c.suitedIndustries) if (!seen.includes(i)) seen.push(i);
    return seen;
  }, [card.data, list.items]);

  const priceUnitKey = priceUnitFor(query.type, list.items);
  const priceUnit = priceUnitKey ? priceInputUnitLabel(priceUnitKey, lang) : null;
  const filterCount = activeFilterCount(query);
  const names = filterLabels(card.data?.district, list.items);
  const chips = filterChips(query, priceUnit, t, lang, names);
  const now = new Date();

  const search = (value: string) => {
    typed.current = false;
    setKeywordText(value);
    setQuery({ keyword: value.trim() });
  };

  const clearChip = (key: keyof FilterValues | 'area') => {
    if (key === 'area') setQuery({ minVacantArea: null, maxVacantArea: null });
    else if (key === 'hasVacancy') setQuery({ hasVacancy: false });
    else setQuery({ [key]: null });
  };

  const loadMoreState: LoadMoreState = list.loadingMore ? 'loading' : list.loadMoreError ? 'failed' : list.nextCursor ? 'idle' : 'done';

  let body;
  if (!districtId && card.status === 'error') {
    body = <ErrorState message={card.error ? t.errorMessage(card.error.code, card.error.message) : t.districtNotFound} onRetry={() => void card.reload()} />;
  } else if (list.status === 'loading' || !districtId) {
    body = <ListSkeleton />;
  } else if (list.status === 'error') {
    body = <ErrorState message={list.error ? t.errorMessage(list.error.code, list.error.message) : t.loadFailed} onRetry={() => void list.refresh()} />;
  } else if (!list.items.length) {
    const filtered = filterCount > 0 || query.keyword || query.type;
    body = (
      <EmptyState
        title={t.carriersEmpty}
        description={filtered ? t.carriersEmptyFiltered : t.carriersEmptyNone}
        actionText={filtered ? t.clearFilters : undefined}
        onAction={
          filtered
            ? () => {
                setKeywordText('');
                setQuery({ keyword: '', type: null, industry: null, street: null, hasVacancy: false, minVacantArea: null, maxVacantArea: null, maxPrice: null });
              }
            : undefined
        }
      />
    );
  } else {
    body = (
      <View className="carriers-page__list" data-testid="carrier-list">
        {list.items.map((carrier) => {
          const fresh = freshness(carrier.lastVerifiedAt, now);
          return (
            <View key={carrier.id} className="carriers-page__item">
              <CarrierSummaryCard
                carrier={carrier}
                photoUrl={imageUrl(carrier.photo)}
                verified={{ label: t.freshnessVacancy(verifiedText(t, fresh.days)), stale: fresh.stale }}
                onOpen={(c) => openPage(ROUTES.carrierDetail, journeyParams(journey, { carrierId: c.id }))}
              />
            </View>
          );
        })}
        <LoadMoreFooter state={loadMoreState} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  }

  return (
    <TextProvider value={language}>
    <View className="carriers-page" data-testid="carriers-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        {t.carriersTitle}
      </Text>
      <View className="carriers-page__header">
        <SearchBar
          value={keywordText}
          placeholder={t.carriersSearchPlaceholder}
          onInput={(value) => {
            typed.current = true;
            setKeywordText(value);
          }}
          onSearch={search}
          onClear={() => search('')}
        />
        <TypeTabs tabs={tabsFor(t)} active={query.type ?? ALL} onChange={(key) => setQuery({ type: isCarrierType(key) ? key : null })} />
        <View className="carriers-page__toolbar">
          <Segmented testId="sort" options={sortOptionsFor(t)} active={query.sort} onChange={(key) => setQuery({ sort: key as CarrierSort })} />
          <View
            className={filterCount ? 'carriers-page__filter carriers-page__filter--on' : 'carriers-page__filter'}
            data-testid="open-filters"
            {...tappable({ label: filterCount ? t.filterWithCount(filterCount) : t.filter })}
            onClick={() => setSheetOpen(true)}
          >
            <Text>{t.filter}{filterCount ? ` · ${filterCount}` : ''}</Text>
            <View className="carriers-page__funnel" aria-hidden="true" />
          </View>
        </View>
        {chips.length ? (
          <View className="carriers-page__chips" data-testid="active-filters">
            {chips.map((chip) => (
              <View key={chip.key} className="carriers-page__chip" onClick={() => clearChip(chip.key)} {...tappable({ label: t.removeFilter(chip.label) })}>
                <Text>{chip.label}</Text>
                <Text className="carriers-page__chip-x">×</Text>
              </View>
            ))}
            <Text className="carriers-page__chip-clear" onClick={list.resetFilters} {...tappable({ label: t.clearAllFilters })}>
              {t.clear}
            </Text>
          </View>
        ) : null}
      </View>

      {query.sort === 'price' && !query.type ? (
        <Text className="carriers-page__sort-note" data-testid="price-sort-note">
          {priceSortNote(t, lang)}
        </Text>
      ) : null}
      {list.offline ? <OfflineNote savedAt={list.savedAt} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'ready' && list.total !== null && list.items.length ? (
        <Text className="carriers-page__count" data-testid="carrier-count" aria-live="polite">
          {list.keywordType && query.keyword ? t.keywordAsType(query.keyword, carrierTypeText(t, list.keywordType)) : ''}
          {t.carrierCount(list.total)}
        </Text>
      ) : null}
      {body}

      <FilterSheet
        open={sheetOpen}
        values={{ ...query, industry: query.industry && names.label(query.industry), street: query.street && names.label(query.street) }}
        industries={industries}
        streets={list.streets}
        priceUnitLabel={priceUnit}
        onClose={() => setSheetOpen(false)}
        onApply={(values) => {
          setSheetOpen(false);
          setQuery({
            ...values,
            industry: values.industry && names.value(values.industry),
            street: values.street && names.value(values.street),
            priceUnit: values.maxPrice !== null ? priceUnitKey : null,
          });
        }}
      />
    </View>
    </TextProvider>
  );
}
