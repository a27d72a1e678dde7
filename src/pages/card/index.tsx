import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CardView, Person } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
// The contact section (ContactCard with Avatar) comes first: every page imports shared component styles in one
// relative order, so the mini-program's common stylesheet is built without order conflicts.
import { CardContactSection } from './card-contact-section';
import { AccountLinks } from '../../components/account-links';
import { ActionBar, type ActionBarAction } from '../../components/action-bar';
import { ActionGrid, type ActionGridItem } from '../../components/action-grid';
import { chineseContent } from '../../components/chinese-mark';
import { DemoBanner } from '../../components/demo-banner';
import { DistrictHero } from '../../components/district-hero';
import type { DeadEndWay } from '../../components/dead-end-state';
import { FullModeHint } from '../../components/full-mode-hint';
import { LanguageSwitch } from '../../components/language-switch';
import { MomentsBanner } from '../../components/moments-banner';
import { OfflineNote } from '../../components/offline-note';
import { ShareEntry } from '../../components/share-entry';
import { dismissFirstScreen } from '../../first-screen/first-screen-handoff';
import { useFullMode } from '../../hooks/use-full-mode';
import { usePageParams } from '../../hooks/use-page-params';
import { useSession } from '../../hooks/use-session';
import { chooseLanguage } from '../../i18n/language';
import { TextProvider } from '../../i18n/text-context';
import { usePageLanguage } from '../../i18n/use-page-language';
import { createCardShare, recordCardVisit } from '../../services/share-service';
import { formatResponsePromise } from '../../format/format';
import { imageUrl } from '../../platform/image-url';
import { journeyFromParams, journeyParams, type Journey } from '../../card-model/journey';
import { webCardUrl } from '../../platform/web-links';
import { openPage, pageDepth, pageUrl, ROUTES } from '../../routes';
import { copyText } from '../../platform/privacy';
import type { CardEntry } from '../../card-model/card-request';
import { cardGridActions } from '../../card-model/card-actions';
import { savableContact } from '../../card-model/vcard';
import { useCard } from './use-card';
import { useCardShare } from './use-card-share';
import { cardContactActions } from './use-card-contact-actions';
import { CardStatusScreen } from './card-status-screen';
import { DistrictProfileSections } from './district-profile-sections';
import { HighlightedCarriersSection } from './highlighted-carriers-section';
import './index.css';

const pickEntry = (params: Partial<Record<string, string>>): CardEntry => ({
  cardId: params.cardId,
  s: params.s,
  scene: params.scene,
  q: params.q,
});

/** The query that reopens this card, carrying the share this visit came through. */
const plainShareQuery = (card: CardView | null): string => (card ? pageUrl(ROUTES.card, { cardId: card.cardId, s: card.shareCode }).split('?')[1] ?? '' : '');

/** The fallback before a card has its drawn share image: a PNG or JPG cover; a vector one is left to WeChat's snapshot. */
const shareImage = (ref: string | null): { imageUrl?: string } => {
  const url = imageUrl(ref);
  return url && /\.(png|jpe?g)(\?|$)/i.test(url) ? { imageUrl: url } : {};
};

const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

/** Out of a missing card or carrier: the district's default card (card.get without an id), carriers, directory. */
const leaveDeadEnd = (way: DeadEndWay): void => {
  if (way === 'carriers') openPage(ROUTES.carriers, {}, 'redirect');
  else if (way === 'directory') openPage(ROUTES.directory, {}, 'redirect');
  else openPage(ROUTES.card, {}, 'redirect');
};

export default function CardPage() {
  const params = usePageParams();
  const entry = useMemo(() => pickEntry(params), [params]);
  const language = usePageLanguage(params.lang);
  const { t, lang } = language;
  const { status, data, error, offline, savedAt, reload } = useCard(entry, language.contentLang);
  const { readOnly, hint, guard } = useFullMode(t.fullModeHint);
  // Who is looking decides the account links and the owner's shortcuts. Asked once the card is there (one warm
  // call instead of two racing a cold start; nothing asked for a missing card); never in Moments, where nobody
  // can be identified and neither block shows.
  const session = useSession({ enabled: !readOnly && data !== null });

  // Binding a staff account changes who this visitor is: ask again when they come back to the card.
  const sessionStale = useRef(false);
  useDidShow(() => {
    if (!sessionStale.current) return;
    sessionStale.current = false;
    void session.reload();
  });

  // A card opened from inside the app (the directory) is a direct visit, whatever brought the visitor in.
  const [channel] = useState(() => {
    const fromLink = journeyFromParams(params);
    return (params.channel || pageDepth() === 1) ? fromLink.channel : 'direct';
  });
  const journey: Journey | null = data ? { cardId: data.cardId, shareCode: data.shareCode, channel } : null;

  const links = useCardShare(data?.cardId ?? null, data?.shareCode ?? null, process.env.TARO_ENV === 'weapp' && !readOnly, data?.shareImages);

  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp' && !readOnly) {
      // Some devices only show the Moments entry after this call, even with the page config set.
      // `menus` is WeChat's own option (Taro's typings only list QQ's `showShareItems`); Taro passes it through.
      const options: Taro.showShareMenu.Option & { menus: string[] } = { withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] };
      Taro.showShareMenu(options).catch(() => undefined);
    }
  });

  const districtName = data?.district.name;
  // Not in Moments single-page mode: its navigation bar is WeChat's, fixed to the page config's title (界面·导航栏 is
  // on the disabled list of 单页模式).
  useEffect(() => {
    if (districtName && !readOnly) Taro.setNavigationBarTitle({ title: districtName }).catch(() => undefined);
  }, [districtName, readOnly]);

  // One counted view per card opened; counting never bothers the visitor.
  const counted = useRef<string | null>(null);
  const visitCardId = data?.cardId ?? null;
  const visitShare = data?.shareCode ?? null;
  useEffect(() => {
    if (!visitCardId || counted.current === visitCardId) return;
    counted.current = visitCardId;
    void recordCardVisit({ cardId: visitCardId, shareCode: visitShare, channel });
  }, [visitCardId, visitShare, channel]);

  useShareAppMessage(() => ({
    title: data?.district.slogan ?? t.appName,
    path: links.chat?.path ?? (data ? pageUrl(ROUTES.card, { cardId: data.cardId, s: data.shareCode }) : ROUTES.card),
    // The 5:4 image drawn from this card, else the district's cover.
    ...(links.chatImage ? { imageUrl: links.chatImage } : shareImage(data?.district.coverImage ?? null)),
  }));
  useShareTimeline(() => ({
    title: data?.district.slogan ?? t.appName,
    query: links.moments?.query ?? plainShareQuery(data),
    // The 1:1 image drawn from this card; without one WeChat shows the mini-program's icon.
    ...(links.momentsImage ? { imageUrl: links.momentsImage } : {}),
  }));

  usePullDownRefresh(() => {
    reload().then((failure) => {
      Taro.stopPullDownRefresh();
      // A failed refresh keeps the card on screen and says so briefly.
      if (failure && data) Taro.showToast({ title: t.errorMessage(failure.code, failure.message), icon: 'none' }).catch(() => undefined);
    });
  });

  // H5: index.html painted this card as plain HTML before the app loaded; it gives way, in the same frame, as soon
  // as this page has the card (or an error) of its own to show.
  useLayoutEffect(() => {
    if (process.env.TARO_ENV === 'h5' && status !== 'loading') dismissFirstScreen();
  }, [status]);

  if (status === 'loading' || !data || !journey) {
    return (
      <TextProvider value={language}>
        <CardStatusScreen loading={status === 'loading'} error={error} onWay={leaveDeadEnd} onRetry={() => void reload()} />
      </TextProvider>
    );
  }

  const { district, owner, contact, highlightedCarriers } = data;
  const responseNote = formatResponsePromise(district.firstResponseHours, lang);
  /** Who answers inquiries: the on-duty commissioner if there is one, else the owner. */
  const answerer: Person = contact?.phone ? contact : owner;
  const savable = savableContact(owner, contact);
  // A departed owner's card shows the successor's QR code (the owner's is withheld by the server too).
  const qrPerson = data.ownerDeparted && contact ? contact : owner;
  const qrSrc = qrPerson.wechatQr ? imageUrl(qrPerson.wechatQr) : null;
  const actions = cardContactActions(data, qrSrc, { guard, readOnly }, t, isH5());

  const isOwner = !readOnly && session.staff !== null && session.staff.cardId === data.cardId;
  const bindStaff = () => {
    sessionStale.current = true;
    session.openStaffBind();
  };

  const copyLink = async () => {
    const share = await createCardShare({ cardId: data.cardId, channel: 'web_link', parentCode: data.shareCode });
    await copyText(share?.webUrl ?? webCardUrl(plainShareQuery(data)));
  };

  const browseCarriers = () => guard(t.actionBrowseCarriers, () => openPage(ROUTES.carriers, journeyParams(journey, { districtId: district.id })));
  const inquire = () => guard(t.actionLead, () => openPage(ROUTES.leadForm, journeyParams(journey)));

  // Muted in Moments single-page mode (never on the web, where the card is always in full mode).
  const gridItems: ActionGridItem[] = cardGridActions(isH5() ? 'web' : 'mini-program', savable !== null, t).map((action) => ({ ...action, muted: readOnly }));
  const onGrid = (key: string) => {
    if (key === 'carriers') browseCarriers();
    else if (key === 'directory') guard(t.actionDirectory, () => openPage(ROUTES.directory, journeyParams(journey, { districtId: district.id })));
    else if (key === 'lead') inquire();
    else if (key === 'contact') actions.saveContact();
  };

  const barActions: ActionBarAction[] = [
    isH5()
      ? { key: 'copy-link', label: t.actionCopyLink, icon: '/assets/icons/link.svg', testId: 'copy-link' }
      : { key: 'share', label: t.actionShare, icon: '/assets/icons/share.svg', openShare: !readOnly, testId: 'share-card' },
    ...(answerer.phone ? [{ key: 'call', label: t.actionCall, testId: 'bar-call' }] : []),
    { key: 'lead', label: t.actionLead, primary: true, testId: 'bar-lead' },
  ];
  const onBar = (key: string) => {
    if (key === 'call' && answerer.phone) actions.callPhone(answerer.phone);
    else if (key === 'lead') inquire();
    else if (key === 'copy-link') void copyLink();
    else if (key === 'share') guard(t.actionShare, () => undefined);
  };

  return (
    <TextProvider value={language}>
      <View className={readOnly ? 'card-page card-page--read-only' : 'card-page'} data-testid="card-page" role="main">
        {district.isDemo ? <DemoBanner /> : null}
        {readOnly ? <MomentsBanner /> : null}
        <DistrictHero
          name={district.name}
          slogan={district.slogan}
          coverImage={imageUrl(district.coverImage)}
          nameZh={isFallbackZh(district, 'name')}
          sloganZh={isFallbackZh(district, 'slogan')}
        />

        <View className="card-page__body">
          <ActionGrid items={gridItems} onTap={onGrid} />
          <LanguageSwitch active={lang} label={t.languageSwitchLabel} onChange={chooseLanguage} />
          {offline ? <OfflineNote savedAt={savedAt} onRetry={() => void reload()} /> : null}

          <DistrictProfileSections district={district} featuredIndustries={data.featuredIndustries} />

          <HighlightedCarriersSection
            carriers={highlightedCarriers}
            now={new Date()}
            onOpenCarrier={(c) => guard(t.actionOpenCarrier, () => openPage(ROUTES.carrierDetail, journeyParams(journey, { carrierId: c.id })))}
            onBrowseAll={browseCarriers}
          />

          <CardContactSection
            card={data}
            responseNote={responseNote}
            qrSrc={qrSrc}
            web={isH5()}
            canSaveQr={process.env.TARO_ENV === 'weapp'}
            onCall={actions.callPhone}
            onCopyWechat={actions.copyWechat}
            onPreviewQr={actions.previewQr}
            onSaveQr={actions.saveQr}
          />

          {readOnly ? <ActionBar actions={barActions} onTap={onBar} floating={false} /> : null}
          {isOwner ? (
            <ShareEntry
              onEditCard={() => openPage(ROUTES.myCard)}
              onPoster={() => openPage(ROUTES.poster, { cardId: data.cardId, s: data.shareCode, lang: lang === 'en' ? 'en' : undefined })}
              onStats={() => openPage(ROUTES.cardStats)}
            />
          ) : null}
          <AccountLinks
            kind={readOnly ? 'anonymous' : session.kind}
            onOpenMyLeads={() => session.openMyLeads(data.cardId)}
            onOpenWorkspace={session.openWorkspace}
            onBindStaff={bindStaff}
          />
          <Text className="card-page__footer" {...chineseContent(isFallbackZh(district, 'name'))}>
            {t.cardFooter(district.name)}
          </Text>
        </View>

        {readOnly ? null : <ActionBar actions={barActions} onTap={onBar} />}
        <FullModeHint message={hint} />
      </View>
    </TextProvider>
  );
}
