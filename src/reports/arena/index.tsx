import { Text, View } from '@tarojs/components';
import { clientErrorMessage } from '../../services/client-error-messages';
import { nextPeriod, periodContaining, periodFromKey, previousPeriod } from '../../../domain/report/period.rules';
import { PAGE_HEADING } from '../../components/a11y';
import { CardSkeleton } from '../../components/card-skeleton';
import { ErrorState } from '../../components/error-state';
import { SectionBlock } from '../../components/section-block';
import { Segmented } from '../../components/segmented';
import { useSession } from '../../hooks/use-session';
import { AdjustmentForm } from './adjustment-form';
import { BoardLines } from './board-lines';
import { chinaTime } from './china-time';
import { DisputeList } from './dispute-list';
import { PeriodStepper } from './period-stepper';
import { ScoreBreakdown } from './score-breakdown';
import { useAdjustment } from './use-adjustment';
import { useArena } from './use-arena';
import { useDisputes } from './use-disputes';
import { useWeights } from './use-weights';
import { WeightsPanel } from './weights-panel';
import '../report-page.css';
import './index.css';

const KINDS = [
  { key: 'quarter', label: '季度' },
  { key: 'month', label: '月度' },
] as const;

/**
 * 擂台赛: the top N of the district's units and teams, the caller's own unit and team item by item, when the period
 * locks; the district admin adjusts a locked board here.
 */
export default function ArenaPage() {
  const arena = useArena();
  const session = useSession();
  // 首报 disputes are the district admin's to decide: the list is asked for only then.
  const admin = session.staff?.roles.includes('admin') ?? false;
  const disputes = useDisputes(admin, arena.reload);
  const weights = useWeights(arena.reload);
  const adjustment = useAdjustment(arena.kind, arena.reload);
  const data = arena.data;
  // A locked board changes only by an adjustment, and only the district admin makes one.
  const canAdjust = admin && (data?.lock.locked ?? false);
  const step = (key: string, direction: -1 | 1) => {
    const shown = periodFromKey(key);
    if (shown) arena.setKey((direction < 0 ? previousPeriod(shown) : nextPeriod(shown)).key);
  };
  return (
    <View className="report-page" data-testid="arena" role="main">
      <Text className="report-page__title" {...PAGE_HEADING}>
        擂台赛{data ? ` · ${data.period.label}` : ''}
      </Text>
      <Segmented options={KINDS} active={arena.kind} onChange={(k) => arena.setKind(k as 'quarter' | 'month')} testId="arena-kind" />
      {data ? <PeriodStepper current={data.period.key === periodContaining(arena.kind, new Date()).key} onPrevious={() => step(data.period.key, -1)} onNext={() => step(data.period.key, 1)} /> : null}
      {arena.status === 'loading' && !data ? (
        <CardSkeleton />
      ) : !data ? (
        <ErrorState message={arena.error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void arena.reload()} />
      ) : (
        <View>
          <Text className={data.lock.locked ? 'arena__lock arena__lock--locked' : 'arena__lock'} data-testid="arena-lock">
            {data.lock.locked ? `已于 ${chinaTime(data.lock.at)} 锁定：榜单是锁定时的快照，此后只能由区管理员调整` : `将于 ${chinaTime(data.lock.at)} 锁定，锁定前的更正会直接计入`}
          </Text>
          <SectionBlock title={data.top.length < data.contestants ? `前 ${data.topN} 名` : '单位榜'} extra={`共 ${data.contestants} 个单位`} testId="arena-top">
            <BoardLines lines={data.top} ownId={data.own?.contestantId ?? null} canAdjust={canAdjust} onAdjust={(line) => adjustment.start(data.period.key, line, 'unit')} testPrefix="unit" />
          </SectionBlock>
          {data.own ? <ScoreBreakdown title={`本单位：第 ${data.own.rank} 名`} raw={data.own.raw} items={data.own.items} testId="arena-own" /> : null}
          {data.teams.contestants > 0 ? (
            <SectionBlock title={data.teams.top.length < data.teams.contestants ? `小组榜 · 前 ${data.topN} 名` : '小组榜'} extra={`共 ${data.teams.contestants} 个小组`} testId="arena-teams">
              <BoardLines lines={data.teams.top} ownId={data.teams.own?.contestantId ?? null} canAdjust={canAdjust} onAdjust={(line) => adjustment.start(data.period.key, line, 'team')} testPrefix="team" />
            </SectionBlock>
          ) : null}
          {data.teams.own ? <ScoreBreakdown title={`本小组 ${data.teams.own.name}：第 ${data.teams.own.rank} 名`} raw={data.teams.own.raw} items={data.teams.own.items} testId="arena-own-team" /> : null}
          {canAdjust && adjustment.draft && adjustment.draft.periodKey === data.period.key ? (
            <AdjustmentForm draft={adjustment.draft} saving={adjustment.saving} error={adjustment.error} onChange={adjustment.set} onCancel={adjustment.cancel} onSave={() => void adjustment.save()} />
          ) : null}
          {weights.data ? (
            <WeightsPanel
              weights={weights.data.weights}
              custom={weights.data.custom}
              canEdit={admin}
              draft={weights.draft}
              saving={weights.saving}
              error={weights.error}
              onEdit={() => void weights.edit()}
              onCancel={weights.cancel}
              onChange={weights.set}
              onSave={() => void weights.save()}
            />
          ) : null}
          {admin && disputes.data ? (
            <DisputeList
              items={disputes.data.items}
              draft={disputes.draft}
              deciding={disputes.deciding}
              error={disputes.error}
              onReason={disputes.setReason}
              onDecide={(item, decision) => void disputes.decide(item, decision)}
            />
          ) : null}
          <Text className="arena__note">
            只计投资促进局确认的签约、落地；同一企业多家单位报送时，首报单位得分{data.duplicatesRemoved ? `（本期去重 ${data.duplicatesRemoved} 个）` : ''}。
          </Text>
        </View>
      )}
    </View>
  );
}
