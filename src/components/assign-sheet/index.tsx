import { Input, Text, View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import './index.css';
import { pressable } from '../a11y';

export interface AssignUnit {
  id: string;
  name: string;
}

export interface AssignPerson {
  staffId: string;
  name: string;
  title: string;
}

export interface AssignSheetProps {
  open: boolean;
  units: readonly AssignUnit[];
  /** People of the chosen unit; null while they load. */
  people: readonly AssignPerson[] | null;
  unitId: string | null;
  /** null = the unit's pool (待认领). */
  staffId: string | null;
  note: string;
  submitting: boolean;
  error?: string;
  onPickUnit: (unitId: string) => void;
  onPickStaff: (staffId: string | null) => void;
  onNote: (note: string) => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** Hand a lead to another unit or person, with a note; the receiver is notified by the backend. */
export function AssignSheet({ open, units, people, unitId, staffId, note, submitting, error, onPickUnit, onPickStaff, onNote, onConfirm, onClose }: AssignSheetProps) {
  return (
    <BottomSheet
      open={open}
      title="转交线索"
      onClose={onClose}
      testId="assign-sheet"
      footer={
        <View>
          {error ? (
            <Text className="assign-sheet__error" aria-live="polite">
              {error}
            </Text>
          ) : null}
          <ActionButton text="确认转交" block loading={submitting} muted={!unitId} onClick={onConfirm} testId="assign-confirm" />
        </View>
      }
    >
      <Text className="assign-sheet__section">转交给单位</Text>
      <View className="assign-sheet__options">
        {units.map((u) => (
          <View
            key={u.id}
            className={u.id === unitId ? 'assign-sheet__option assign-sheet__option--on' : 'assign-sheet__option'}
            aria-checked={u.id === unitId ? 'true' : 'false'}
            data-testid={`assign-unit-${u.id}`}
            onClick={() => onPickUnit(u.id)}
            {...pressable(() => onPickUnit(u.id), { role: 'radio' })}
          >
            <Text>{u.name}</Text>
          </View>
        ))}
      </View>

      {unitId ? (
        <View>
          <Text className="assign-sheet__section">指定承办人</Text>
          {people === null ? (
            <Text className="assign-sheet__loading">正在加载人员…</Text>
          ) : (
            <View className="assign-sheet__people">
              <View
                className={staffId === null ? 'assign-sheet__person assign-sheet__person--on' : 'assign-sheet__person'}
                aria-checked={staffId === null ? 'true' : 'false'}
                data-testid="assign-person-pool"
                onClick={() => onPickStaff(null)}
                {...pressable(() => onPickStaff(null), { role: 'radio' })}
              >
                <Text className="assign-sheet__person-name">不指定个人</Text>
                <Text className="assign-sheet__person-title">进入该单位「待认领」，由单位内人员认领</Text>
              </View>
              {people.map((p) => (
                <View
                  key={p.staffId}
                  className={staffId === p.staffId ? 'assign-sheet__person assign-sheet__person--on' : 'assign-sheet__person'}
                  aria-checked={staffId === p.staffId ? 'true' : 'false'}
                  data-testid={`assign-person-${p.staffId}`}
                  onClick={() => onPickStaff(p.staffId)}
                  {...pressable(() => onPickStaff(p.staffId), { role: 'radio' })}
                >
                  <Text className="assign-sheet__person-name">{p.name}</Text>
                  <Text className="assign-sheet__person-title">{p.title}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ) : null}

      <Text className="assign-sheet__section">转交说明</Text>
      <Input
        className="assign-sheet__note"
        value={note}
        maxlength={100}
        placeholder="例如：客户关注生物医药，请贵局对接"
        data-testid="assign-note"
        onInput={(e) => onNote(e.detail.value)}
      />
    </BottomSheet>
  );
}
