import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { isId } from '../../../domain/common/text';
import type { ShareChannel } from '../../../domain/lead/lead.schema';
import { AssignSheet } from '../../components/assign-sheet';
import { usePoolClaim } from '../inbox/use-pool-claim';
import { ErrorState } from '../../components/error-state';
import type { ThreadMessage } from '../../components/message-thread';
import { StatusPipeline } from '../../components/status-pipeline';
import { addPhoneContact, copyText } from '../../platform/privacy';
import { openPage, ROUTES } from '../../routes';
import { ConfirmSection } from './sections/confirm-section';
import { ContactSection } from './sections/contact-section';
import { FactsSection } from './sections/facts-section';
import { FirstReportSection } from './sections/first-report-section';
import { HandlingSection } from './sections/handling-section';
import { InvalidSheet } from './sections/invalid-sheet';
import { LeadHeader } from './sections/lead-header';
import { MatchesSection } from './sections/matches-section';
import { NeedSection } from './sections/need-section';
import { NotesSection } from './sections/notes-section';
import { ParticipantsSection } from './sections/participants-section';
import { useLeadParticipants } from './use-lead-participants';
import { ReplySection } from './sections/reply-section';
import { Section } from './sections/section';
import { useLeadDetail } from './use-lead-detail';
import { useFirstReport } from './use-first-report';
import { useLeadFacts } from './use-lead-facts';
import { useLeadMatches } from './use-lead-matches';
import { useRecommendation } from './use-recommendation';
import { stagesToConfirm, useStageConfirm } from './use-stage-confirm';
import { PAGE_HEADING } from '../../components/a11y';
import { usePageParams } from '../../hooks/use-page-params';
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

const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

const callPhone = (phone: string): void => {
  // Rejects when the user cancels the system sheet: nothing to report.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
};

export default function LeadDetailPage() {
  const params = usePageParams();
  // Notifications open `staff/lead-detail/index?id=<leadId>`.
  const rawId = params.id ?? params.leadId ?? '';
  const leadId = isId(rawId) ? rawId : null;
  const detail = useLeadDetail(leadId);
  const matches = useLeadMatches(leadId);
  const pool = usePoolClaim(detail.reload);
  const participants = useLeadParticipants(leadId, detail.reload);
  const { status, data, error } = detail;
  const factsEditor = useLeadFacts(leadId, data ? { id: data.lead.id, rev: data.rev, facts: data.facts, statedCompany: data.lead.company } : null, detail.reload);
  const stageConfirm = useStageConfirm(leadId, data ? { id: data.lead.id, status: data.lead.status, rev: data.rev, canConfirm: data.canConfirm, confirmations: data.confirmations } : null, detail.reload);

  // The recommendation names its carriers: sending it brings their managers (staff) into the lead.
  const recommendation = useRecommendation(leadId, data?.investorLang, matches.data, detail.reply.recommend);

  // 首报 is about the units' reports of the company: not for a participant (they are there for the need).
  const firstReport = useFirstReport(leadId, data?.rev ?? null, data?.facts?.updatedAt ?? null, detail.reload, data !== null && data.view !== 'participant');

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

  const { lead, canAct } = data;
  const isH5 = process.env.TARO_ENV === 'h5';
  // WeChat draws text areas above everything: while a sheet is open they step aside.
  const sheetOpen = detail.assign.open || detail.invalid.open;
  const hideInputs = sheetOpen && !isH5;
  const replies: ThreadMessage[] = [
    ...(data.message ? [{ id: 'inquiry', author: `${lead.contactName ?? ''}（投资者）`, text: data.message, at: lead.createdAt, fromInvestor: true }] : []),
    ...data.events.filter((e) => e.type === 'reply').map((e) => ({ id: e.id, author: e.actorName, text: e.text ?? '', at: e.at, fromInvestor: false })),
  ];
  const revealed = detail.revealed;
  const asParticipant = data.view === 'participant';
  const holderName = lead.handlerName ?? lead.handlerUnitName;
  const participantList = data.participants ?? [];
  const waitingStages = stagesToConfirm(lead.status, data.confirmations);
  const showConfirmations = waitingStages.length > 0 || Boolean(data.confirmations.signed ?? data.confirmations.landed);

  return (
    <View className="lead-detail" data-testid="lead-detail" role="main">
      <LeadHeader lead={lead} view={data.view} canAct={canAct} channelLabel={channelLabel(data.sourceChannel)} />

      <ContactSection
        lead={lead}
        revealed={revealed}
        canReveal={data.canReveal ?? canAct}
        holderName={asParticipant ? holderName : undefined}
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

      <NeedSection lead={lead} need={data.need} />

      <ParticipantsSection
        participants={participantList}
        canManage={canAct}
        asParticipant={asParticipant}
        holderName={holderName}
        busy={participants.busy}
        error={participants.errorFrom === 'manage' ? participants.error : null}
        onShare={(staffId, shared) => void participants.share(staffId, shared)}
        onRemove={(staffId) => void participants.remove(staffId)}
      />

      <FactsSection
        facts={data.facts}
        canEdit={canAct}
        hideInputs={hideInputs}
        editor={factsEditor}
        onEdit={factsEditor.open}
        onCancel={factsEditor.cancel}
        onChange={factsEditor.set}
        onSave={() => void factsEditor.save()}
      />

      {asParticipant ? null : (
        <FirstReportSection
          report={firstReport}
          hideInputs={hideInputs}
          onRetry={() => void firstReport.reload()}
          onOpenHolder={(id) => openPage(ROUTES.staffLeadDetail, { id })}
          onOpenForm={firstReport.openForm}
          onCloseForm={firstReport.closeForm}
          onReason={firstReport.setReason}
          onRaise={() => void firstReport.raise()}
        />
      )}

      <Section title="办理进度" testId="pipeline-section">
        <StatusPipeline status={lead.status} allowedNext={canAct ? data.allowedNext : []} moving={detail.moving} onMove={canAct ? (to) => void detail.move(to) : undefined} />
      </Section>

      {showConfirmations ? (
        <ConfirmSection
          confirmations={data.confirmations}
          waiting={waitingStages}
          hideInputs={hideInputs}
          confirm={stageConfirm}
          onOpen={stageConfirm.open}
          onCancel={stageConfirm.cancel}
          onNote={stageConfirm.setNote}
          onDate={stageConfirm.setDate}
          onConfirm={() => void stageConfirm.confirm()}
        />
      ) : null}

      <ReplySection
        messages={replies}
        messageHidden={data.message === null}
        canAct={canAct}
        hideTextarea={hideInputs}
        reply={detail.reply}
        onText={detail.reply.setText}
        onSend={() => void detail.reply.send()}
      />

      <NotesSection
        events={data.events}
        canAct={canAct}
        participantNote={data.canNote ?? false}
        hideTextarea={hideInputs}
        note={detail.note}
        onKind={detail.note.setKind}
        onText={detail.note.setText}
        onSave={() => void detail.note.save()}
      />

      <HandlingSection
        lead={lead}
        shareChain={data.shareChain}
        canAct={canAct}
        onAssign={() => void detail.assign.openSheet()}
        claim={{ pending: pool.pending, error: pool.error, onClaim: () => pool.claim(lead.id, data.rev) }}
      />

      {/* Matches load after the detail: last on the page, their arrival moves nothing already on screen. */}
      <MatchesSection
        matches={matches}
        canAct={canAct}
        onInvite={(carrierId) => void participants.invite(carrierId)}
        inviting={participants.busy}
        inviteError={participants.errorFrom === 'invite' ? participants.error : null}
        invitedCarrierIds={participantList.map((p) => p.carrierId)}
        investorEnglish={data.investorLang === 'en'}
        recommending={recommendation.pending}
        onRecommend={() => {
          void recommendation.recommend().then(() => {
            // The reply box is further up: bring it into view with the recommendation in it.
            Taro.pageScrollTo({ selector: '.lead-detail__composer', offsetTop: -80, duration: 200 }).catch(() => undefined);
          });
        }}
        onRetry={() => void matches.reload()}
        onOpen={(carrierId) => openPage(ROUTES.carrierDetail, { carrierId })}
      />

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

      <InvalidSheet
        open={detail.invalid.open}
        reason={detail.invalid.reason}
        error={detail.invalid.error}
        onReason={detail.invalid.setReason}
        onConfirm={() => void detail.invalid.confirm()}
        onClose={detail.invalid.close}
      />
    </View>
  );
}
