import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import './index.css';

export interface ExportChoice {
  key: string;
  text: string;
}

export interface ExportBarProps {
  title: string;
  choices: readonly ExportChoice[];
  /** The choice being made now, if any. */
  pending: string | null;
  error: string | null;
  /** What the last export held, e.g. «已导出 12 行（含联系方式 3 行）». */
  done: string | null;
  onExport: (key: string) => void;
  testId?: string;
}

/** 导出: one button per file kind, the pending one busy, then what the file held or why it failed. */
export function ExportBar({ title, choices, pending, error, done, onExport, testId }: ExportBarProps) {
  return (
    <View className="export-bar" data-testid={testId} role="group" aria-label={title}>
      <Text className="export-bar__title">{title}</Text>
      <View className="export-bar__buttons">
        {choices.map((c) => (
          <ActionButton key={c.key} text={c.text} tone="secondary" size="md" loading={pending === c.key} muted={pending !== null && pending !== c.key} onClick={() => onExport(c.key)} testId={`export-${c.key}`} />
        ))}
      </View>
      {error ? (
        <View role="alert">
          <Text className="export-bar__error">{error}</Text>
        </View>
      ) : done ? (
        <View role="status">
          <Text className="export-bar__done">{done}</Text>
        </View>
      ) : null}
    </View>
  );
}
