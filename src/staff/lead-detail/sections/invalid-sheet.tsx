import { Input, Text } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { BottomSheet } from '../../../components/bottom-sheet';

export interface InvalidSheetProps {
  open: boolean;
  reason: string;
  error: string | null;
  onReason: (reason: string) => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** 标记为无效 asks for a reason first, for the statistics and for review. */
export function InvalidSheet({ open, reason, error, onReason, onConfirm, onClose }: InvalidSheetProps) {
  return (
    <BottomSheet open={open} title="标记为无效" onClose={onClose} testId="invalid-sheet" footer={<ActionButton text="确认标记无效" tone="primary" block onClick={onConfirm} testId="confirm-invalid" />}>
      <Text className="lead-detail__sheet-text">请说明原因，便于统计与复核。标记后如有误，可重新启用。</Text>
      <Input
        className="lead-detail__reason"
        value={reason}
        maxlength={100}
        placeholder="如：联系方式无效、重复咨询、非投资需求"
        data-testid="invalid-reason"
        {...controlLabel('标记无效的原因')}
        onInput={(e) => onReason(e.detail.value)}
      />
      {error ? <Text className="lead-detail__error">{error}</Text> : null}
    </BottomSheet>
  );
}
