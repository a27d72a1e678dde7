import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CARRIER_SORTS } from '../../../domain/api/public-read.contracts';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, PRICE_UNIT_LABELS, type CarrierType } from '../../../domain/carrier/carrier.schema';
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
import { formatArea } from '../../format/format';
import { useCard } from '../card/use-card';
import { activeFilterCount, priceUnitFor, useCarriers, type CarrierQuery } from './use-carriers';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const ALL = 'all';
const TABS = [{ key: ALL, label: '全部' }, ...CARRIER_TYPES.map((type) => ({ key: type, label: CARRIER_TYPE_LABELS[type] }))];
const SORT_LABELS: Record<CarrierSort, string> = { vacancy: '空置面积', price: '价格', verified: '最近核实' };
const SORT_OPTIONS = CARRIER_SORTS.map((key) => ({ key, label: SORT_LABELS[key] }));
const KEYWORD_DEBOUNCE_MS = 500;
/** Prices in different units do not compare: under 全部 the price sort groups by unit, and says so. */
const PRICE_SORT_NOTE = `按计价单位分组，组内从低到高：${PRICE_SORT_UNIT_ORDER.map((u) => PRICE_UNIT_LABELS[u]).join('、')}`;

const isCarrierType = (key: string): key is CarrierType => (CARRIER_TYPES as readonly string[]).includes(key);

/** Short labels of the filters in effect, shown as removable chips under the toolbar. */
const filterChips = (query: CarrierQuery, priceUnit: string | null): Array<{ key: keyof FilterValues | 'area'; label: string }> => {
  const chips: Array<{ key: keyof FilterValues | 'area'; label: string }> = [];
  if (query.hasVacancy) chips.push({ key: 'hasVacancy', label: '有空置' });
  if (query.minVacantArea !== null || query.maxVacantArea !== null) {
    const min = query.minVacantArea !== null ? formatArea(query.minVacantArea) : '';
    const max = query.maxVacantArea !== null ? formatArea(query.maxVacantArea) : '';
    chips.push({ key: 'area', label: min && max ? `${min}–${max}` : min ? `${min}以上` : `${max}以下` });
  }
  if (query.industry) chips.push({ key: 'industry', label: query.industry });
  if (query.street) chips.push({ key: 'street', label: query.street });
  if (query.maxPrice !== null) chips.push({ key: 'maxPrice', label: `≤${query.maxPrice}${priceUnit ? ` ${priceUnit}` : ''}` });
  return chips;
};

export default function CarriersPage() {
  const { params } = useRouter();
  const journey = useMemo(() => journeyFromParams(params), [params]);
  // The card gives the district (when the link lacks it) and its key industries for the industry filter.
  const card = useCard({ cardId: journey.cardId ?? undefined, s: journey.shareCode ?? undefined });
  const districtId = idParam(params.districtId) ?? card.data?.district.id ?? null;
  const list = useCarriers(districtId);
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
      if (error) Taro.showToast({ title: error.message, icon: 'none' }).catch(() => undefined);
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
  const priceUnit = priceUnitKey ? PRICE_UNIT_LABELS[priceUnitKey] : null;
  const filterCount = activeFilterCount(query);
  const chips = filterChips(query, priceUnit);
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
    body = <ErrorState message={card.error?.message ?? '未找到该区域'} onRetry={() => void card.reload()} />;
  } else if (list.status === 'loading' || !districtId) {
    body = <ListSkeleton />;
  } else if (list.status === 'error') {
    body = <ErrorState message={list.error?.message ?? '加载失败，请稍后重试'} onRetry={() => void list.refresh()} />;
  } else if (!list.items.length) {
    const filtered = filterCount > 0 || query.keyword || query.type;
    body = (
      <EmptyState
        title="没有找到符合条件的载体"
        description={filtered ? '试试放宽筛选条件，或换个关键词' : '该区域暂未发布载体信息'}
        actionText={filtered ? '清除筛选条件' : undefined}
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
                verified={{ label: `空置面积${fresh.label}`, stale: fresh.stale }}
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
    <View className="carriers-page" data-testid="carriers-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        载体查询
      </Text>
      <View className="carriers-page__header">
        <SearchBar
          value={keywordText}
          placeholder="搜索载体名称、街道或类型，如：厂房"
          onInput={(value) => {
            typed.current = true;
            setKeywordText(value);
          }}
          onSearch={search}
          onClear={() => search('')}
        />
        <TypeTabs tabs={TABS} active={query.type ?? ALL} onChange={(key) => setQuery({ type: isCarrierType(key) ? key : null })} />
        <View className="carriers-page__toolbar">
          <Segmented testId="sort" options={SORT_OPTIONS} active={query.sort} onChange={(key) => setQuery({ sort: key as CarrierSort })} />
          <View
            className={filterCount ? 'carriers-page__filter carriers-page__filter--on' : 'carriers-page__filter'}
            data-testid="open-filters"
            {...tappable({ label: filterCount ? `筛选，已选 ${filterCount} 项` : '筛选' })}
            onClick={() => setSheetOpen(true)}
          >
            <Text>筛选{filterCount ? ` · ${filterCount}` : ''}</Text>
            <View className="carriers-page__funnel" aria-hidden="true" />
          </View>
        </View>
        {chips.length ? (
          <View className="carriers-page__chips" data-testid="active-filters">
            {chips.map((chip) => (
              <View key={chip.key} className="carriers-page__chip" onClick={() => clearChip(chip.key)} {...tappable({ label: `取消筛选：${chip.label}` })}>
                <Text>{chip.label}</Text>
                <Text className="carriers-page__chip-x">×</Text>
              </View>
            ))}
            <Text className="carriers-page__chip-clear" onClick={list.resetFilters} {...tappable({ label: '清除全部筛选' })}>
              清除
            </Text>
          </View>
        ) : null}
      </View>

      {query.sort === 'price' && !query.type ? (
        <Text className="carriers-page__sort-note" data-testid="price-sort-note">
          {PRICE_SORT_NOTE}
        </Text>
      ) : null}
      {list.offline ? <OfflineNote savedAt={list.savedAt} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'ready' && list.total !== null && list.items.length ? (
        <Text className="carriers-page__count" data-testid="carrier-count" aria-live="polite">
          {list.keywordType && query.keyword ? `「${query.keyword}」按${CARRIER_TYPE_LABELS[list.keywordType]}查找，` : ''}共 {list.total} 个载体
        </Text>
      ) : null}
      {body}

      <FilterSheet
        open={sheetOpen}
        values={query}
        industries={industries}
        streets={list.streets}
        priceUnitLabel={priceUnit}
        onClose={() => setSheetOpen(false)}
        onApply={(values) => {
          setSheetOpen(false);
          setQuery({ ...values, priceUnit: values.maxPrice !== null ? priceUnitKey : null });
        }}
      />
    </View>
  );
}
