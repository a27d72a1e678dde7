import { useEffect, useMemo, useState } from 'react';
import * as v from 'valibot';
import { adminCarrierGetContract, adminCarrierSaveContract, CarrierEditSchema } from '../../../domain/api/admin.contracts';
import { call } from '../../services/api-client';
import { toApiError } from '../../services/api-client';
import type { ApiError } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';
import { formDraftOf, readDraft, useEditDraft } from '../../hooks/use-draft';
import { usePageParams } from '../../hooks/use-page-params';
import { adminCarrierPhotoDismissContract, type CarrierPhotos } from '../../../domain/api/carrier-photo.contracts';
import { pickAndSendPhotoInWeChat, pickedPhotoMessage, readFileBase64, sendPhotoBase64 } from '../../services/carrier-photo-upload';
import { ImageUploadError } from '../../services/image-upload';
import { carrierEnglishErrors, carrierFieldOf, carrierToForm, EMPTY_CARRIER, formToCarrier, type CarrierForm } from './carrier-form';

/** Loads (or starts) a carrier, keeps the edit and its device draft, validates with the contract, saves. */
export const useCarrierEditor = () => {
  const carrierId = usePageParams().carrierId || undefined;
  const draftKey = `admin:carrier:${carrierId ?? 'new'}`;
  const [form, setForm] = useState<CarrierForm | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const save = useAdminCall();
  const [reviews, setReviews] = useState<CarrierPhotos['reviews']>([]);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
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
        .then((r) => {
          setReviews(r.photoReviews);
          start(carrierToForm(r.edit));
        })
        .catch((e: unknown) => live && setLoadError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [carrierId, draftKey]);

  const fieldErrors = useMemo(() => {
    if (!form) return {};
    const out: Partial<Record<keyof CarrierForm, string>> = carrierEnglishErrors(form);
    const r = v.safeParse(CarrierEditSchema, formToCarrier(form));
    if (!r.success)
      for (const issue of r.issues) {
        const f = carrierFieldOf(v.getDotPath(issue) ?? '');
        if (f && !out[f]) out[f] = issue.message.includes('Invalid') ? '请填写正确的内容' : issue.message;
      }
    return out;
  }, [form]);

  /** A new photo is on the carrier at once (in review or visible): add it to the form's list, keep unsaved removals. */
  const photoAdded = (known: readonly string[], r: CarrierPhotos) => {
    setReviews(r.reviews);
    const added = r.photos.filter((p) => !known.includes(p));
    if (added.length) setForm((f) => (f ? { ...f, photos: [...f.photos, ...added] } : f));
  };
  const addPhoto = async (send: () => Promise<CarrierPhotos | null>) => {
    if (!carrierId || !form || photoBusy) return;
    setPhotoBusy(true);
    setPhotoError(null);
    const known = [...form.photos, ...reviews.map((r) => r.ref)];
    try {
      const r = await send();
      if (r) photoAdded(known, r);
    } catch (e) {
      setPhotoError(e instanceof ImageUploadError ? e.message : toApiError(e).message);
    } finally {
      setPhotoBusy(false);
    }
  };

  return {
    carrierId,
    /** Edited since it was loaded or saved (the share images are drawn only from what is saved). */
    dirty,
    reviews,
    photoBusy,
    photoError,
    /** Web: checks the picked file on the device first (type, size), then uploads it. */
    addPhotoFile: (file: File) => {
      const problem = pickedPhotoMessage(file);
      if (problem) return setPhotoError(problem);
      if (!carrierId) return;
      void addPhoto(async () => sendPhotoBase64(carrierId, await readFileBase64(file)));
    },
    addPhotoInWeChat: () => {
      if (carrierId) void addPhoto(() => pickAndSendPhotoInWeChat(carrierId));
    },
    dismissPhoto: async (ref: string) => {
      if (!carrierId) return;
      try {
        setReviews((await call(adminCarrierPhotoDismissContract, { carrierId, ref })).reviews);
      } catch (e) {
        setPhotoError(toApiError(e).message);
      }
    },
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
