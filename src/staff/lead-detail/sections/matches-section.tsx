import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { CarrierMatchList } from '../../../components/carrier-match-list';
import { RECOMMENDED } from '../recommendation';
import type { LeadMatchesState } from '../use-lead-matches';
import { Section } from './section';

export interface MatchesSectionProps {
  matches: Pick<LeadMatchesState, 'status' | 'data' | 'error'>;
  canAct: boolean;
  onRecommend: () => void;
  /** The investor asked from an English page: the recommendation is written in English. */
  investorEnglish?: boolean;
  /** An English recommendation is being written. */
  recommending?: boolean;
  onRetry: () => void;
  onOpen: (carrierId: string) => void;
  /** «请载体管理员参与»: bring the manager of a matched carrier into the lead (handler only). */
  onInvite?: (carrierId: string) => void;
  /** The carrier whose invitation is running. */
  inviting?: string | null;
  /** Carriers whose manager is already on the lead. */
  invitedCarrierIds?: readonly string[];
  /** Why the last invitation could not be made (e.g. an external manager has no account). */
  inviteError?: string | null;
}

/** 匹配载体: carriers that fit the need; the handler may put the top few into the reply box. */
export function MatchesSection({ matches, canAct, onRecommend, investorEnglish = false, recommending = false, onRetry, onOpen, onInvite, inviting = null, invitedCarrierIds = [], inviteError = null }: MatchesSectionProps) {
  const data = matches.data;
  return (
    <Section
      title="匹配载体"
      testId="matches-section"
      extra={canAct && data?.matches.length ? <ActionButton text={`推荐前 ${Math.min(RECOMMENDED, data.matches.length)} 个`} size="sm" tone="secondary" loading={recommending} onClick={onRecommend} testId="recommend-matches" /> : undefined}
    >
      {matches.status === 'loading' ? <Text className="lead-detail__meta">正在按需求匹配载体…</Text> : null}
      {matches.status === 'error' ? (
        <View className="lead-detail__matches-error">
          <Text className="lead-detail__meta">{matches.error?.message ?? '暂时无法匹配载体'}</Text>
          <ActionButton text="重试" size="sm" tone="secondary" onClick={onRetry} testId="retry-matches" />
        </View>
      ) : null}
      {matches.status === 'ready' && data && data.matches.length + data.nearMisses.length === 0 ? (
        <Text className="lead-detail__meta" data-testid="no-matches">
          暂无符合需求的载体，可在载体库中按条件查找。
        </Text>
      ) : null}
      {matches.status === 'ready' && data ? (
        <>
          {canAct && data.matches.length ? (
            <Text className="lead-detail__meta" data-testid="recommend-hint">
              {investorEnglish
                ? '点「推荐」把前几个连同理由填入上方回复框，确认后发送给投资者。投资者在英文页面提交，推荐将以英文填写。'
                : '点「推荐」把前几个连同理由填入上方回复框，确认后发送给投资者。'}
            </Text>
          ) : null}
          <CarrierMatchList matches={data.matches} nearMisses={data.nearMisses} onOpen={onOpen} />
          {canAct && onInvite && data.matches.length ? (
            <View className="lead-detail__invites" data-testid="match-invites">
              <Text className="lead-detail__meta">请载体管理员参与：对方可看到需求并留言，联系方式需您另行共享。外部管理员没有账号，无法加入。</Text>
              {data.matches.slice(0, RECOMMENDED).map((m) => (
                <View key={m.carrier.id} className="lead-detail__invite">
                  {/* The carrier's name is in the button's own text: each reads distinctly to a screen reader. */}
                  {invitedCarrierIds.includes(m.carrier.id) ? (
                    <Text className="lead-detail__meta">{`「${m.carrier.name}」的管理员已参与`}</Text>
                  ) : (
                    <ActionButton text={`请「${m.carrier.name}」的管理员参与`} size="sm" tone="secondary" loading={inviting === m.carrier.id} onClick={() => onInvite(m.carrier.id)} testId={`invite-${m.carrier.id}`} />
                  )}
                </View>
              ))}
              {inviteError ? (
                <Text className="lead-detail__error" data-testid="invite-error">
                  {inviteError}
                </Text>
              ) : null}
            </View>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
