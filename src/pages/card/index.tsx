import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CardView, Person } from '../../../domain/api/views.schema';
import { freshness } from '../../../domain/carrier/carrier.rules';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
// ContactCard (with Avatar) comes first: every page imports shared component styles in one relative order,
// so the mini-program's common stylesheet is built without order conflicts.
import { ContactCard } from '../../components/contact-card';
import { AccountLinks } from '../../components/account-links';
import { ActionBar, type ActionBarAction } from '../../components/action-bar';
import { ActionGrid, type ActionGridItem } from '../../components/action-grid';
import { CardSkeleton } from '../../components/card-skeleton';
import { CarrierSummaryCard } from '../../components/carrier-summary-card';
import { DemoBanner } from '../../components/demo-banner';
import { DistrictHero } from '../../components/district-hero';
import { DeadEndState, type DeadEndWay } from '../../components/dead-end-state';
import { ErrorState } from '../../components/error-state';
import { ExpandableText } from '../../components/expandable-text';
import { FigureGrid } from '../../components/figure-grid';
import { FullModeHint } from '../../components/full-mode-hint';
import { MomentsBanner } from '../../components/moments-banner';
import { OfflineNote } from '../../components/offline-note';
import { PolicyList } from '../../components/policy-list';
import { QrTile } from '../../components/qr-tile';
import { SectionBlock } from '../../components/section-block';
import { ShareEntry } from '../../components/share-entry';
import { TagList } from '../../components/tag-list';
import { dismissFirstScreen } from '../../first-screen/first-screen-handoff';
import { useFullMode } from '../../hooks/use-full-mode';
import { useSession } from '../../hooks/use-session';
import { localImagePath } from '../../services/image-file';
import { createCardShare, recordCardVisit } from '../../services/share-service';
import { formatResponsePromise } from '../../format/format';
import { imageUrl } from '../../platform/image-url';
import { telHref } from '../../format/tel-href';
import { journeyFromParams, journeyParams, type Journey } from '../../card-model/journey';
import { webCardUrl } from '../../platform/web-links';
import { openPage, pageDepth, pageUrl, ROUTES } from '../../routes';
import { addPhoneContact, copyText, saveImageToAlbum } from '../../platform/privacy';
import type { CardEntry } from '../../card-model/card-request';
import { cardGridActions } from '../../card-model/card-actions';
import { useCard } from './use-card';
import { useCardShare } from './use-card-share';
import { downloadVcard, phoneContactFor, savableContact, vcardFileName, vcardFor } from '../../card-model/vcard';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const pickEntry = (params: Partial<Record<string, string>>): CardEntry => ({
  cardId: params.cardId,
  s: params.s,
  scene: params.scene,
  q: params.q,
});

/** The query that reopens this card, carrying the share this visit came through. */
const plainShareQuery = (card: CardView | null): string => (card ? pageUrl(ROUTES.card, { cardId: card.cardId, s: card.shareCode }).split('?')[1] ?? '' : '');

/** Share images must be PNG or JPG (5:4 for chats); a vector cover is left to WeChat's page snapshot. */
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
  const { params } = useRouter();
  const entry = useMemo(() => pickEntry(params), [params]);
  const { status, data, error, offline, savedAt, reload } = useCard(entry);
  const { readOnly, hint, guard } = useFullMode();
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

  const links = useCardShare(data?.cardId ?? null, data?.shareCode ?? null, process.env.TARO_ENV === 'weapp' && !readOnly);

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
    title: data?.district.slogan ?? '招商名片',
    path: links.chat?.path ?? (data ? pageUrl(ROUTES.card, { cardId: data.cardId, s: data.shareCode }) : ROUTES.card),
    ...shareImage(data?.district.coverImage ?? null),
  }));
  useShareTimeline(() => ({
    title: data?.district.slogan ?? '招商名片',
    query: links.moments?.query ?? plainShareQuery(data),
  }));

  usePullDownRefresh(() => {
    reload().then((failure) => {
      Taro.stopPullDownRefresh();
      // A failed refresh keeps the card on screen and says so briefly.
      if (failure && data) Taro.showToast({ title: failure.message, icon: 'none' }).catch(() => undefined);
    });
  });

  // H5: index.html painted this card as plain HTML before the app loaded; it gives way, in the same frame, as soon
  // as this page has the card (or an error) of its own to show.
  useLayoutEffect(() => {
    if (process.env.TARO_ENV === 'h5' && status !== 'loading') dismissFirstScreen();
  }, [status]);

  if (status === 'loading') {
    return (
      <View className="card-page" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          招商名片
        </Text>
        <CardSkeleton />
      </View>
    );
  }

  if (!data || !journey) {
    return (
      <View className="card-page" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          招商名片
        </Text>
        {error?.code === 'CARD.NOT_FOUND' ? (
          <DeadEndState message={error.message} onWay={leaveDeadEnd} />
        ) : (
          <ErrorState message={error?.message ?? ERROR_MESSAGES['INTERNAL.UNEXPECTED']} onRetry={() => void reload()} />
        )}
      </View>
    );
  }

  const { district, owner, contact, highlightedCarriers } = data;
  const responseNote = formatResponsePromise(district.firstResponseHours);
  /** Who answers inquiries: the on-duty commissioner if there is one, else the owner. */
  const answerer: Person = contact?.phone ? contact : owner;
  const savable = savableContact(owner, contact);
  const qrOwner = owner.wechatQr ? owner : null;
  const qrSrc = qrOwner ? imageUrl(qrOwner.wechatQr) : null;
  const now = new Date();

  const callPhone = (phone: string) =>
    guard('拨打电话', () => {
      // Rejects when the visitor cancels the system sheet: nothing to report.
      Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
    });
  const copyWechat = (wechatId: string) => guard('复制微信号', () => void copyText(wechatId, { failMessage: '复制失败，请长按微信号复制' }));

  const saveContact = () => {
    if (!savable) return;
    const note = `${district.name}招商名片`;
    if (isH5()) {
      if (!downloadVcard(vcardFor(savable, note), vcardFileName(savable.name))) {
        Taro.showToast({ title: '当前浏览器不支持下载，请长按号码保存', icon: 'none' }).catch(() => undefined);
      }
      return;
    }
    guard('存入通讯录', () => void addPhoneContact(phoneContactFor(savable, note)));
  };

  const previewQr = () => {
    if (!qrSrc) return;
    // Viewing is fine in Moments; the save menu is not.
    Taro.previewImage({ urls: [qrSrc], current: qrSrc, showmenu: !readOnly }).catch(() => {
      Taro.showToast({ title: '二维码暂时无法打开', icon: 'none' }).catch(() => undefined);
    });
  };
  const saveQr = () => {
    if (!qrSrc) return;
    guard('保存图片', () => {
      localImagePath(qrSrc)
        .then((path) => saveImageToAlbum(path))
        .catch(() => {
          Taro.showToast({ title: '图片获取失败，可在大图中长按保存', icon: 'none' }).catch(() => undefined);
        });
    });
  };

  const isOwner = !readOnly && session.staff !== null && session.staff.cardId === data.cardId;
  const bindStaff = () => {
    sessionStale.current = true;
    session.openStaffBind();
  };

  const copyLink = async () => {
    const share = await createCardShare({ cardId: data.cardId, channel: 'web_link', parentCode: data.shareCode });
    await copyText(share?.webUrl ?? webCardUrl(plainShareQuery(data)));
  };

  // Muted in Moments single-page mode (never on the web, where the card is always in full mode).
  const gridItems: ActionGridItem[] = cardGridActions(isH5() ? 'web' : 'mini-program', savable !== null).map((action) => ({ ...action, muted: readOnly }));
  const onGrid = (key: string) => {
    if (key === 'carriers') guard('浏览载体', () => openPage(ROUTES.carriers, journeyParams(journey, { districtId: district.id })));
    else if (key === 'directory') guard('查看专员名录', () => openPage(ROUTES.directory, journeyParams(journey, { districtId: district.id })));
    else if (key === 'lead') guard('留言咨询', () => openPage(ROUTES.leadForm, journeyParams(journey)));
    else if (key === 'contact') saveContact();
  };

  const barActions: ActionBarAction[] = [
    isH5()
      ? { key: 'copy-link', label: '复制链接', icon: '/assets/icons/link.svg', testId: 'copy-link' }
      : { key: 'share', label: '转发', icon: '/assets/icons/share.svg', openShare: !readOnly, testId: 'share-card' },
    ...(answerer.phone ? [{ key: 'call', label: '拨打电话', testId: 'bar-call' }] : []),
    { key: 'lead', label: '留言咨询', primary: true, testId: 'bar-lead' },
  ];
  const onBar = (key: string) => {
    if (key === 'call' && answerer.phone) callPhone(answerer.phone);
    else if (key === 'lead') guard('留言咨询', () => openPage(ROUTES.leadForm, journeyParams(journey)));
    else if (key === 'copy-link') void copyLink();
    else if (key === 'share') guard('转发', () => undefined);
  };

  return (
    <View className={readOnly ? 'card-page card-page--read-only' : 'card-page'} data-testid="card-page" role="main">
      {district.isDemo ? <DemoBanner /> : null}
      {readOnly ? <MomentsBanner /> : null}
      <DistrictHero name={district.name} slogan={district.slogan} coverImage={imageUrl(district.coverImage)} />

      <View className="card-page__body">
        <ActionGrid items={gridItems} onTap={onGrid} />
        {offline ? <OfflineNote savedAt={savedAt} onRetry={() => void reload()} /> : null}

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
            {highlightedCarriers.map((carrier) => {
              const fresh = freshness(carrier.lastVerifiedAt, now);
              return (
                <CarrierSummaryCard
                  key={carrier.id}
                  carrier={carrier}
                  photoUrl={imageUrl(carrier.photo)}
                  verified={{ label: `空置面积${fresh.label}`, stale: fresh.stale }}
                  onOpen={(c) => guard('查看载体详情', () => openPage(ROUTES.carrierDetail, journeyParams(journey, { carrierId: c.id })))}
                />
              );
            })}
            <View
              className="card-page__more"
              hoverClass="card-page__more--pressed"
              data-testid="browse-carriers"
              {...tappable({ role: 'link' })}
              onClick={() => guard('浏览载体', () => openPage(ROUTES.carriers, journeyParams(journey, { districtId: district.id })))}
            >
              <Text>查看全部载体</Text>
              <Text className="card-page__more-arrow">›</Text>
            </View>
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
            phoneHref={isH5() && owner.phone ? telHref(owner.phone) : undefined}
            privateNote={contact ? '联系方式未公开，咨询请联系下方专员' : '联系方式未公开'}
            onCall={callPhone}
            onCopyWechat={copyWechat}
          />
          {qrOwner && qrSrc ? (
            <QrTile src={qrSrc} name={qrOwner.name} canSave={process.env.TARO_ENV === 'weapp'} onPreview={previewQr} onSave={saveQr} />
          ) : null}
          {contact ? (
            <View className="card-page__duty">
              <Text className="card-page__duty-title">招商咨询由以下专员对接</Text>
              <ContactCard
                testId="duty-contact"
                person={contact}
                photoUrl={imageUrl(contact.photo)}
                role="咨询对接人"
                responseNote={responseNote}
                phoneHref={isH5() && contact.phone ? telHref(contact.phone) : undefined}
                onCall={callPhone}
                onCopyWechat={copyWechat}
              />
            </View>
          ) : null}
        </SectionBlock>

        {readOnly ? <ActionBar actions={barActions} onTap={onBar} floating={false} /> : null}
        {isOwner ? (
          <ShareEntry
            onEditCard={() => openPage(ROUTES.myCard)}
            onPoster={() => openPage(ROUTES.poster, { cardId: data.cardId, s: data.shareCode })}
            onStats={() => openPage(ROUTES.cardStats)}
          />
        ) : null}
        <AccountLinks
          kind={readOnly ? 'anonymous' : session.kind}
          onOpenMyLeads={() => session.openMyLeads(data.cardId)}
          onOpenWorkspace={session.openWorkspace}
          onBindStaff={bindStaff}
        />
        <Text className="card-page__footer">{district.name} · 招商名片</Text>
      </View>

      {readOnly ? null : <ActionBar actions={barActions} onTap={onBar} />}
      <FullModeHint message={hint} />
    </View>
  );
}
