import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import * as v from 'valibot';
import { adminStaffSetEnglishContract } from '../../../domain/api/admin.contracts';
import { ActionButton } from '../../components/action-button';
import { EnglishFieldsGroup } from '../../components/english-fields-group';
import { FormField } from '../../components/form-field';

type InputEvent = { detail: { value: string } };

export interface StaffEnglishNameProps {
  staffId: string;
  nameEn: string;
  titleEn: string;
  pending: boolean;
  /** Saves both (an empty one clears it); resolves true when saved. */
  onSave: (english: { nameEn: string; titleEn: string }) => Promise<boolean>;
}

const NameEnSchema = adminStaffSetEnglishContract.request.entries.nameEn;
const TitleEnSchema = adminStaffSetEnglishContract.request.entries.titleEn;
const problem = (schema: typeof NameEnSchema, value: string): string | undefined => {
  const checked = v.safeParse(schema, value);
  return checked.success ? undefined : checked.issues[0].message;
};

/**
 * A person's English name and title, in the folded «英文内容（可选）» group of their row: what investors reading
 * English see on cards, in the directory, in 我的咨询 (handler and replies) and as a carrier's manager.
 */
export function StaffEnglishName({ staffId, nameEn, titleEn, pending, onSave }: StaffEnglishNameProps) {
  const [name, setName] = useState(nameEn);
  const [title, setTitle] = useState(titleEn);
  const nameError = problem(NameEnSchema, name);
  const titleError = problem(TitleEnSchema, title);
  const valid = !nameError && !titleError;
  const changed = name.trim() !== nameEn || title.trim() !== titleEn;
  return (
    <View className="admin-row__main" data-testid={`staff-en-${staffId}`}>
      {nameEn || titleEn ? <Text className="admin-note">{[nameEn, titleEn].filter(Boolean).join(' · ')}</Text> : null}
      <EnglishFieldsGroup testId={`staff-en-group-${staffId}`}>
        <FormField label="姓名（英文）" error={nameError} hint="留空则英文页面显示中文姓名并标注「中文」">
          <Input className="admin-input" value={name} data-testid={`staff-en-name-${staffId}`} onInput={(e: InputEvent) => setName(e.detail.value)} />
        </FormField>
        <FormField label="职务（英文）" error={titleError}>
          <Input className="admin-input" value={title} data-testid={`staff-en-title-${staffId}`} onInput={(e: InputEvent) => setTitle(e.detail.value)} />
        </FormField>
        <ActionButton
          text="保存英文姓名与职务"
          size="sm"
          loading={pending}
          muted={!valid || !changed}
          testId={`staff-en-save-${staffId}`}
          onClick={() => void (valid && changed && onSave({ nameEn: name.trim(), titleEn: title.trim() }))}
        />
      </EnglishFieldsGroup>
    </View>
  );
}
