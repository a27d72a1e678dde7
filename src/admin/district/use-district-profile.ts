import { useEffect, useMemo, useState } from 'react';
import * as v from 'valibot';
import { adminDistrictGetContract, adminDistrictUpdateContract, adminPoolUpdateContract, adminSlaUpdateContract, DistrictProfileSchema } from '../../../domain/api/admin.contracts';
import type { PoolRules } from '../../../domain/org/pool-rules.schema';
import { usePageParams } from '../../hooks/use-page-params';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';
import { formDraftOf, readDraft, useEditDraft } from '../../hooks/use-draft';
import { englishLineErrors, formFieldOf, toForm, toRequest, type ProfileForm } from './profile-form';

const DRAFT_KEY = 'admin:district-profile';

/** Loads the profile, keeps the edit (and its draft on the device), validates with the contract, saves. */
export const useDistrictProfile = () => {
  const districtId = usePageParams().districtId || undefined;
  const resource = useResource<typeof adminDistrictGetContract.response>({ key: `admin.district:${districtId ?? ''}`, fetch: () => call(adminDistrictGetContract, districtId ? { districtId } : {}) });
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useAdminCall();
  const slaSave = useAdminCall();
  const [slaSaved, setSlaSaved] = useState(false);
  const poolSave = useAdminCall();
  const [poolSaved, setPoolSaved] = useState(false);
  const draft = useEditDraft(DRAFT_KEY, form, dirty);

  useEffect(() => {
    if (!resource.data || form) return;
    const loaded = toForm(resource.data.profile);
    const kept = resource.data.canEdit ? readDraft(DRAFT_KEY, formDraftOf(loaded)) : null;
    setForm(kept ?? loaded);
    setRestored(!!kept);
    setDirty(!!kept);
  }, [resource.data, form]);

  const fieldErrors = useMemo(() => {
    if (!form) return {} as Partial<Record<keyof ProfileForm, string>>;
    const r = v.safeParse(DistrictProfileSchema, toRequest(form));
    const out: Partial<Record<keyof ProfileForm, string>> = englishLineErrors(form);
    if (!r.success) for (const issue of r.issues) {
      const f = formFieldOf(v.getDotPath(issue) ?? '');
      if (f && !out[f]) out[f] = issue.message;
    }
    return out;
  }, [form]);

  return {
    districtId,
    resource,
    form,
    restored,
    dirty,
    savedAt,
    fieldErrors,
    sla: {
      pending: slaSave.pending,
      error: slaSave.error?.message ?? null,
      saved: slaSaved,
      save: async (sla: { firstResponseHours: number; followUpDays: number; remindAt: number; copyLeaderAt: number; reassignAt: number }) => {
        setSlaSaved(false);
        if (await slaSave.run(() => call(adminSlaUpdateContract, sla))) setSlaSaved(true);
      },
    },
    pool: {
      pending: poolSave.pending,
      error: poolSave.error?.message ?? null,
      saved: poolSaved,
      save: async (rules: PoolRules) => {
        setPoolSaved(false);
        if (await poolSave.run(() => call(adminPoolUpdateContract, rules))) setPoolSaved(true);
      },
    },
    saving: save.pending,
    saveError: save.error,
    change: (patch: Partial<ProfileForm>) => {
      setForm((f) => (f ? { ...f, ...patch } : f));
      setDirty(true);
      setSavedAt(null);
    },
    discardDraft: () => {
      draft.clear();
      if (resource.data) setForm(toForm(resource.data.profile));
      setDirty(false);
      setRestored(false);
    },
    submit: async (): Promise<boolean> => {
      if (!form || Object.keys(fieldErrors).length) return false;
      const done = await save.run(() => call(adminDistrictUpdateContract, toRequest(form)));
      if (!done) return false;
      draft.clear();
      setDirty(false);
      setRestored(false);
      setSavedAt(done.updatedAt);
      return true;
    },
  };
};
