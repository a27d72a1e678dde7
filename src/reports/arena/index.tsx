import { Text, View } from '@tarojs/components';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { PAGE_HEADING } from '../../components/a11y';
import { CardSkeleton } from '../../components/card-skeleton';
import { ErrorState } from '../../components/error-state';
import { SectionBlock } from '../../components/section-block';
import { Segmented } from '../../components/segmented';
import { useSession } from '../../hooks/use-session';
import { DisputeList } from './dispute-list';
import { useArena } from './use-arena';
import { useDisputes } from './use-disputes';
import { useWeights } from './use-weights';
import { WeightsPanel } from './weights-panel';
import './index.css';

const KINDS = [
  { key: 'quarter', label: '季度' },
  { key: 'month', label: '月度' },
] as const;

const pts = (n: number) => `${n > 0 ? '' : n < 0 ? '−' : ''}${Math.abs(n)} 分`;

/** 擂台赛: the top N of the district's units, and the caller's own unit with its score item by item. */
export default function ArenaPage() {
  const arena = useArena();
  const session = useSession();
  // 首报 disputes are the district admin's to decide: the list is asked for only then.
  const admin = session.staff?.roles.includes('admin') ?? false;
  const disputes = useDisputes(admin, arena.reload);
  const weights = useWeights(admin, arena.reload);
  const data = arena.data;
  return (
    <View className="arena" data-testid="arena" role="main">
      <Text className="arena__title" {...PAGE_HEADING}>
        擂台赛{data ? ` · ${data.period.label}` : ''}
      </Text>
      <Segmented options={KINDS} active={arena.kind} onChange={(k) => arena.setKind(k as 'quarter' | 'month')} testId="arena-kind" />
      {arena.status === 'loading' && !data ? (
        <CardSkeleton />
      ) : !data ? (
        <ErrorState message={arena.error?.message ?? ERROR_MESSAGES['INTERNAL.UNEXPECTED']} onRetry={() => void arena.reload()} />
      ) : (
        <View>
          <SectionBlock title={`前 ${data.topN} 名`} extra={`共 ${data.contestants} 个单位`} testId="arena-top">
            {data.top.map((line) => (
              <View key={line.contestantId} className={line.contestantId === data.own?.contestantId ? 'arena__line arena__line--own' : 'arena__line'} data-contestant={line.contestantId}>
                <Text className="arena__rank">第 {line.rank} 名</Text>
                <Text className="arena__name">{line.name}</Text>
                <Text className="arena__score">{pts(line.score)}</Text>
              </View>
            ))}
          </SectionBlock>
          {data.own ? (
            <SectionBlock title={`本单位：第 ${data.own.rank} 名`} extra={`合计 ${pts(data.own.raw)}`} testId="arena-own">
              {data.own.items.length ? (
                data.own.items.map((item, i) => (
                  <View key={`${item.kind}-${i}`} className="arena__item">
                    <Text className="arena__item-label">{item.label}</Text>
                    <Text className="arena__item-points">{pts(item.points)}</Text>
                  </View>
                ))
              ) : (
                <Text className="arena__note">本期还没有得分项：经投资促进局确认的签约、落地和按时响应都会计分。</Text>
              )}
            </SectionBlock>
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
