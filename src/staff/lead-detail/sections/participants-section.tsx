import { Text, View } from '@tarojs/components';
import type { LeadParticipantView } from '../../../../domain/api/lead-participant.contracts';
import { ActionButton } from '../../../components/action-button';
import { formatDateTime } from '../../../format/date-time';
import { Section } from './section';

export interface ParticipantsSectionProps {
  participants: readonly LeadParticipantView[];
  /** The handler (or whoever may act): share, take back, remove. */
  canManage: boolean;
  /** The caller is a participant: the section explains what they see instead of listing anyone. */
  asParticipant: boolean;
  /** Who holds the contact, for a participant: the handler's name, else the handling unit. */
  holderName: string;
  busy: string | null;
  error: string | null;
  onShare: (staffId: string, shared: boolean) => void;
  onRemove: (staffId: string) => void;
}

/**
 * 载体管理员: the managers of carriers brought into the lead. The handler shares the investor's contact with one
 * (audited), takes it back, or removes them; a participant reads what they may do and who holds the contact.
 */
export function ParticipantsSection({ participants, canManage, asParticipant, holderName, busy, error, onShare, onRemove }: ParticipantsSectionProps) {
  if (asParticipant) {
    const mine = participants[0];
    return (
      <Section title="载体管理员" testId="participants-section">
        <Text className="lead-detail__meta" data-testid="participant-role">
          {`您作为${mine?.carrierName ? `「${mine.carrierName}」的` : ''}载体管理员参与这条线索：可查看需求、办理进度和给投资者的回复，并给经办人留言。`}
        </Text>
        <Text className="lead-detail__participant-holder" data-testid="contact-holder">
          {mine?.contactShared ? `经办人 ${holderName} 已向您共享联系方式，查看会留痕。` : `联系方式由经办人 ${holderName} 掌握，共享给您后才可查看。`}
        </Text>
      </Section>
    );
  }
  if (participants.length === 0 && !canManage) return null;
  return (
    <Section title="载体管理员" testId="participants-section">
      {participants.length === 0 ? (
        <Text className="lead-detail__meta" data-testid="no-participants">
          还没有载体管理员参与。可在下方「匹配载体」中点「请载体管理员参与」，或在推荐载体时自动邀请。
        </Text>
      ) : null}
      {participants.map((p) => (
        <View key={p.staffId} className="lead-detail__participant" data-testid={`participant-${p.staffId}`}>
          <Text className="lead-detail__participant-name">{p.name}</Text>
          <Text className="lead-detail__meta">
            {`${p.carrierName ?? '载体'} · ${p.addedByName ? `${p.addedByName}邀请` : '咨询该载体时自动加入'} · ${formatDateTime(p.addedAt)}`}
          </Text>
          <Text className="lead-detail__meta" data-testid={`participant-contact-${p.staffId}`}>
            {p.contactShared ? '已共享联系方式' : '未共享联系方式：看不到投资者的姓名和联系方式'}
          </Text>
          {canManage ? (
            <View className="lead-detail__participant-actions">
              <ActionButton
                text={p.contactShared ? '取消共享' : '共享联系方式'}
                size="sm"
                tone="secondary"
                loading={busy === p.staffId}
                onClick={() => onShare(p.staffId, !p.contactShared)}
                testId={p.contactShared ? `unshare-${p.staffId}` : `share-${p.staffId}`}
              />
              <ActionButton text="移出" size="sm" tone="plain" loading={busy === p.staffId} onClick={() => onRemove(p.staffId)} testId={`remove-${p.staffId}`} />
            </View>
          ) : null}
        </View>
      ))}
      {error ? (
        <Text className="lead-detail__error" data-testid="participants-error">
          {error}
        </Text>
      ) : null}
    </Section>
  );
}
