import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import * as v from 'valibot';
import { adminUnitSaveContract } from '../../../domain/api/admin.contracts';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';

type InputEvent = { detail: { value: string } };

export interface UnitEnglishNameProps {
  unitId: string;
  nameEn: string;
  pending: boolean;
  /** Saves the English name (empty clears it); resolves true when saved. */
  onSave: (nameEn: string) => Promise<boolean>;
}

const NameEnSchema = adminUnitSaveContract.request.entries.nameEn;

/** A unit's English name, edited in place: what investors reading English see in the directory and on cards. */
export function UnitEnglishName({ unitId, nameEn, pending, onSave }: UnitEnglishNameProps) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(nameEn);
  const checked = v.safeParse(NameEnSchema, value);
  const error = checked.success ? undefined : checked.issues[0].message;
  if (!open) {
    return (
      <Text className="admin-link" data-testid={`unit-en-edit-${unitId}`} onClick={() => setOpen(true)}>
        {nameEn ? `英文名：${nameEn}` : '添加英文名'}
      </Text>
    );
  }
  return (
    <View className="admin-row__main" data-testid={`unit-en-${unitId}`}>
      <FormField label="单位名称（英文）" error={error} hint="留空则英文页面显示中文名称并标注「中文」">
        <Input className="admin-input" value={value} data-testid={`unit-en-input-${unitId}`} onInput={(e: InputEvent) => setValue(e.detail.value)} />
      </FormField>
      <ActionButton
        text="保存英文名"
        size="sm"
        loading={pending}
        muted={!checked.success}
        testId={`unit-en-save-${unitId}`}
        onClick={() =>
          void (checked.success &&
            onSave(value.trim()).then((saved) => {
              if (saved) setOpen(false);
            }))
        }
      />
    </View>
  );
}
