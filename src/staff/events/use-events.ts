import * as v from 'valibot';
import { listEventsContract, saveEventContract, type EventView } from '../../../domain/api/event.contracts';
import { EventFieldsSchema } from '../../../domain/event/event.schema';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { call } from '../../services/api-client';

export type EventsResource = ResourceState<v.InferOutput<typeof listEventsContract.response>>;

/** The district's 活动, kept on the device too: event mode opens from this list even with no signal. */
export const useEventList = (): EventsResource =>
  useResource({ key: 'staff:events', fetch: () => call(listEventsContract, {}), cacheSchema: listEventsContract.response });

export interface EventDraft {
  /** The event being edited; absent for a new one. */
  id?: string;
  name: string;
  date: string;
  place: string;
}

export type EventFieldErrors = Partial<Record<'name' | 'date' | 'place', string>>;

const EMPTY: EventDraft = { name: '', date: '', place: '' };

const parseDraft = (raw: unknown): EventDraft | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || typeof r.date !== 'string' || typeof r.place !== 'string') return null;
  return { ...(typeof r.id === 'string' ? { id: r.id } : {}), name: r.name, date: r.date, place: r.place };
};

const MESSAGES: Record<keyof EventFieldErrors, string> = {
  name: '请填写活动名称（40 字以内）',
  date: '请按 2026-12-05 的格式填写活动日期',
  place: '请填写活动地点（60 字以内）',
};

/** The contract's own schema decides; each failing field gets a message that says what to type. */
export const validateEvent = (draft: EventDraft): EventFieldErrors => {
  const r = v.safeParse(EventFieldsSchema, { name: draft.name.trim(), date: draft.date.trim(), place: draft.place.trim() });
  if (r.success) return {};
  const errors: EventFieldErrors = {};
  for (const issue of r.issues) {
    const field = issue.path?.[0]?.key as keyof EventFieldErrors | undefined;
    if (field && field in MESSAGES) errors[field] = MESSAGES[field];
  }
  return errors;
};

export interface EventEditorState {
  open: boolean;
  draft: EventDraft;
  errors: EventFieldErrors;
  saving: boolean;
  error: string | null;
  start: (event?: EventView) => void;
  setField: (key: 'name' | 'date' | 'place', value: string) => void;
  cancel: () => void;
  save: () => Promise<void>;
}

/** The new/edit form: a device draft (survives a reload), checked by the contract, saved with `event.save`. */
export const useEventEditor = (onSaved: () => void): EventEditorState => {
  const [state, setState, kept] = useDraft<{ open: boolean; draft: EventDraft }>('staff-events:edit', () => ({ open: false, draft: EMPTY }), {
    parse: (raw) => {
      const r = raw as { open?: unknown; draft?: unknown } | null;
      const draft = parseDraft(r?.draft);
      return draft ? { open: r?.open === true, draft } : null;
    },
    isEmpty: (s) => !s.open,
  });
  const errors = state.open ? validateEventIfTouched(state.draft) : {};
  const saving = useAction(async (draft: EventDraft) => {
    await call(saveEventContract, { ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), date: draft.date.trim(), place: draft.place.trim() });
    setState({ open: false, draft: EMPTY });
    kept.clear();
    onSaved();
  });

  return {
    open: state.open,
    draft: state.draft,
    errors,
    saving: saving.pending,
    error: saving.error,
    start: (event) => {
      saving.setError(null);
      setState({ open: true, draft: event ? { id: event.id, name: event.name, date: event.date, place: event.place } : EMPTY });
    },
    setField: (key, value) => setState((s) => ({ ...s, draft: { ...s.draft, [key]: value } })),
    cancel: () => {
      setState({ open: false, draft: EMPTY });
      kept.clear();
    },
    save: async () => {
      const found = validateEvent(state.draft);
      if (Object.keys(found).length) {
        saving.setError(Object.values(found).join('；'));
        return;
      }
      await saving.run(state.draft);
    },
  };
};

/** Errors show only for fields that have something typed in (an empty new form is not scolded). */
const validateEventIfTouched = (draft: EventDraft): EventFieldErrors => {
  const all = validateEvent(draft);
  const shown: EventFieldErrors = {};
  for (const key of Object.keys(all) as Array<keyof EventFieldErrors>) if (draft[key].trim() !== '') shown[key] = all[key];
  return shown;
};
