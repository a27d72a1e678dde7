import { Text, View } from '@tarojs/components';
import { tappable } from '../../components/a11y';
import { SectionBlock } from '../../components/section-block';
import { compareText, responseText } from './dashboard-view';

export interface DistrictTableRow {
  districtId: string;
  name: string;
  inquiries: number;
  previousInquiries: number;
  funnel: ReadonlyArray<{ stage: string; label: string; count: number }>;
  responseMedianMinutes: number | null;
  responded: number;
  overdueNow: number;
}

export interface DistrictTableProps {
  rows: readonly DistrictTableRow[];
  onOpen: (districtId: string) => void;
}

/** 全市: one row per district (inquiries against last period, the funnel, the median first response, overdue now); a row opens that district's dashboard. */
export function DistrictTable({ rows, onOpen }: DistrictTableProps) {
  return (
    <SectionBlock title="各区县" extra="点开看该区县的看板" testId="dashboard-by-district">
      <View className="district-table">
        {rows.map((row) => (
          <View
            key={row.districtId}
            className="district-table__row"
            data-key={row.districtId}
            onClick={() => onOpen(row.districtId)}
            {...tappable({ role: 'link', label: `${row.name}：咨询 ${row.inquiries} 条，当前超时 ${row.overdueNow} 条，查看该区县看板` })}
          >
            <View className="district-table__head">
              <Text className="district-table__name">{row.name}</Text>
              <Text className="district-table__count">
                咨询 {row.inquiries} · {compareText(row.inquiries, row.previousInquiries)}
              </Text>
            </View>
            <Text className="district-table__line">{row.funnel.map((f) => `${f.label} ${f.count}`).join(' · ')}</Text>
            <Text className="district-table__line">
              首次回复中位 {responseText(row.responseMedianMinutes, row.responded)} · <Text className={row.overdueNow ? 'district-table__alert' : undefined}>当前超时 {row.overdueNow}</Text>
            </Text>
          </View>
        ))}
      </View>
    </SectionBlock>
  );
}
