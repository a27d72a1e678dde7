import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';

export interface CalendarWarningProps {
  /** Years around today the district's working calendar does not know. */
  years: readonly number[];
  onFill: (year: number) => void;
}

/**
 * «工作日历缺失»: without a year's holidays the response clock counts them as working days, so promises and
 * reminders would fall on the Spring Festival. Shown on the office home and beside the SLA settings.
 */
export function CalendarWarning({ years, onFill }: CalendarWarningProps) {
  if (years.length === 0) return null;
  return (
    <View className="admin-card admin-warning" data-testid="calendar-warning" role="alert">
      <Text className="admin-error">{years.map((y) => `${y} 年`).join('、')}工作日历尚未录入</Text>
      <Text className="admin-note">响应时限会把这些年份的法定节假日当作工作日计算。请从国家日历导入，或手动录入节假日与调休上班日。</Text>
      <View className="admin-actions">
        {years.map((y) => (
          <ActionButton key={y} text={`填写 ${y} 年日历`} size="sm" onClick={() => onFill(y)} testId={`calendar-fill-${y}`} />
        ))}
      </View>
    </View>
  );
}
