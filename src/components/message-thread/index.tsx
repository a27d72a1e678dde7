import { Text, View } from '@tarojs/components';
import { useLanguage } from '../../i18n/text-context';
import { ChineseMark, chineseContent } from '../chinese-mark';
import { formatDateTime } from '../../format/date-time';
import './index.css';

export interface ThreadMessage {
  id: string;
  author: string;
  text: string;
  at: string;
  /** Written by the investor (left) rather than by staff (right, in the district's colour). */
  fromInvestor: boolean;
  /** The author's name, or the text, is Chinese on a page that may be English (marked «中文»). */
  authorZh?: boolean;
  textZh?: boolean;
}

export interface MessageThreadProps {
  messages: readonly ThreadMessage[];
  emptyText?: string;
  testId?: string;
}

/** The conversation between an investor and the district: the inquiry, then each reply. */
export function MessageThread({ messages, emptyText, testId = 'message-thread' }: MessageThreadProps) {
  const lang = useLanguage();
  return (
    <View className="message-thread" data-testid={testId}>
      {messages.map((m) => (
        <View key={m.id} className={m.fromInvestor ? 'message-thread__item' : 'message-thread__item message-thread__item--staff'} data-testid="thread-message">
          <View className="message-thread__meta">
            <Text className="message-thread__author" {...chineseContent(m.authorZh && lang !== 'zh')}>
              {m.author}
            </Text>
            <ChineseMark show={!!m.authorZh} />
            <Text className="message-thread__time">{formatDateTime(m.at, new Date(), lang)}</Text>
          </View>
          <Text className="message-thread__bubble" userSelect {...chineseContent(m.textZh && lang !== 'zh')}>
            {m.text}
          </Text>
          {m.textZh ? (
            <View className="message-thread__mark">
              <ChineseMark show />
            </View>
          ) : null}
        </View>
      ))}
      {!messages.length && emptyText ? <Text className="message-thread__empty">{emptyText}</Text> : null}
    </View>
  );
}
