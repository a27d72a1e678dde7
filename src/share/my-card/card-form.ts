import * as v from 'valibot';
import { CardEditSchema, type getMyCardContract, type updateMyCardContract } from '../../../domain/api/sharing.contracts';
import type { RequestOf, ResponseOf } from '../../../domain/api/contract';
import type { ApiError } from '../../services/api-client';

/** The editor's form: the card fields a person controls (domain/api/sharing.contracts.ts CardEditSchema). */
export interface CardForm {
  title: string;
  greeting: string;
  visibility: { phone: boolean; wechatId: boolean; wechatQr: boolean };
  /** Empty = none. */
  wechatId: string;
  wechatQr: string | null;
  photo: string | null;
  featuredIndustries: string[];
  featuredCarrierIds: string[];
  onDutyStaffId: string | null;
  /** English for investors reading English (optional): greeting, name in Latin letters, title. */
  greetingEn: string;
  nameEn: string;
  titleEn: string;
}

export type CardField = keyof CardForm;
export type FieldErrors = Partial<Record<CardField, string>>;
export type CardEditInput = RequestOf<typeof updateMyCardContract>;
type MyCard = ResponseOf<typeof getMyCardContract>;

export const MAX_FEATURED_INDUSTRIES = 6;
export const MAX_FEATURED_CARRIERS = 6;
export const GREETING_MAX = 60;
export const TITLE_MAX = 30;
export const GREETING_EN_MAX = 120;
export const NAME_EN_MAX = 40;
export const TITLE_EN_MAX = 60;

const FIELDS: readonly CardField[] = ['title', 'greeting', 'visibility', 'wechatId', 'wechatQr', 'photo', 'featuredIndustries', 'featuredCarrierIds', 'onDutyStaffId', 'greetingEn', 'nameEn', 'titleEn'];
const isField = (key: unknown): key is CardField => typeof key === 'string' && (FIELDS as readonly string[]).includes(key);

export const formFromMyCard = (edit: MyCard['edit']): CardForm => ({
  title: edit.title,
  greeting: edit.greeting,
  visibility: { ...edit.visibility },
  wechatId: edit.wechatId ?? '',
  wechatQr: edit.wechatQr,
  photo: edit.photo,
  featuredIndustries: [...edit.featuredIndustries],
  featuredCarrierIds: [...edit.featuredCarrierIds],
  onDutyStaffId: edit.onDutyStaffId,
  greetingEn: edit.greetingEn ?? '',
  nameEn: edit.nameEn ?? '',
  titleEn: edit.titleEn ?? '',
});

/** The card.update payload for a form: an empty WeChat ID is cleared (null). */
export const toCardEdit = (form: CardForm): CardEditInput => ({
  greeting: form.greeting,
  visibility: { ...form.visibility },
  featuredCarrierIds: [...form.featuredCarrierIds],
  featuredIndustries: [...form.featuredIndustries],
  onDutyStaffId: form.onDutyStaffId,
  title: form.title,
  wechatId: form.wechatId.trim() ? form.wechatId.trim() : null,
  wechatQr: form.wechatQr,
  photo: form.photo,
  greetingEn: form.greetingEn.trim(),
  nameEn: form.nameEn.trim(),
  titleEn: form.titleEn.trim(),
});

export type Validation = { ok: true; edit: CardEditInput; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/**
 * Checks the form against the same schema the backend enforces (so messages match), plus the editor's own
 * rule that only leaders name an on-duty commissioner. Messages are Chinese and meant to sit under the field.
 */
export const validateCardForm = (form: CardForm, options: { isLeader: boolean }): Validation => {
  const edit = toCardEdit(form);
  const errors: FieldErrors = {};
  const parsed = v.safeParse(CardEditSchema, edit);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key;
      if (isField(key) && !errors[key]) errors[key] = issue.message;
    }
  }
  if (!options.isLeader && form.onDutyStaffId !== null) errors.onDutyStaffId = '只有单位负责人可以指定值班专员';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, edit, errors };
};

/** Adds or removes `value`; adding beyond `max` is refused (the list comes back unchanged). */
export const toggleInList = (list: readonly string[], value: string, max: number): { list: string[]; refused: boolean } => {
  if (list.includes(value)) return { list: list.filter((x) => x !== value), refused: false };
  if (list.length >= max) return { list: [...list], refused: true };
  return { list: [...list, value], refused: false };
};

const SERVER_FIELD_MESSAGES: Partial<Record<CardField, string>> = {
  featuredIndustries: '所选产业不在本区产业目录中，请重新选择',
  featuredCarrierIds: '所选载体不存在或已下线，请重新选择',
  onDutyStaffId: '该专员当前不可指定，请重新选择',
};

/** The backend names the fields it refused (`error.fields`, dotted paths): one message per form field. */
export const fieldErrorsFromApi = (error: ApiError): FieldErrors => {
  const errors: FieldErrors = {};
  for (const path of error.fields ?? []) {
    const key = path.split('.')[0];
    if (!isField(key) || errors[key]) continue;
    errors[key] = error.code === 'VALIDATION.INVALID_INPUT' || error.code === 'STAFF.NOT_FOUND' ? (SERVER_FIELD_MESSAGES[key] ?? error.message) : error.message;
  }
  return errors;
};

/** True when the form differs from what was last loaded or saved. */
export const isFormDirty = (form: CardForm, saved: CardForm): boolean => JSON.stringify(toCardEdit(form)) !== JSON.stringify(toCardEdit(saved));
