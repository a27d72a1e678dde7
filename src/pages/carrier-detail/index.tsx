import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import { CardViewSchema, type CarrierDetail } from '../../../domain/api/views.schema';
import { freshness } from '../../../domain/carrier/carrier.rules';
import { clientErrorMessage } from '../../services/client-error-messages';
import { ActionBar, type ActionBarAction } from '../../components/action-bar';
import { CardSkeleton } from '../../components/card-skeleton';
import { DemoBanner } from '../../components/demo-banner';
import { DeadEndState, type DeadEndWay } from '../../components/dead-end-state';
import { ErrorState } from '../../components/error-state';
import { FreshnessBadge } from '../../components/freshness-badge';
import { FullModeHint } from '../../components/full-mode-hint';
import { KeyFacts } from '../../components/key-facts';
import { MomentsBanner } from '../../components/moments-banner';
import { OfflineNote } from '../../components/offline-note';
import { PhotoGallery } from '../../components/photo-gallery';
import { PolicyList } from '../../components/policy-list';
import { SectionBlock } from '../../components/section-block';
import { TagList } from '../../components/tag-list';
import { useFullMode } from '../../hooks/use-full-mode';
import { usePageParams } from '../../hooks/use-page-params';
import { readCache } from '../../services/cache';
import { formatArea, formatPrice } from '../../format/format';
import type { Dictionary } from '../../i18n/dictionary';
import { carrierTypeText, verifiedText } from '../../i18n/carrier-text';
import { TextProvider } from '../../i18n/text-context';
import { usePageLanguage } from '../../i18n/use-page-language';
import { imageUrl } from '../../platform/image-url';
import { idParam, journeyFromParams, journeyParams } from '../../card-model/journey';
import { webMapUrl, webPageUrl } from '../../platform/web-links';
import { openPage, pageUrl, ROUTES } from '../../routes';
import { copyText, openLocation } from '../../platform/privacy';
import { cardCacheKey, inLanguage } from '../../card-model/card-request';
import { isFallbackZh } from '../../../domain/common/content-language';
import { ChineseMark, chineseContent, ContentText } from '../../components/chinese-mark';
import { useCarrierDetail } from './use-carrier-detail';
import { useShareImageUrls } from '../../platform/share-image-urls';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

/** The page that reopens this carrier for someone else, with the card and share this visit came through. */
const sharePath = (carrierId: string, cardId: string | null, shareCode: string | null): string =>
  pageUrl(ROUTES.carrierDetail, { carrierId, cardId, s: shareCode });

const floorsText = (floors: number | null, t: Dictionary): string => (floors ? t.floors(floors) : '—');

/** Out of a missing card or carrier: the district's default card (card.get without an id), carriers, directory. */
const leaveDeadEnd = (way: DeadEndWay): void => {
  if (way === 'carriers') openPage(ROUTES.carriers, {}, 'redirect');
  else if (way === 'directory') openPage(ROUTES.directory, {}, 'redirect');
  else openPage(ROUTES.card, {}, 'redirect');
};

export default function CarrierDetailPage() {
  const params = usePageParams();
  const journey = useMemo(() => journeyFromParams(params), [params]);
  const carrierId = idParam(params.carrierId);
  const language = usePageLanguage(params.lang);
  const { t, lang } = language;
  const { status, data, error, offline, savedAt, reload } = useCarrierDetail(carrierId, language.contentLang);
  const { readOnly, hint, guard } = useFullMode(t.fullModeHint);

  // The card this visit came from, if the device has it: marks demo data and names the district.
  const district = useMemo(() => {
    if (!journey.cardId) return null;
    const request = { cardId: journey.cardId, ...(journey.shareCode ? { shareCode: journey.shareCode } : {}) };
    return readCache(cardCacheKey(inLanguage(request, language.contentLang)), CardViewSchema)?.data.district ?? null;
  }, [journey.cardId, journey.shareCode, language.contentLang]);

  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp' && !readOnly) {
      const options: Taro.showShareMenu.Option & { menus: string[] } = { withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] };
      Taro.showShareMenu(options).catch(() => undefined);
    }
  });

  const name = data?.name;
  // Not in Moments single-page mode: its navigation bar is WeChat's, fixed to the page config's title (界面·导航栏 is
  // on the disabled list of 单页模式).
  useEffect(() => {
    if (name && !readOnly) Taro.setNavigationBarTitle({ title: name }).catch(() => undefined);
  }, [name, readOnly]);

  const shareTitle = (carrier: CarrierDetail | null): string =>
    carrier ? `${carrier.name} · ${carrier.hasVacancy ? t.carrierShareVacant(formatArea(carrier.vacantArea, lang)) : carrierTypeText(t, carrier.type)}` : t.carrierDetailTitle;

  // The 5:4 and 1:1 images drawn from this carrier in the page's language (the web has no share sheet).
  const images = useShareImageUrls(data?.shareImages, process.env.TARO_ENV === 'weapp' && !readOnly);
  useShareAppMessage(() => ({
    title: shareTitle(data),
    path: sharePath(carrierId ?? '', journey.cardId, journey.shareCode),
    ...(images.chatImage ? { imageUrl: images.chatImage } : {}),
  }));
  useShareTimeline(() => ({
    title: shareTitle(data),
    query: sharePath(carrierId ?? '', journey.cardId, journey.shareCode).split('?')[1] ?? '',
    ...(images.momentsImage ? { imageUrl: images.momentsImage } : {}),
  }));

  usePullDownRefresh(() => {
    reload().then((failure) => {
      Taro.stopPullDownRefresh();
      if (failure) Taro.showToast({ title: t.errorMessage(failure.code, failure.message), icon: 'none' }).catch(() => undefined);
    });
  });

  if (status === 'loading') {
    return (
      <TextProvider value={language}>
        <View className="carrier-detail" role="main">
          <Text className="visually-hidden" {...PAGE_HEADING}>
            {t.carrierDetailTitle}
          </Text>
          <CardSkeleton />
        </View>
      </TextProvider>
    );
  }

  if (!data) {
    const message = t.errorMessage(error?.code ?? 'INTERNAL.UNEXPECTED', error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED'));
    return (
      <TextProvider value={language}>
        <View className="carrier-detail" role="main">
          <Text className="visually-hidden" {...PAGE_HEADING}>
            {t.carrierDetailTitle}
          </Text>
          {error?.code === 'CARRIER.NOT_FOUND' ? <DeadEndState message={message} onWay={leaveDeadEnd} /> : <ErrorState message={message} onRetry={() => void reload()} />}
        </View>
      </TextProvider>
    );
  }

  const fresh = freshness(data.lastVerifiedAt, new Date());
  const photos = (data.photos.length ? data.photos : data.photo ? [data.photo] : []).map(imageUrl).filter((u): u is string => Boolean(u));
  const price = formatPrice(data.priceMin, data.priceMax, data.priceUnit, lang);
  const typeText = carrierTypeText(t, data.type);
  const zh = (field: string): boolean => isFallbackZh(data, field);
  // A manager's name shown in Chinese stays out of English labels: the number says who is called.
  const managerLabel = zh('managerName') ? data.managerPhone : data.managerName;

  const callManager = () =>
    guard(t.actionCall, () => {
      Taro.makePhoneCall({ phoneNumber: data.managerPhone }).catch(() => undefined);
    });
  const copyPhone = () => guard(t.copyNumber, () => void copyText(data.managerPhone));
  const showMap = () =>
    guard(t.openMap, () => {
      void openLocation({ latitude: data.location.lat, longitude: data.location.lng, name: data.name, address: data.address });
    });
  const inquire = () => guard(t.actionLead, () => openPage(ROUTES.leadForm, journeyParams(journey, { carrierId: data.id })));
  const previewPhoto = (index: number) => {
    // Previewing is a read-only view, allowed everywhere; bundled package images cannot be previewed on the device.
    const urls = photos.filter((u) => u.startsWith('https://') || u.startsWith('cloud://') || isH5());
    if (urls.length) Taro.previewImage({ urls, current: urls[Math.min(index, urls.length - 1)] }).catch(() => undefined);
  };

  const actions: ActionBarAction[] = [
    isH5()
      ? { key: 'copy-link', label: t.actionCopyLink, icon: '/assets/icons/link.svg', testId: 'copy-link' }
      : { key: 'share', label: t.actionShare, icon: '/assets/icons/share.svg', openShare: !readOnly, testId: 'share-carrier' },
    { key: 'call', label: t.contactManager, testId: 'call-manager' },
    { key: 'inquire', label: t.inquireCarrier, primary: true, testId: 'inquire-carrier' },
  ];
  const onAction = (key: string) => {
    if (key === 'call') callManager();
    else if (key === 'inquire') inquire();
    else if (key === 'copy-link') void copyText(webPageUrl(sharePath(data.id, journey.cardId, journey.shareCode)));
    else if (key === 'share') guard(t.actionShare, () => undefined);
  };

  return (
    <TextProvider value={language}>
    <View className={readOnly ? 'carrier-detail carrier-detail--read-only' : 'carrier-detail'} data-testid="carrier-detail" role="main">
      {district?.isDemo ? <DemoBanner /> : null}
      {readOnly ? <MomentsBanner text={t.momentsCarrier} /> : null}
      <PhotoGallery photos={photos} fallbackLabel={typeText} onPreview={previewPhoto} />

      <View className="carrier-detail__body">
        {offline ? <OfflineNote savedAt={savedAt} onRetry={() => void reload()} /> : null}
        <View className="carrier-detail__head">
          <View className="carrier-detail__title-row">
            <Text className="carrier-detail__type">{typeText}</Text>
            <ContentText className="carrier-detail__street" text={data.street} zh={zh('street')} />
          </View>
          <Text {...PAGE_HEADING} className="carrier-detail__name" {...chineseContent(zh('name'))}>
            {data.name}
          </Text>
          <ChineseMark show={zh('name')} />
          <View className="carrier-detail__freshness">
            <FreshnessBadge subject={t.vacancySubject} label={verifiedText(t, fresh.days)} stale={fresh.stale} />
          </View>
          <View className="carrier-detail__facts">
            <KeyFacts
              facts={[
                { label: t.factAvailable, value: data.hasVacancy ? formatArea(data.vacantArea, lang) : t.noVacancy, emphasis: data.hasVacancy ? 'vacancy' : undefined, testId: 'fact-vacant' },
                { label: t.factTotal, value: formatArea(data.totalArea, lang), testId: 'fact-total' },
                { label: t.factFloors, value: floorsText(data.floors, t), testId: 'fact-floors' },
                { label: t.factPrice, value: price, emphasis: 'price', testId: 'fact-price' },
              ]}
            />
          </View>
        </View>

        {data.suitedIndustries.length ? (
          <SectionBlock title={t.suitedIndustries} testId="suited-industries">
            <TagList tags={data.suitedIndustries} highlighted={data.suitedIndustries.slice(0, 1)} isChinese={(i) => zh(`suitedIndustries.${i}`)} />
          </SectionBlock>
        ) : null}

        {data.facilities.length ? (
          <SectionBlock title={t.facilities} testId="facilities">
            <TagList tags={data.facilities} isChinese={(i) => zh(`facilities.${i}`)} />
          </SectionBlock>
        ) : null}

        {data.policies.length ? (
          <SectionBlock title={t.carrierPolicies} testId="carrier-policies">
            <PolicyList items={data.policies} isChinese={(i) => zh(`policies.${i}`)} />
          </SectionBlock>
        ) : null}

        <SectionBlock title={t.location} testId="carrier-location">
          <View className="carrier-detail__place">
            <Text className="carrier-detail__address" userSelect {...chineseContent(zh('address'))}>
              {data.address}
            </Text>
            <ChineseMark show={zh('address')} />
            {isH5() ? (
              <a className="carrier-detail__map" href={webMapUrl({ ...data.location, name: data.name })} target="_blank" rel="noopener noreferrer" data-testid="map-link">
                {t.viewMap}
              </a>
            ) : (
              <View className="carrier-detail__map" hoverClass="carrier-detail__pressed" data-testid="map-link" onClick={showMap} {...tappable()}>
                <Text>{t.viewMap}</Text>
              </View>
            )}
          </View>
        </SectionBlock>

        <SectionBlock title={t.manager} testId="carrier-manager">
          <View className="carrier-detail__manager">
            <View className="carrier-detail__manager-who">
              <ContentText className="carrier-detail__manager-name" text={data.managerName} zh={zh('managerName')} />
              <Text className="carrier-detail__manager-phone" userSelect>
                {data.managerPhone}
              </Text>
            </View>
            {isH5() ? (
              <a className="carrier-detail__manager-action carrier-detail__manager-action--primary" href={`tel:${data.managerPhone.replace(/[^\d+]/g, '')}`} data-testid="manager-call" aria-label={zh('managerName') ? t.callWithNumber(data.managerPhone) : t.callPerson(data.managerName, data.managerPhone)}>
                {t.call}
              </a>
            ) : (
              <View className="carrier-detail__manager-action carrier-detail__manager-action--primary" data-testid="manager-call" onClick={callManager} {...tappable({ label: zh('managerName') ? t.callWithNumber(data.managerPhone) : t.callPerson(data.managerName, data.managerPhone) })}>
                <Text>{t.call}</Text>
              </View>
            )}
            <View className="carrier-detail__manager-action" data-testid="manager-copy" onClick={copyPhone} {...tappable({ label: t.copyPersonPhone(managerLabel) })}>
              <Text>{t.copy}</Text>
            </View>
          </View>
          <Text className="carrier-detail__note">{t.carrierNote}</Text>
        </SectionBlock>

        {district ? <Text className="carrier-detail__footer" {...chineseContent(isFallbackZh(district, 'name'))}>{t.cardFooter(district.name)}</Text> : <View className="carrier-detail__spacer" />}
      </View>

      <ActionBar actions={actions} onTap={onAction} floating={!readOnly} />
      {readOnly ? <View className="carrier-detail__moments-space" /> : null}
      <FullModeHint message={hint} />
    </View>
    </TextProvider>
  );
}
