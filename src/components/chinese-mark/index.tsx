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

/**
 * The attributes of an element whose text is Chinese on a page that may be English: `lang` so screen readers
 * pronounce it in Chinese, `data-content-lang` for the page's own checks. Nothing when `zh` is false.
 */
export const chineseContent = (zh: boolean | undefined): { 'data-content-lang'?: 'zh'; lang?: 'zh' } => (zh ? { 'data-content-lang': 'zh', lang: 'zh' } : {});

export interface ContentTextProps {
  text: string;
  /** The text is the Chinese fallback of a missing English variant (the view's `fallbackZh` names it). */
  zh?: boolean;
  className?: string;
  testId?: string;
}

/** A content text from the data, marked «中文» when it is shown in Chinese on an English page. */
export function ContentText({ text, zh = false, className, testId }: ContentTextProps) {
  const lang = useLanguage();
  const marked = zh && lang !== 'zh';
  return (
    <>
      <Text className={className} data-testid={testId} {...chineseContent(marked)}>
        {text}
      </Text>
      <ChineseMark show={marked} />
    </>
  );
}
