import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect } from 'react';
import type { CardView } from '../../../domain/api/views.schema';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { CardSkeleton } from '../../components/card-skeleton';
import { CarrierSummaryCard } from '../../components/carrier-summary-card';
import { ContactCard } from '../../components/contact-card';
import { DemoBanner } from '../../components/demo-banner';
import { DistrictHero } from '../../components/district-hero';
import { ErrorState } from '../../components/error-state';
import { ExpandableText } from '../../components/expandable-text';
import { FigureGrid } from '../../components/figure-grid';
import { PolicyList } from '../../components/policy-list';
import { SectionBlock } from '../../components/section-block';
import { TagList } from '../../components/tag-list';
import { formatResponsePromise } from '../../utils/format';
import { imageUrl } from '../../utils/image-url';
import { useCard, type CardEntry } from './use-card';
import './index.css';

const CARD_PAGE = '/pages/card/index';

const pickEntry = (params: Partial<Record<string, string>>): CardEntry => ({
  cardId: params.cardId,
  s: params.s,
  scene: params.scene,
  q: params.q,
});

/** The query that reopens this card, carrying the share this visit came through. */
const shareQuery = (card: CardView | null): string => {
  if (!card) return '';
  const parts = [`cardId=${encodeURIComponent(card.cardId)}`];
  if (card.shareCode) parts.push(`s=${encodeURIComponent(card.shareCode)}`);
  return parts.join('&');
};

const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

const callPhone = (phone: string): void => {
  // Rejects when the visitor cancels the system sheet: nothing to report.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
};

const copyWechatId = (wechatId: string): void => {
  Taro.setClipboardData({ data: wechatId }).catch(() => {
    Taro.showToast({ title: '复制失败，请长按微信号复制', icon: 'none' });
  });
};

export default function CardPage() {
  const { params } = useRouter();
  const { status, data, error, reload } = useCard(pickEntry(params));

  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Some devices only show the Moments entry after this call, even with the page config set.
      // `menus` is WeChat's own option (Taro's typings only list QQ's `showShareItems`); Taro passes it through.
      const options: Taro.showShareMenu.Option & { menus: string[] } = { withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] };
      Taro.showShareMenu(options).catch(() => undefined);
    }
  });

  const districtName = data?.district.name;
  useEffect(() => {
    if (districtName) Taro.setNavigationBarTitle({ title: districtName }).catch(() => undefined);
  }, [districtName]);

  useShareAppMessage(() => ({
    title: data?.district.slogan ?? '招商名片',
    path: data ? `${CARD_PAGE}?${shareQuery(data)}` : CARD_PAGE,
  }));
  useShareTimeline(() => ({
    title: data?.district.slogan ?? '招商名片',
    query: shareQuery(data),
  }));

  usePullDownRefresh(() => {
    reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  // A failed refresh keeps the card on screen and says so briefly.
  useEffect(() => {
    if (status === 'ready' && error) Taro.showToast({ title: error.message, icon: 'none' });
  }, [status, error]);

  if (status === 'loading') {
    return (
      <View className="card-page">
        <CardSkeleton />
      </View>
    );
  }

  if (!data) {
    return (
      <View className="card-page">
        <ErrorState message={error?.message ?? ERROR_MESSAGES['INTERNAL.UNEXPECTED']} onRetry={() => void reload()} />
      </View>
    );
  }

  const { district, owner, contact, highlightedCarriers } = data;
  const isH5 = process.env.TARO_ENV === 'h5';
  const responseNote = formatResponsePromise(district.firstResponseHours);

  return (
    <View className="card-page" data-testid="card-page">
      {district.isDemo ? <DemoBanner /> : null}
      <DistrictHero name={district.name} slogan={district.slogan} coverImage={imageUrl(district.coverImage)} />

      <View className="card-page__body">
        {district.intro ? (
          <SectionBlock title="区域概况" testId="district-intro">
            <ExpandableText text={district.intro} />
          </SectionBlock>
        ) : null}

        {district.keyIndustries.length ? (
          <SectionBlock title="主导产业" testId="key-industries">
            <TagList tags={district.keyIndustries} highlighted={data.featuredIndustries} />
          </SectionBlock>
        ) : null}

        {district.headlineFigures.length ? (
          <SectionBlock title="发展数据" testId="headline-figures">
            <FigureGrid figures={district.headlineFigures} />
          </SectionBlock>
        ) : null}

        {district.policyHighlights.length ? (
          <SectionBlock title="政策亮点" testId="policy-highlights">
            <PolicyList items={district.policyHighlights} />
          </SectionBlock>
        ) : null}

        {highlightedCarriers.length ? (
          <SectionBlock title="重点载体" extra={`${highlightedCarriers.length} 个`} testId="highlighted-carriers">
            {highlightedCarriers.map((carrier) => (
              <CarrierSummaryCard key={carrier.id} carrier={carrier} photoUrl={imageUrl(carrier.photo)} />
            ))}
          </SectionBlock>
        ) : null}

        <SectionBlock title="联系我们" testId="contact-block">
          <ContactCard
            testId="owner-contact"
            person={owner}
            photoUrl={imageUrl(owner.photo)}
            role="名片主人"
            greeting={data.greeting || undefined}
            responseNote={contact ? undefined : responseNote}
            phoneHref={isH5 && owner.phone ? telHref(owner.phone) : undefined}
            privateNote={contact ? '联系方式未公开，咨询请联系下方专员' : '联系方式未公开'}
            onCall={callPhone}
            onCopyWechat={copyWechatId}
          />
          {contact ? (
            <View className="card-page__duty">
              <Text className="card-page__duty-title">招商咨询由以下专员对接</Text>
              <ContactCard
                testId="duty-contact"
                person={contact}
                photoUrl={imageUrl(contact.photo)}
                role="咨询对接人"
                responseNote={responseNote}
                phoneHref={isH5 && contact.phone ? telHref(contact.phone) : undefined}
                onCall={callPhone}
                onCopyWechat={copyWechatId}
              />
            </View>
          ) : null}
        </SectionBlock>

        <Text className="card-page__footer">{district.name} · 招商名片</Text>
      </View>
    </View>
  );
}
