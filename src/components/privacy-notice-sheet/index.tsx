import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import { ChineseMark } from '../chinese-mark';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import './index.css';

export interface PrivacyNoticeSheetProps {
  open: boolean;
  title: string;
  /** One statement per line, "处理者：……". */
  body: string;
  version: string;
  onAgree: () => void;
  onClose: () => void;
}

const splitLine = (line: string): { key: string; text: string } => {
  const at = line.indexOf('：');
  return at > 0 && at <= 8 ? { key: line.slice(0, at), text: line.slice(at + 1) } : { key: '', text: line };
};

/** The privacy notice in full, with agreement as the sheet's one action. */
export function PrivacyNoticeSheet({ open, title, body, version, onAgree, onClose }: PrivacyNoticeSheetProps) {
  // The district writes its notice in Chinese: an English page marks it.
  const chineseBody = /[\u3400-\u9fff]/.test(body);
  const t = useInquiryText();
  const lines = body.split('\n').filter((l) => l.trim());
  return (
    <BottomSheet
      open={open}
      title={title}
      onClose={onClose}
      testId="privacy-notice"
      footer={<ActionButton text={t.noticeAgree} block onClick={onAgree} testId="privacy-agree" />}
    >
      <View className="privacy-notice" data-content-lang={chineseBody ? 'zh' : undefined}>
        <ChineseMark show={chineseBody} />
        {lines.map((line) => {
          const { key, text } = splitLine(line);
          return (
            <View className="privacy-notice__item" key={line}>
              {key ? <Text className="privacy-notice__key">{key}</Text> : null}
              <Text className="privacy-notice__text">{text}</Text>
            </View>
          );
        })}
        <Text className="privacy-notice__version">{t.noticeVersion(version)}</Text>
      </View>
    </BottomSheet>
  );
}
