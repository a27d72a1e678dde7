import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { isId } from '../../../domain/common/text';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, type CarrierType } from '../../../domain/carrier/carrier.schema';
import type { ShareChannel } from '../../../domain/lead/lead.schema';
import { ActionButton } from '../../components/action-button';
import { AssignSheet } from '../../components/assign-sheet';
import { usePoolClaim } from '../inbox/use-pool-claim';
import { CarrierMatchList } from '../../components/carrier-match-list';
import { BottomSheet } from '../../components/bottom-sheet';
import { ContactReveal } from '../../components/contact-reveal';
import { ErrorState } from '../../components/error-state';
import { EventTimeline } from '../../components/event-timeline';
import { MessageThread, type ThreadMessage } from '../../components/message-thread';
import { OverdueBadge, StatusBadge } from '../../components/status-badge';
import { StatusPipeline } from '../../components/status-pipeline';
import { formatDateTime } from '../../format/date-time';
import { formatArea } from '../../format/format';
import { addPhoneContact, copyText } from '../../platform/privacy';
import { openPage, ROUTES } from '../../routes';
import { recommendationText, RECOMMENDED } from './recommendation';
import { useLeadDetail, type LeadDetail } from './use-lead-detail';
import { useLeadMatches } from './use-lead-matches';
import { PAGE_HEADING, controlLabel, tappable } from '../../components/a11y';
import './index.css';

const CHANNEL_LABELS: Record<ShareChannel, string> = {
  chat: '微信聊天分享',
  moments: '朋友圈',
  poster: '海报',
  qr: '二维码',
  web_link: '网页链接',
  direct: '直接访问',
};

const channelLabel = (channel: string): string => CHANNEL_LABELS[channel as ShareChannel] ?? channel;
const carrierTypeLabel = (t: string | null): string | null => (t && (CARRIER_TYPES as readonly string[]).includes(t) ? CARRIER_TYPE_LABELS[t as CarrierType] : t);

const areaText = ({ areaMin, areaMax }: LeadDetail['need']): string | null => {
  if (areaMin === null && areaMax === null) return null;
  if (areaMin !== null && areaMax !== null) return areaMin === areaMax ? formatArea(areaMin) : `${formatArea(areaMin)} – ${formatArea(areaMax)}`;
  return areaMin !== null ? `${formatArea(areaMin)} 以上` : `${formatArea(areaMax as number)} 以内`;
};

const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

const callPhone = (phone: string): void => {
  // Rejects when the user cancels the system sheet: nothing to report.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
};

function Section({ title, extra, testId, children }: { title: string; extra?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <View className="lead-detail__section" data-testid={testId}>
      <View className="lead-detail__section-head">
        <View className="lead-detail__section-mark" />
        <Text className="lead-detail__section-title">{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <View className="lead-detail__row">
      <Text className="lead-detail__row-label">{label}</Text>
      <Text className="lead-detail__row-value">{value}</Text>
    </View>
  );
}

export default function LeadDetailPage() {
  const { params } = useRouter();
  // Notifications open `staff/lead-detail/index?id=<leadId>`.
  const rawId = params.id ?? params.leadId ?? '';
  const leadId = isId(rawId) ? rawId : null;
  const detail = useLeadDetail(leadId);
  const matches = useLeadMatches(leadId);
  const pool = usePoolClaim(detail.reload);
  const { status, data, error } = detail;

  usePullDownRefresh(() => {
    detail.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  if (status === 'loading') {
    return (
      <View className="lead-detail" data-testid="lead-detail-loading" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          线索详情
        </Text>
        <View className="lead-detail__skeleton" />
        <View className="lead-detail__skeleton" />
      </View>
    );
  }
  if (!data) {
    return (
      <View className="lead-detail" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          线索详情
        </Text>
        <ErrorState message={error?.message ?? '未找到该咨询'} onRetry={error?.code === 'LEAD.NOT_FOUND' ? undefined : () => void detail.reload()} />
      </View>
    );
  }

  const { lead, need, canAct } = data;
  const isH5 = process.env.TARO_ENV === 'h5';
  // WeChat draws text areas above everything: while a sheet is open they step aside.
  const sheetOpen = detail.assign.open || detail.invalid.open;
  const replies: ThreadMessage[] = [
    ...(data.message ? [{ id: 'inquiry', author: `${lead.contactName ?? ''}（投资者）`, text: data.message, at: lead.createdAt, fromInvestor: true }] : []),
    ...data.events.filter((e) => e.type === 'reply').map((e) => ({ id: e.id, author: e.actorName, text: e.text ?? '', at: e.at, fromInvestor: false })),
  ];
  const revealed = detail.revealed;

  return (
    <View className="lead-detail" data-testid="lead-detail" role="main">
      {!canAct ? (
        <View className="lead-detail__readonly" data-testid="read-only-note">
          <Text>
            {data.view === 'referrer'
              ? '您是这条线索的推荐人：可查看企业、需求和办理进展；投资者的姓名、联系方式、留言和跟进记录仅承办人可见。'
              : '这条线索由同事承办：您可查看，处理由承办人或单位负责人进行。'}
          </Text>
        </View>
      ) : null}

      <View className="lead-detail__header">
        <View className="lead-detail__header-top">
          {/* A referrer does not get the person's name: the company stands in for it. */}
          <Text {...PAGE_HEADING} className="lead-detail__name">{lead.contactName ?? (lead.company || '投资者')}</Text>
          <View className="lead-detail__badges">
            {lead.overdue ? <OverdueBadge /> : null}
            <StatusBadge status={lead.status} />
          </View>
        </View>
        {lead.company && lead.contactName ? <Text className="lead-detail__company">{lead.company}</Text> : null}
        <Text className="lead-detail__meta">
          {formatDateTime(lead.createdAt)} 提交 · 来自{channelLabel(data.sourceChannel)}
        </Text>
        <View
          className={lead.firstRespondedAt ? 'lead-detail__sla lead-detail__sla--done' : lead.overdue ? 'lead-detail__sla lead-detail__sla--late' : 'lead-detail__sla'}
          data-testid="sla-note"
        >
          <Text>
            {lead.firstRespondedAt
              ? `已于 ${formatDateTime(lead.firstRespondedAt)} 首次回复`
              : `${lead.overdue ? '已超过' : ''}首次回复时限 ${formatDateTime(lead.firstResponseDueAt)}`}
          </Text>
        </View>
      </View>

      <Section title="联系方式" testId="contact-section">
        {lead.privacyState ? (
          <Text className="lead-detail__meta" data-testid="contact-stopped">
            {lead.privacyState === 'anonymised' ? '已匿名：投资者的个人信息已删除' : '已撤回同意：投资者要求不再联系，联系方式不可查看'}
          </Text>
        ) : lead.phoneMasked === null ? (
          <Text className="lead-detail__meta" data-testid="contact-hidden">
            联系方式仅承办人可见
          </Text>
        ) : (
          <ContactReveal
            phoneMasked={lead.phoneMasked}
            maskedWay={lead.maskedWay ?? 'phone'}
            revealed={revealed}
            canReveal={canAct}
            revealing={detail.revealing}
            onReveal={() => void detail.reveal()}
            onCall={callPhone}
            onCopy={(value) => void copyText(value)}
            phoneHref={isH5 && revealed?.phone ? telHref(revealed.phone) : undefined}
            onAddContact={
              !isH5 && revealed
                ? () =>
                    void addPhoneContact({
                      firstName: lead.contactName ?? '',
                      mobilePhoneNumber: revealed.phone ?? undefined,
                      organization: lead.company || undefined,
                      email: revealed.email ?? undefined,
                      weChatNumber: revealed.wechatId ?? undefined,
                      remark: `招商咨询 · ${lead.industry}`,
                    })
                : undefined
            }
          />
        )}
      </Section>

      <Section title="投资需求" testId="need-section">
        <Row label="意向行业" value={lead.industry} />
        <Row label="投资规模" value={lead.scale} />
        <Row label="载体类型" value={carrierTypeLabel(need.carrierType)} />
        <Row label="面积需求" value={areaText(need)} />
        <Row label="计划时间" value={need.timing} />
        <Row label="咨询载体" value={lead.carrierName} />
      </Section>

      <Section title="办理进度" testId="pipeline-section">
        <StatusPipeline status={lead.status} allowedNext={canAct ? data.allowedNext : []} moving={detail.moving} onMove={canAct ? (to) => void detail.move(to) : undefined} />
      </Section>

      <Section title="与投资者沟通" testId="reply-section">
        <MessageThread messages={replies} testId="reply-thread" emptyText={data.message === null ? '投资者的留言仅承办人可见。' : '投资者未留言。'} />
        {canAct ? (
          <View className="lead-detail__composer">
            {sheetOpen && !isH5 ? (
              <View className="lead-detail__textarea" />
            ) : (
              <Textarea
                className="lead-detail__textarea"
                value={detail.reply.text}
                maxlength={500}
                placeholder="回复投资者（对方可在「我的咨询」看到，并收到微信通知）"
                data-testid="reply-input"
                {...controlLabel('回复投资者')}
                onInput={(e) => detail.reply.setText(e.detail.value)}
              />
            )}
            {detail.reply.error ? <Text className="lead-detail__error">{detail.reply.error}</Text> : null}
            <View className="lead-detail__composer-actions">
              <ActionButton text="发送回复" size="md" loading={detail.reply.sending} onClick={() => void detail.reply.send()} testId="send-reply" />
            </View>
          </View>
        ) : null}
      </Section>

      <Section title="跟进记录" testId="notes-section">
        {canAct ? (
          <View className="lead-detail__composer lead-detail__composer--notes">
            <View className="lead-detail__kinds" role="radiogroup">
              {(['note', 'call_logged'] as const).map((kind) => (
                <View
                  key={kind}
                  className={detail.note.kind === kind ? 'lead-detail__kind lead-detail__kind--on' : 'lead-detail__kind'}
                  aria-checked={detail.note.kind === kind ? 'true' : 'false'}
                  data-testid={`note-kind-${kind}`}
                  {...tappable({ role: 'radio' })}
                  onClick={() => detail.note.setKind(kind)}
                >
                  <Text>{kind === 'note' ? '跟进备注' : '记录通话'}</Text>
                </View>
              ))}
            </View>
            {sheetOpen && !isH5 ? (
              <View className="lead-detail__textarea lead-detail__textarea--short" />
            ) : (
              <Textarea
                className="lead-detail__textarea lead-detail__textarea--short"
                value={detail.note.text}
                maxlength={500}
                placeholder={detail.note.kind === 'call_logged' ? '通话要点，如：已电话联系，约下周实地考察' : '内部跟进备注，投资者看不到'}
                data-testid="note-input"
                {...controlLabel(detail.note.kind === 'call_logged' ? '通话要点' : '跟进备注')}
                onInput={(e) => detail.note.setText(e.detail.value)}
              />
            )}
            {detail.note.error ? <Text className="lead-detail__error">{detail.note.error}</Text> : null}
            <View className="lead-detail__composer-actions">
              <ActionButton
                text={detail.note.kind === 'call_logged' ? '保存通话记录' : '保存备注'}
                size="md"
                tone="secondary"
                loading={detail.note.sending}
                onClick={() => void detail.note.save()}
                testId="save-note"
              />
            </View>
          </View>
        ) : null}
        <EventTimeline events={data.events} />
      </Section>

      <Section
        title="承办与推荐"
        testId="handling-section"
        extra={canAct ? <ActionButton text="转交" size="sm" tone="secondary" onClick={() => void detail.assign.openSheet()} testId="open-assign" /> : undefined}
      >
        {canAct && lead.handlerName === null ? (
          <View data-testid="detail-claim">
            <ActionButton text="认领这条线索" size="sm" loading={pool.pending} onClick={() => pool.claim(lead.id, data.rev)} testId="claim-lead" />
            {pool.error ? <Text className="lead-detail__meta" aria-live="polite">{pool.error}</Text> : null}
          </View>
        ) : null}
        <Row label="承办单位" value={lead.handlerUnitName} />
        <Row label="承办人" value={lead.handlerName ?? '待认领'} />
        <Row label="推荐人" value={lead.creditName} />
        <Row label="分享链路" value={data.shareChain.length ? data.shareChain.join(' → ') : null} />
      </Section>

      {/* Matches load after the detail: last on the page, their arrival moves nothing already on screen. */}
      <Section
        title="匹配载体"
        testId="matches-section"
        extra={
          canAct && matches.data?.matches.length ? (
            <ActionButton
              text={`推荐前 ${Math.min(RECOMMENDED, matches.data.matches.length)} 个`}
              size="sm"
              tone="secondary"
              onClick={() => {
                detail.reply.setText(recommendationText(matches.data?.matches ?? []));
                // The reply box is further up: bring it into view with the recommendation in it.
                Taro.pageScrollTo({ selector: '.lead-detail__composer', offsetTop: -80, duration: 200 }).catch(() => undefined);
              }}
              testId="recommend-matches"
            />
          ) : undefined
        }
      >
        {matches.status === 'loading' ? <Text className="lead-detail__meta">正在按需求匹配载体…</Text> : null}
        {matches.status === 'error' ? (
          <View className="lead-detail__matches-error">
            <Text className="lead-detail__meta">{matches.error?.message ?? '暂时无法匹配载体'}</Text>
            <ActionButton text="重试" size="sm" tone="secondary" onClick={() => void matches.reload()} testId="retry-matches" />
          </View>
        ) : null}
        {matches.status === 'ready' && matches.data && matches.data.matches.length + matches.data.nearMisses.length === 0 ? (
          <Text className="lead-detail__meta" data-testid="no-matches">
            暂无符合需求的载体，可在载体库中按条件查找。
          </Text>
        ) : null}
        {matches.status === 'ready' && matches.data ? (
          <>
            {canAct && matches.data.matches.length ? <Text className="lead-detail__meta">点「推荐」把前几个连同理由填入上方回复框，确认后发送给投资者。</Text> : null}
            <CarrierMatchList matches={matches.data.matches} nearMisses={matches.data.nearMisses} onOpen={(carrierId) => openPage(ROUTES.carrierDetail, { carrierId })} />
          </>
        ) : null}
      </Section>

      <AssignSheet
        open={detail.assign.open}
        units={detail.assign.units}
        people={detail.assign.people}
        unitId={detail.assign.unitId}
        staffId={detail.assign.staffId}
        note={detail.assign.note}
        submitting={detail.assign.submitting}
        error={detail.assign.error ?? undefined}
        onPickUnit={(id) => void detail.assign.pickUnit(id)}
        onPickStaff={detail.assign.pickStaff}
        onNote={detail.assign.setNote}
        onConfirm={() => void detail.assign.confirm()}
        onClose={detail.assign.close}
      />

      <BottomSheet
        open={detail.invalid.open}
        title="标记为无效"
        onClose={detail.invalid.close}
        testId="invalid-sheet"
        footer={<ActionButton text="确认标记无效" tone="primary" block onClick={() => void detail.invalid.confirm()} testId="confirm-invalid" />}
      >
        <Text className="lead-detail__sheet-text">请说明原因，便于统计与复核。标记后如有误，可重新启用。</Text>
        <Input
          className="lead-detail__reason"
          value={detail.invalid.reason}
          maxlength={100}
          placeholder="如：联系方式无效、重复咨询、非投资需求"
          data-testid="invalid-reason"
          {...controlLabel('标记无效的原因')}
          onInput={(e) => detail.invalid.setReason(e.detail.value)}
        />
        {detail.invalid.error ? <Text className="lead-detail__error">{detail.invalid.error}</Text> : null}
      </BottomSheet>
    </View>
  );
}
