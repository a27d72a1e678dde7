import { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import * as v from 'valibot';
import { adminCarrierGetContract, adminCarrierSaveContract, CarrierEditSchema } from '../../../domain/api/admin.contracts';
import { call } from '../../services/api-client';
import { toApiError } from '../../services/api-client';
import type { ApiError } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';
import { formDraftOf, readDraft, useEditDraft } from '../../hooks/use-draft';
import { carrierFieldOf, carrierToForm, EMPTY_CARRIER, formToCarrier, type CarrierForm } from './carrier-form';

/** Loads (or starts) a carrier, keeps the edit and its device draft, validates with the contract, saves. */
export const useCarrierEditor = () => {
  const carrierId = useRouter().params.carrierId || undefined;
  const draftKey = `admin:carrier:${carrierId ?? 'new'}`;
  const [form, setForm] = useState<CarrierForm | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const save = useAdminCall();
  const draft = useEditDraft(draftKey, form, dirty);

  useEffect(() => {
    let live = true;
    const start = (f: CarrierForm) => {
      if (!live) return;
      const kept = readDraft(draftKey, formDraftOf(f));
      setForm(kept ?? f);
      setRestored(!!kept);
      setDirty(!!kept);
    };
    if (!carrierId) start(EMPTY_CARRIER);
    else
      call(adminCarrierGetContract, { carrierId })
        .then((r) => start(carrierToForm(r.edit)))
        .catch((e: unknown) => live && setLoadError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [carrierId, draftKey]);

  const fieldErrors = useMemo(() => {
    const out: Partial<Record<keyof CarrierForm, string>> = {};
    if (!form) return out;
    const r = v.safeParse(CarrierEditSchema, formToCarrier(form));
    if (!r.success)
      for (const issue of r.issues) {
        const f = carrierFieldOf(v.getDotPath(issue) ?? '');
        if (f && !out[f]) out[f] = issue.message.includes('Invalid') ? '请填写正确的内容' : issue.message;
      }
    return out;
  }, [form]);

  return {
    carrierId,
    form,
    loadError,
    restored,
    fieldErrors,
    saving: save.pending,
    saveError: save.error,
    savedId,
    change: (patch: Partial<CarrierForm>) => {
      setForm((f) => (f ? { ...f, ...patch } : f));
      setDirty(true);
      setSavedId(null);
    },
    submit: async (): Promise<boolean> => {
      if (!form || Object.keys(fieldErrors).length) return false;
      const done = await save.run(() => call(adminCarrierSaveContract, { ...(carrierId ? { carrierId } : {}), carrier: formToCarrier(form) }));
      if (!done) return false;
      draft.clear();
      setDirty(false);
      setRestored(false);
      setSavedId(done.carrierId);
      return true;
    },
  };
};
