import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import { CardViewSchema, type CarrierDetail } from '../../../domain/api/views.schema';
import { CARRIER_TYPE_LABELS } from '../../../domain/carrier/carrier.schema';
import { freshness } from '../../../domain/carrier/carrier.rules';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
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
import { readCache } from '../../services/cache';
import { formatArea, formatPrice } from '../../format/format';
import { imageUrl } from '../../platform/image-url';
import { idParam, journeyFromParams, journeyParams } from '../../card-model/journey';
import { webMapUrl, webPageUrl } from '../../platform/web-links';
import { openPage, pageUrl, ROUTES } from '../../routes';
import { copyText, openLocation } from '../../platform/privacy';
import { cardCacheKey } from '../../card-model/card-request';
import { useCarrierDetail } from './use-carrier-detail';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

/** The page that reopens this carrier for someone else, with the card and share this visit came through. */
const sharePath = (carrierId: string, cardId: string | null, shareCode: string | null): string =>
  pageUrl(ROUTES.carrierDetail, { carrierId, cardId, s: shareCode });

const floorsText = (floors: number | null): string => (floors ? `${floors} 层` : '—');

/** Out of a missing card or carrier: the district's default card (card.get without an id), carriers, directory. */
const leaveDeadEnd = (way: DeadEndWay): void => {
  if (way === 'carriers') openPage(ROUTES.carriers, {}, 'redirect');
  else if (way === 'directory') openPage(ROUTES.directory, {}, 'redirect');
  else openPage(ROUTES.card, {}, 'redirect');
};

export default function CarrierDetailPage() {
  const { params } = useRouter();
  const journey = useMemo(() => journeyFromParams(params), [params]);
  const carrierId = idParam(params.carrierId);
  const { status, data, error, offline, savedAt, reload } = useCarrierDetail(carrierId);
  const { readOnly, hint, guard } = useFullMode();

  // The card this visit came from, if the device has it: marks demo data and names the district.
  const district = useMemo(() => {
    if (!journey.cardId) return null;
    const request = { cardId: journey.cardId, ...(journey.shareCode ? { shareCode: journey.shareCode } : {}) };
    return readCache(cardCacheKey(request), CardViewSchema)?.data.district ?? null;
  }, [journey.cardId, journey.shareCode]);

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
    carrier ? `${carrier.name} · ${carrier.hasVacancy ? `可租售 ${formatArea(carrier.vacantArea)}` : CARRIER_TYPE_LABELS[carrier.type]}` : '载体详情';

  useShareAppMessage(() => ({
    title: shareTitle(data),
    path: sharePath(carrierId ?? '', journey.cardId, journey.shareCode),
  }));
  useShareTimeline(() => ({
    title: shareTitle(data),
    query: sharePath(carrierId ?? '', journey.cardId, journey.shareCode).split('?')[1] ?? '',
  }));

  usePullDownRefresh(() => {
    reload().then((failure) => {
      Taro.stopPullDownRefresh();
      if (failure) Taro.showToast({ title: failure.message, icon: 'none' }).catch(() => undefined);
    });
  });

  if (status === 'loading') {
    return (
      <View className="carrier-detail" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          载体详情
        </Text>
        <CardSkeleton />
      </View>
    );
  }

  if (!data) {
    return (
      <View className="carrier-detail" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          载体详情
        </Text>
        {error?.code === 'CARRIER.NOT_FOUND' ? (
          <DeadEndState message={error.message} onWay={leaveDeadEnd} />
        ) : (
          <ErrorState message={error?.message ?? ERROR_MESSAGES['INTERNAL.UNEXPECTED']} onRetry={() => void reload()} />
        )}
      </View>
    );
  }

  const fresh = freshness(data.lastVerifiedAt, new Date());
  const photos = (data.photos.length ? data.photos : data.photo ? [data.photo] : []).map(imageUrl).filter((u): u is string => Boolean(u));
  const price = formatPrice(data.priceMin, data.priceMax, data.priceUnit);

  const callManager = () =>
    guard('拨打电话', () => {
      Taro.makePhoneCall({ phoneNumber: data.managerPhone }).catch(() => undefined);
    });
  const copyPhone = () => guard('复制号码', () => void copyText(data.managerPhone));
  const showMap = () =>
    guard('打开地图', () => {
      void openLocation({ latitude: data.location.lat, longitude: data.location.lng, name: data.name, address: data.address });
    });
  const inquire = () => guard('留言咨询', () => openPage(ROUTES.leadForm, journeyParams(journey, { carrierId: data.id })));
  const previewPhoto = (index: number) => {
    // Previewing is a read-only view, allowed everywhere; bundled package images cannot be previewed on the device.
    const urls = photos.filter((u) => u.startsWith('https://') || u.startsWith('cloud://') || isH5());
    if (urls.length) Taro.previewImage({ urls, current: urls[Math.min(index, urls.length - 1)] }).catch(() => undefined);
  };

  const actions: ActionBarAction[] = [
    isH5()
      ? { key: 'copy-link', label: '复制链接', icon: '/assets/icons/link.svg', testId: 'copy-link' }
      : { key: 'share', label: '转发', icon: '/assets/icons/share.svg', openShare: !readOnly, testId: 'share-carrier' },
    { key: 'call', label: '联系管理方', testId: 'call-manager' },
    { key: 'inquire', label: '咨询此载体', primary: true, testId: 'inquire-carrier' },
  ];
  const onAction = (key: string) => {
    if (key === 'call') callManager();
    else if (key === 'inquire') inquire();
    else if (key === 'copy-link') void copyText(webPageUrl(sharePath(data.id, journey.cardId, journey.shareCode)));
    else if (key === 'share') guard('转发', () => undefined);
  };

  return (
    <View className={readOnly ? 'carrier-detail carrier-detail--read-only' : 'carrier-detail'} data-testid="carrier-detail" role="main">
      {district?.isDemo ? <DemoBanner /> : null}
      {readOnly ? <MomentsBanner text="朋友圈预览 · 联系管理方、咨询此载体请点击屏幕下方「前往小程序」" /> : null}
      <PhotoGallery photos={photos} fallbackLabel={CARRIER_TYPE_LABELS[data.type]} onPreview={previewPhoto} />

      <View className="carrier-detail__body">
        {offline ? <OfflineNote savedAt={savedAt} onRetry={() => void reload()} /> : null}
        <View className="carrier-detail__head">
          <View className="carrier-detail__title-row">
            <Text className="carrier-detail__type">{CARRIER_TYPE_LABELS[data.type]}</Text>
            <Text className="carrier-detail__street">{data.street}</Text>
          </View>
          <Text {...PAGE_HEADING} className="carrier-detail__name">{data.name}</Text>
          <View className="carrier-detail__freshness">
            <FreshnessBadge subject="空置面积" label={fresh.label} stale={fresh.stale} />
          </View>
          <View className="carrier-detail__facts">
            <KeyFacts
              facts={[
                { label: '可租售面积', value: data.hasVacancy ? formatArea(data.vacantArea) : '暂无空置', emphasis: data.hasVacancy ? 'vacancy' : undefined, testId: 'fact-vacant' },
                { label: '总面积', value: formatArea(data.totalArea), testId: 'fact-total' },
                { label: '楼层', value: floorsText(data.floors), testId: 'fact-floors' },
                { label: '参考价格', value: price, emphasis: 'price', testId: 'fact-price' },
              ]}
            />
          </View>
        </View>

        {data.suitedIndustries.length ? (
          <SectionBlock title="适合产业" testId="suited-industries">
            <TagList tags={data.suitedIndustries} highlighted={data.suitedIndustries.slice(0, 1)} />
          </SectionBlock>
        ) : null}

        {data.facilities.length ? (
          <SectionBlock title="配套设施" testId="facilities">
            <TagList tags={data.facilities} />
          </SectionBlock>
        ) : null}

        {data.policies.length ? (
          <SectionBlock title="政策支持" testId="carrier-policies">
            <PolicyList items={data.policies} />
          </SectionBlock>
        ) : null}

        <SectionBlock title="位置" testId="carrier-location">
          <View className="carrier-detail__place">
            <Text className="carrier-detail__address" userSelect>
              {data.address}
            </Text>
            {isH5() ? (
              <a className="carrier-detail__map" href={webMapUrl({ ...data.location, name: data.name })} target="_blank" rel="noopener noreferrer" data-testid="map-link">
                查看地图
              </a>
            ) : (
              <View className="carrier-detail__map" hoverClass="carrier-detail__pressed" data-testid="map-link" onClick={showMap} {...tappable()}>
                <Text>查看地图</Text>
              </View>
            )}
          </View>
        </SectionBlock>

        <SectionBlock title="载体管理方" testId="carrier-manager">
          <View className="carrier-detail__manager">
            <View className="carrier-detail__manager-who">
              <Text className="carrier-detail__manager-name">{data.managerName}</Text>
              <Text className="carrier-detail__manager-phone" userSelect>
                {data.managerPhone}
              </Text>
            </View>
            {isH5() ? (
              <a className="carrier-detail__manager-action carrier-detail__manager-action--primary" href={`tel:${data.managerPhone.replace(/[^\d+]/g, '')}`} data-testid="manager-call" aria-label={`拨打 ${data.managerName} ${data.managerPhone}`}>
                拨打
              </a>
            ) : (
              <View className="carrier-detail__manager-action carrier-detail__manager-action--primary" data-testid="manager-call" onClick={callManager} {...tappable({ label: `拨打 ${data.managerName} ${data.managerPhone}` })}>
                <Text>拨打</Text>
              </View>
            )}
            <View className="carrier-detail__manager-action" data-testid="manager-copy" onClick={copyPhone} {...tappable({ label: `复制 ${data.managerName} 的电话` })}>
              <Text>复制</Text>
            </View>
          </View>
          <Text className="carrier-detail__note">面积与价格仅供参考，以管理方核实为准</Text>
        </SectionBlock>

        {district ? <Text className="carrier-detail__footer">{district.name} · 招商名片</Text> : <View className="carrier-detail__spacer" />}
      </View>

      <ActionBar actions={actions} onTap={onAction} floating={!readOnly} />
      {readOnly ? <View className="carrier-detail__moments-space" /> : null}
      <FullModeHint message={hint} />
    </View>
  );
}
