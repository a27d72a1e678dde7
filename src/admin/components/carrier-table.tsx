import { Text, View } from '@tarojs/components';
import { CARRIER_TYPE_LABELS, type CarrierType } from '../../../domain/carrier/carrier.schema';
import './carrier-table.css';

export interface CarrierTableRow {
  id: string;
  name: string;
  type: CarrierType;
  street: string;
  vacantArea: number;
  totalArea: number;
  listed: boolean;
  managerName: string;
  lastVerifiedAt: string;
  vacancyDue: boolean;
  canEdit: boolean;
}

export interface CarrierTableProps {
  rows: readonly CarrierTableRow[];
  now: Date;
  onEdit: (id: string) => void;
  onRemind: (id: string) => void;
  onToggleListed: (id: string, listed: boolean) => void;
}

const daysAgo = (iso: string, now: Date) => Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000));

/** Carriers as a table on a desktop browser (≥ 1024 px) and as a list of cards on a phone: same markup, CSS decides. */
export function CarrierTable({ rows, now, onEdit, onRemind, onToggleListed }: CarrierTableProps) {
  return (
    <View className="carrier-table" data-testid="carrier-table">
      <View className="carrier-table__head" aria-hidden>
        <Text>名称</Text>
        <Text>类型 · 街道</Text>
        <Text>空置 / 总面积</Text>
        <Text>管理人</Text>
        <Text>核实</Text>
        <Text>操作</Text>
      </View>
      {rows.map((r) => (
        <View key={r.id} className="carrier-table__row" data-testid={`carrier-row-${r.id}`}>
          <Text className="carrier-table__name">{r.name}</Text>
          <Text className="carrier-table__cell">
            {CARRIER_TYPE_LABELS[r.type]} · {r.street}
          </Text>
          <Text className="carrier-table__cell">
            {r.vacantArea.toLocaleString('en-US')} / {r.totalArea.toLocaleString('en-US')} ㎡
          </Text>
          <Text className="carrier-table__cell">{r.managerName}</Text>
          <Text className={r.vacancyDue ? 'carrier-table__cell carrier-table__due' : 'carrier-table__cell'} data-testid={`carrier-fresh-${r.id}`}>
            {daysAgo(r.lastVerifiedAt, now) === 0 ? '今天核实' : `${daysAgo(r.lastVerifiedAt, now)} 天前核实`}
            {r.vacancyDue ? ' · 待核实' : ''}
          </Text>
          <View className="carrier-table__actions">
            {r.canEdit ? (
              <Text className="carrier-table__action" onClick={() => onEdit(r.id)} data-testid={`carrier-edit-${r.id}`}>
                编辑
              </Text>
            ) : null}
            {r.canEdit && r.listed ? (
              <Text className="carrier-table__action" onClick={() => onRemind(r.id)} data-testid={`carrier-remind-${r.id}`}>
                提醒核实
              </Text>
            ) : null}
            {r.canEdit ? (
              <Text className="carrier-table__action" onClick={() => onToggleListed(r.id, !r.listed)} data-testid={`carrier-listed-${r.id}`}>
                {r.listed ? '下架' : '重新上架'}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
