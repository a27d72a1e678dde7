import { Text, View } from '@tarojs/components';
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
  const lines = body.split('\n').filter((l) => l.trim());
  return (
    <BottomSheet
      open={open}
      title={title}
      onClose={onClose}
      testId="privacy-notice"
      footer={<ActionButton text="我已阅读并同意" block onClick={onAgree} testId="privacy-agree" />}
    >
      <View className="privacy-notice">
        {lines.map((line) => {
          const { key, text } = splitLine(line);
          return (
            <View className="privacy-notice__item" key={line}>
              {key ? <Text className="privacy-notice__key">{key}</Text> : null}
              <Text className="privacy-notice__text">{text}</Text>
            </View>
          );
        })}
        <Text className="privacy-notice__version">版本 {version}</Text>
      </View>
    </BottomSheet>
  );
}
