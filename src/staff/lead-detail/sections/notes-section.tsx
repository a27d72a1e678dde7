import { Text, Textarea, View } from '@tarojs/components';
import { controlLabel, tappable } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { EventTimeline } from '../../../components/event-timeline';
import type { LeadDetail } from '../use-lead-detail';
import type { LeadNote, NoteKind } from '../use-lead-note';
import { Section } from './section';

export interface NotesSectionProps {
  events: LeadDetail['events'];
  canAct: boolean;
  /** A participant (carrier manager) may leave a plain note for the handler, nothing else. */
  participantNote?: boolean;
  hideTextarea: boolean;
  note: Pick<LeadNote, 'text' | 'kind' | 'error' | 'sending'>;
  onKind: (kind: NoteKind) => void;
  onText: (text: string) => void;
  onSave: () => void;
}

/** 跟进记录: internal notes and logged calls, above the lead's whole timeline. */
export function NotesSection({ events, canAct, participantNote = false, hideTextarea, note, onKind, onText, onSave }: NotesSectionProps) {
  const asParticipant = !canAct && participantNote;
  return (
    <Section title="跟进记录" testId="notes-section">
      {canAct || asParticipant ? (
        <View className="lead-detail__composer lead-detail__composer--notes">
          {asParticipant ? null : (
          <View className="lead-detail__kinds" role="radiogroup">
            {(['note', 'call_logged'] as const).map((kind) => (
              <View
                key={kind}
                className={note.kind === kind ? 'lead-detail__kind lead-detail__kind--on' : 'lead-detail__kind'}
                aria-checked={note.kind === kind ? 'true' : 'false'}
                data-testid={`note-kind-${kind}`}
                {...tappable({ role: 'radio' })}
                onClick={() => onKind(kind)}
              >
                <Text>{kind === 'note' ? '跟进备注' : '记录通话'}</Text>
              </View>
            ))}
          </View>
          )}
          {hideTextarea ? (
            <View className="lead-detail__textarea lead-detail__textarea--short" />
          ) : (
            <Textarea
              className="lead-detail__textarea lead-detail__textarea--short"
              value={note.text}
              maxlength={500}
              placeholder={asParticipant ? '给经办人的留言，如：可提供 3 200 ㎡，三楼' : note.kind === 'call_logged' ? '通话要点，如：已电话联系，约下周实地考察' : '内部跟进备注，投资者看不到'}
              data-testid="note-input"
              {...controlLabel(asParticipant ? '给经办人的留言' : note.kind === 'call_logged' ? '通话要点' : '跟进备注')}
              onInput={(e) => onText(e.detail.value)}
            />
          )}
          {note.error ? <Text className="lead-detail__error">{note.error}</Text> : null}
          <View className="lead-detail__composer-actions">
            <ActionButton
              text={asParticipant ? '留言给经办人' : note.kind === 'call_logged' ? '保存通话记录' : '保存备注'}
              size="md"
              tone="secondary"
              loading={note.sending}
              onClick={onSave}
              testId="save-note"
            />
          </View>
        </View>
      ) : null}
      <EventTimeline events={events} />
    </Section>
  );
}
