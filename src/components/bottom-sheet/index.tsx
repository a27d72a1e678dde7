import { ScrollView, Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import type { ReactNode } from 'react';
import './index.css';
import { pressable } from '../a11y';

export interface BottomSheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Sticky actions under the scrolling body. */
  footer?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** A modal sheet sliding up from the bottom: notices, reasons, hand-offs. */
export function BottomSheet({ open, title, onClose, footer, testId, children }: BottomSheetProps) {
  const t = useInquiryText();
  if (!open) return null;
  return (
    <View className="bottom-sheet" data-testid={testId} catchMove>
      <View className="bottom-sheet__mask" aria-hidden="true" onClick={onClose} />
      <View className="bottom-sheet__panel" role="dialog" aria-modal="true" aria-label={title}>
        <View className="bottom-sheet__head">
          <Text className="bottom-sheet__title">{title}</Text>
          <View className="bottom-sheet__close" data-testid="sheet-close" onClick={onClose} {...pressable(onClose, { label: t.close })}>
            <Text>✕</Text>
          </View>
        </View>
        <ScrollView className="bottom-sheet__body" scrollY>
          {children}
        </ScrollView>
        {footer ? <View className="bottom-sheet__footer">{footer}</View> : null}
      </View>
    </View>
  );
}
