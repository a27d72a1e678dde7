import { Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { MessageThread, type ThreadMessage } from '../../../components/message-thread';
import type { LeadReply } from '../use-lead-reply';
import { Section } from './section';

export interface ReplySectionProps {
  messages: ThreadMessage[];
  /** The investor's message is hidden from this viewer (null), or there was none. */
  messageHidden: boolean;
  canAct: boolean;
  /** WeChat draws text areas above everything: while a sheet is open the box steps aside. */
  hideTextarea: boolean;
  reply: Pick<LeadReply, 'text' | 'error' | 'sending'>;
  onText: (text: string) => void;
  onSend: () => void;
}

/** 与投资者沟通: the thread, and for the handler a reply box the investor sees in 我的咨询. */
export function ReplySection({ messages, messageHidden, canAct, hideTextarea, reply, onText, onSend }: ReplySectionProps) {
  return (
    <Section title="与投资者沟通" testId="reply-section">
      <MessageThread messages={messages} testId="reply-thread" emptyText={messageHidden ? '投资者的留言仅承办人可见。' : '投资者未留言。'} />
      {canAct ? (
        <View className="lead-detail__composer">
          {hideTextarea ? (
            <View className="lead-detail__textarea" />
          ) : (
            <Textarea
              className="lead-detail__textarea"
              value={reply.text}
              maxlength={500}
              placeholder="回复投资者（对方可在「我的咨询」看到，并收到微信通知）"
              data-testid="reply-input"
              {...controlLabel('回复投资者')}
              onInput={(e) => onText(e.detail.value)}
            />
          )}
          {reply.error ? <Text className="lead-detail__error">{reply.error}</Text> : null}
          <View className="lead-detail__composer-actions">
            <ActionButton text="发送回复" size="md" loading={reply.sending} onClick={onSend} testId="send-reply" />
          </View>
        </View>
      ) : null}
    </Section>
  );
}
