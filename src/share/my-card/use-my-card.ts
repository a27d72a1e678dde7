import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { getCardContract, whoAmIContract } from '../../../domain/api/public-read.contracts';
import { getMyCardContract, updateMyCardContract } from '../../../domain/api/sharing.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { clearDraft, readDraft, writeDraft } from '../../hooks/use-draft';
import { ApiError, call, isApiError, toApiError } from '../../services/api-client';
import { chooseAndUploadImage } from '../../services/image-upload';
import {
  fieldErrorsFromApi,
  formFromMyCard,
  isFormDirty,
  MAX_FEATURED_CARRIERS,
  MAX_FEATURED_INDUSTRIES,
  toggleInList,
  validateCardForm,
  type CardForm,
  type FieldErrors,
} from './card-form';

export type MyCard = ResponseOf<typeof getMyCardContract>;
export type ImageField = 'wechatQr' | 'photo';

/** What the editor shows around the form: the public card (district, person) for the preview and locked fields. */
export interface EditorContext {
  mine: MyCard;
  /** The card as visitors see it; for someone without a card yet, the district's default card (district only). */
  view: CardView | null;
  /** False when `view` is not this person's own card yet (first save creates it). */
  ownCard: boolean;
  /** The person's name when `view` is not their own card. */
  myName: string | null;
}

export interface MyCardState {
  status: 'loading' | 'ready' | 'error';
  context: EditorContext | null;
  form: CardForm | null;
  errors: FieldErrors;
  /** A failure that belongs to no field (permission, network), shown above the save bar. */
  saveError: string | null;
  saving: boolean;
  dirty: boolean;
  uploading: ImageField | null;
  loadError: ApiError | null;
  savedAt: string | null;
}

export interface MyCardActions {
  reload: () => Promise<void>;
  update: (patch: Partial<CardForm>) => void;
  toggleVisibility: (key: keyof CardForm['visibility']) => void;
  /** False when refused because the limit is reached. */
  toggleIndustry: (name: string) => boolean;
  toggleCarrier: (id: string) => boolean;
  setOnDuty: (staffId: string | null) => void;
  uploadImage: (field: ImageField) => Promise<void>;
  /** Resolves true when saved. */
  save: () => Promise<boolean>;
}

const EDITOR_MESSAGES = { 'AUTH.FORBIDDEN': '名片编辑仅对本区招商工作人员开放' } as const;

const loadContext = async (): Promise<EditorContext> => {
  const mine = await call(getMyCardContract, {});
  try {
    return { mine, view: await call(getCardContract, { cardId: mine.cardId }), ownCard: true, myName: null };
  } catch (e) {
    if (!(isApiError(e) && e.code === 'CARD.NOT_FOUND')) throw e;
  }
  // No card yet: the first save creates it. The district comes from its default card, the name from the session.
  const [view, me] = await Promise.all([call(getCardContract, {}).catch(() => null), call(whoAmIContract, {}).catch(() => null)]);
  return { mine, view, ownCard: false, myName: me?.staff?.name ?? null };
};

/** Unsaved edits are kept on the device per card, until saved (or until they equal the saved card again). */
const draftKey = (cardId: string): string => `my-card:${cardId}`;

const isText = (x: unknown): x is string => typeof x === 'string';
const isTextOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isTextList = (x: unknown): x is string[] => Array.isArray(x) && x.length <= 50 && x.every(isText);

/** A stored draft back as a form, or null when it is not one (an older app's, or tampered with). */
export const parseCardDraft = (raw: unknown): CardForm | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  const vis = d.visibility as Record<string, unknown> | null | undefined;
  if (!isText(d.title) || !isText(d.greeting) || !isText(d.wechatId)) return null;
  if (!isTextOrNull(d.wechatQr) || !isTextOrNull(d.photo) || !isTextOrNull(d.onDutyStaffId)) return null;
  if (!isTextList(d.featuredIndustries) || !isTextList(d.featuredCarrierIds)) return null;
  if (typeof vis !== 'object' || vis === null || typeof vis.phone !== 'boolean' || typeof vis.wechatId !== 'boolean' || typeof vis.wechatQr !== 'boolean') return null;
  // Drafts kept before the English fields existed have none: they start empty.
  const english = (x: unknown): string => (isText(x) ? x : '');
  return {
    title: d.title,
    greeting: d.greeting,
    greetingEn: english(d.greetingEn),
    nameEn: english(d.nameEn),
    titleEn: english(d.titleEn),
    visibility: { phone: vis.phone, wechatId: vis.wechatId, wechatQr: vis.wechatQr },
    wechatId: d.wechatId,
    wechatQr: d.wechatQr,
    photo: d.photo,
    featuredIndustries: d.featuredIndustries,
    featuredCarrierIds: d.featuredCarrierIds,
    onDutyStaffId: d.onDutyStaffId,
  };
};

const withoutKey = (errors: FieldErrors, key: keyof FieldErrors): FieldErrors => {
  if (!(key in errors)) return errors;
  const next = { ...errors };
  delete next[key];
  return next;
};

/** The card editor: loads card.mine (+ the public card for the preview), holds the form, validates, saves. */
export const useMyCard = (): MyCardState & MyCardActions => {
  const [state, setState] = useState<MyCardState>({
    status: 'loading',
    context: null,
    form: null,
    errors: {},
    saveError: null,
    saving: false,
    dirty: false,
    uploading: null,
    loadError: null,
    savedAt: null,
  });
  const saved = useRef<CardForm | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, status: s.form ? s.status : 'loading', loadError: null }));
    try {
      const context = await loadContext();
      if (ticket !== latest.current) return;
      const savedForm = formFromMyCard(context.mine.edit);
      saved.current = savedForm;
      const draft = readDraft(draftKey(context.mine.cardId), parseCardDraft);
      const form = draft ?? savedForm;
      setState((s) => ({ ...s, status: 'ready', context, form, errors: {}, saveError: null, dirty: isFormDirty(form, savedForm), loadError: null }));
    } catch (e) {
      if (ticket !== latest.current) return;
      setState((s) => ({ ...s, status: s.form ? 'ready' : 'error', loadError: toApiError(e, { codes: EDITOR_MESSAGES }) }));
    }
  }, []);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  const cardId = state.context?.mine.cardId;
  useEffect(() => {
    if (!cardId || !state.form) return;
    if (state.dirty) writeDraft(draftKey(cardId), state.form);
    else clearDraft(draftKey(cardId));
  }, [cardId, state.form, state.dirty]);

  const edit = useCallback((change: (form: CardForm) => CardForm, touched: (keyof FieldErrors)[]) => {
    setState((s) => {
      if (!s.form) return s;
      const form = change(s.form);
      const errors = touched.reduce(withoutKey, s.errors);
      return { ...s, form, errors, saveError: null, dirty: saved.current ? isFormDirty(form, saved.current) : true };
    });
  }, []);

  const update = useCallback((patch: Partial<CardForm>) => edit((f) => ({ ...f, ...patch }), Object.keys(patch) as (keyof FieldErrors)[]), [edit]);

  const toggleVisibility = useCallback(
    (key: keyof CardForm['visibility']) => edit((f) => ({ ...f, visibility: { ...f.visibility, [key]: !f.visibility[key] } }), ['visibility']),
    [edit],
  );

  const toggleLimited = useCallback(
    (field: 'featuredIndustries' | 'featuredCarrierIds', value: string, max: number, limitMessage: string): boolean => {
      const form = state.form;
      if (!form) return false;
      const { refused } = toggleInList(form[field], value, max);
      if (refused) {
        setState((s) => ({ ...s, errors: { ...s.errors, [field]: limitMessage } }));
        return false;
      }
      edit((f) => ({ ...f, [field]: toggleInList(f[field], value, max).list }), [field]);
      return true;
    },
    [edit, state.form],
  );

  const toggleIndustry = useCallback(
    (name: string) => toggleLimited('featuredIndustries', name, MAX_FEATURED_INDUSTRIES, `最多选择 ${MAX_FEATURED_INDUSTRIES} 个产业`),
    [toggleLimited],
  );
  const toggleCarrier = useCallback((id: string) => toggleLimited('featuredCarrierIds', id, MAX_FEATURED_CARRIERS, `最多精选 ${MAX_FEATURED_CARRIERS} 个载体`), [toggleLimited]);
  const setOnDuty = useCallback((staffId: string | null) => update({ onDutyStaffId: staffId }), [update]);

  const uploadImage = useCallback(
    async (field: ImageField): Promise<void> => {
      const cardId = state.context?.mine.cardId;
      if (!cardId || state.uploading) return;
      setState((s) => ({ ...s, uploading: field, errors: withoutKey(s.errors, field) }));
      try {
        const fileId = await chooseAndUploadImage(`card-images/${field === 'wechatQr' ? 'wechat-qr' : 'photo'}/${cardId}`);
        setState((s) => ({ ...s, uploading: null }));
        if (fileId) update({ [field]: fileId });
      } catch (e) {
        const message = e instanceof Error && e.message ? e.message : '图片上传失败，请稍后重试';
        setState((s) => ({ ...s, uploading: null, errors: { ...s.errors, [field]: message } }));
      }
    },
    [state.context, state.uploading, update],
  );

  const save = useCallback(async (): Promise<boolean> => {
    const { form, context, saving } = state;
    if (!form || !context || saving) return false;
    const checked = validateCardForm(form, { isLeader: context.mine.isLeader });
    if (!checked.ok) {
      setState((s) => ({ ...s, errors: checked.errors, saveError: null }));
      return false;
    }
    setState((s) => ({ ...s, saving: true, saveError: null }));
    try {
      const res = await call(updateMyCardContract, checked.edit);
      saved.current = form;
      setState((s) => ({ ...s, saving: false, errors: {}, dirty: s.form ? isFormDirty(s.form, form) : false, savedAt: res.updatedAt, context: s.context ? { ...s.context, ownCard: true } : s.context }));
      return true;
    } catch (e) {
      const error = toApiError(e, { codes: EDITOR_MESSAGES });
      const errors = fieldErrorsFromApi(error);
      const hasFieldErrors = Object.keys(errors).length > 0;
      setState((s) => ({ ...s, saving: false, errors: hasFieldErrors ? errors : s.errors, saveError: hasFieldErrors ? null : error.message }));
      return false;
    }
  }, [state]);

  return { ...state, reload, update, toggleVisibility, toggleIndustry, toggleCarrier, setOnDuty, uploadImage, save };
};
