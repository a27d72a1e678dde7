import { ScrollView, Text, View } from '@tarojs/components';
import type { InquiryText } from '../../i18n/dictionary';
import { TextProvider } from '../../i18n/text-context';
import { inquiryTextOf } from '../../i18n/use-inquiry-text';
import { usePageLanguage } from '../../i18n/use-page-language';
import { usePageTitle } from '../../i18n/use-page-title';
import Taro, { usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { clientErrorMessage } from '../../services/client-error-messages';
// PersonRow (with Avatar) first: shared component styles keep one relative order across pages (see the card page).
import { PersonRow } from '../../components/person-row';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { FullModeHint } from '../../components/full-mode-hint';
import { ListSkeleton } from '../../components/list-skeleton';
import { MomentsBanner } from '../../components/moments-banner';
import { OfflineNote } from '../../components/offline-note';
import { SectionBlock } from '../../components/section-block';
import { Segmented } from '../../components/segmented';
import { useFullMode } from '../../hooks/use-full-mode';
import { usePageParams } from '../../hooks/use-page-params';
import { imageUrl } from '../../platform/image-url';
import { idParam, journeyFromParams } from '../../card-model/journey';
import { openPage, pageUrl, ROUTES } from '../../routes';
import { useCard } from '../../pages/card/use-card';
import { groupByIndustry, groupByUnit, industriesOf, industryIsChinese, useDirectory } from './use-directory';
import { ChineseMark, chineseContent } from '../../components/chinese-mark';
import { isFallbackZh } from '../../../domain/common/content-language';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

type Mode = 'unit' | 'industry';
const modesFor = (t: InquiryText) => [
  { key: 'unit', label: t.directoryByUnit },
  { key: 'industry', label: t.directoryByIndustry },
];

export default function DirectoryPage() {
  const params = usePageParams();
  const journey = useMemo(() => journeyFromParams(params), [params]);
  const language = usePageLanguage(params.lang);
  const t = inquiryTextOf(language);
  usePageTitle(language.lang, t.directoryTitle);
  const card = useCard({ cardId: journey.cardId ?? undefined, s: journey.shareCode ?? undefined }, language.contentLang);
  const districtId = idParam(params.districtId) ?? card.data?.district.id ?? null;
  const { status, data, error, offline, savedAt, reload } = useDirectory(districtId, language.contentLang);
  const [mode, setMode] = useState<Mode>('unit');
  const [focus, setFocus] = useState<string | null>(null);
  // Moments single-page mode: WeChat allows no navigation, so a person's card opens only in the full app.
  const { readOnly, hint, guard } = useFullMode(t.fullModeHint);
  const openCard = (cardId: string) => guard(t.directoryOpenCard, () => openPage(ROUTES.card, { cardId }));

  // Shared onwards, the directory keeps the card and share it came through, so credit follows the chain.
  const sharePath = pageUrl(ROUTES.directory, { districtId, cardId: journey.cardId, s: journey.shareCode });
  const shareQuery = sharePath.split('?')[1] ?? '';
  const shareTitle = card.data ? t.directoryShareTitle(card.data.district.name) : t.directoryTitle;
  useShareAppMessage(() => ({ title: shareTitle, path: sharePath }));
  useShareTimeline(() => ({ title: shareTitle, query: shareQuery }));

  usePullDownRefresh(() => {
    reload().then((failure) => {
      Taro.stopPullDownRefresh();
      if (failure) Taro.showToast({ title: t.errorMessage(failure.code, failure.message), icon: 'none' }).catch(() => undefined);
    });
  });

  const groups = useMemo(() => {
    if (!data) return [];
    const all = mode === 'unit' ? groupByUnit(data, t.directoryOtherUnits) : groupByIndustry(data.people);
    return focus ? all.filter((g) => g.key === focus) : all;
  }, [data, mode, focus, t]);

  const chips = useMemo(() => {
    if (!data) return [];
    return mode === 'unit' ? groupByUnit(data, t.directoryOtherUnits).map((g) => ({ key: g.key, label: g.title, zh: g.titleZh === true }))
      : industriesOf(data.people).map((i) => ({ key: i, label: i, zh: industryIsChinese(data.people, i) }));
  }, [data, mode, t]);

  const loading = status === 'loading' || (!districtId && card.status === 'loading');
  let body;
  if (loading) {
    body = <ListSkeleton rows={3} />;
  } else if (!data) {
    body = <ErrorState message={t.errorMessage(error?.code ?? 'INTERNAL.UNEXPECTED', error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED'))} onRetry={() => void reload()} />;
  } else if (!groups.length) {
    body = <EmptyState title={t.directoryEmpty} description={t.directoryEmptyText} />;
  } else {
    body = groups.map((group) => (
      <SectionBlock key={group.key} title={group.title} titleZh={group.titleZh} extra={t.directoryPeople(group.people.length)} testId="directory-group">
        {group.people.map((person) => (
          <PersonRow
            key={`${group.key}:${person.staffId}`}
            person={person}
            photoUrl={imageUrl(person.photo)}
            highlight={mode === 'industry' ? group.key : null}
            onOpen={person.cardId ? (p) => openCard(p.cardId as string) : undefined}
          />
        ))}
      </SectionBlock>
    ));
  }

  return (
    <TextProvider value={language}>
    <View className={readOnly ? 'directory-page directory-page--read-only' : 'directory-page'} data-testid="directory-page" role="main">
      {readOnly ? <MomentsBanner text={t.directoryMoments} /> : null}
      <View className="directory-page__header">
        <View className="directory-page__intro">
          <Text {...PAGE_HEADING} className="directory-page__title" {...chineseContent(card.data ? isFallbackZh(card.data.district, 'name') : false)}>
            {card.data?.district.name ?? t.directoryHeadingFallback}
          </Text>
          <Text className="directory-page__subtitle">{readOnly ? t.directorySubtitle : t.directorySubtitleTap}</Text>
        </View>
        <View className="directory-page__modes">
          <Segmented
            testId="directory-mode"
            options={modesFor(t)}
            active={mode}
            onChange={(key) => {
              setMode(key as Mode);
              setFocus(null);
            }}
          />
        </View>
        {chips.length ? (
          <ScrollView className="directory-page__chips" scrollX enhanced showScrollbar={false}>
            <View className="directory-page__chip-row" role="radiogroup" aria-label={mode === 'unit' ? t.directoryFilterUnit : t.directoryFilterIndustry}>
              <Text
                className={focus === null ? 'directory-page__chip directory-page__chip--on' : 'directory-page__chip'}
                onClick={() => setFocus(null)}
                aria-checked={focus === null ? 'true' : 'false'}
                {...tappable({ role: 'radio' })}
              >
                {t.carriersAll}
              </Text>
              {chips.map((chip) => (
                <Text
                  key={chip.key}
                  className={focus === chip.key ? 'directory-page__chip directory-page__chip--on' : 'directory-page__chip'}
                  onClick={() => setFocus(focus === chip.key ? null : chip.key)}
                  aria-checked={focus === chip.key ? 'true' : 'false'}
                  {...tappable({ role: 'radio' })}
                  {...chineseContent(chip.zh)}
                >
                  {chip.label}
                  <ChineseMark show={chip.zh} />
                </Text>
              ))}
            </View>
          </ScrollView>
        ) : loading ? (
          // The chip row's room while the people load (one hidden chip, so it scales with the text): appearing
          // later, it pushed the list down under a reader's eyes (Lighthouse's CLS 0.117 on this page).
          <View className="directory-page__chips directory-page__chips--reserved" aria-hidden="true">
            <View className="directory-page__chip-row">
              <Text className="directory-page__chip">{t.carriersAll}</Text>
            </View>
          </View>
        ) : null}
      </View>
      {offline ? <OfflineNote savedAt={savedAt} onRetry={() => void reload()} /> : null}
      <View className="directory-page__body">{body}</View>
      <FullModeHint message={hint} />
    </View>
    </TextProvider>
  );
}
