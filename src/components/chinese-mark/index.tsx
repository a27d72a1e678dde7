import { Text } from '@tarojs/components';
import { useLanguage, useText } from '../../i18n/text-context';
import './index.css';

export interface ChineseMarkProps {
  /** Shown only when the content beside it is Chinese on a page that is not (e.g. a fallback from English). */
  show: boolean;
}

/** The small «中文» tag beside content that exists only in Chinese on an English page. */
export function ChineseMark({ show }: ChineseMarkProps) {
  const t = useText();
  const lang = useLanguage();
  if (!show || lang === 'zh') return null;
  return (
    <Text className="chinese-mark" data-testid="chinese-mark" aria-label={t.chineseContentMarkLabel}>
      {t.chineseContentMark}
    </Text>
  );
}
