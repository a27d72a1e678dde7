import type { CarrierEdit } from '../../../domain/api/admin.contracts';

/** The carrier editor's values as typed (numbers as text, lists one per line). */
export interface CarrierForm {
  type: CarrierEdit['type'];
  name: string;
  street: string;
  address: string;
  totalArea: string;
  vacantArea: string;
  floors: string;
  priceMin: string;
  priceMax: string;
  priceUnit: CarrierEdit['priceUnit'];
  facilities: string;
  suitedIndustries: string;
  policies: string;
  managerName: string;
  managerPhone: string;
  managerStaffId: string | null;
  unitId: string | null;
  lat: string;
  lng: string;
  photos: string[];
  /** English variants (optional); lists one per line in the order of the Chinese items. */
  nameEn: string;
  streetEn: string;
  addressEn: string;
  facilitiesEn: string;
  suitedIndustriesEn: string;
  policiesEn: string;
  managerNameEn: string;
}

export const EMPTY_CARRIER: CarrierForm = {
  type: 'building',
  name: '',
  street: '',
  address: '',
  totalArea: '',
  vacantArea: '',
  floors: '',
  priceMin: '0',
  priceMax: '0',
  priceUnit: 'yuan_per_sqm_day',
  facilities: '',
  suitedIndustries: '',
  policies: '',
  managerName: '',
  managerPhone: '',
  managerStaffId: null,
  unitId: null,
  lat: '',
  lng: '',
  photos: [],
  nameEn: '',
  streetEn: '',
  addressEn: '',
  facilitiesEn: '',
  suitedIndustriesEn: '',
  policiesEn: '',
  managerNameEn: '',
};

const list = (s: string) =>
  s
    .split(/[\n、，,]/)
    .map((x) => x.trim())
    .filter(Boolean);
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
/** English lines stay aligned with the Chinese items: a blank line is an item without English. */
const alignedLines = (s: string): string[] => {
  const all = s.split('\n').map((x) => x.trim());
  while (all.length && !all[all.length - 1]) all.pop();
  return all;
};
/** An empty box is not 0: NaN makes the contract say the field is missing. */
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export const carrierToForm = (e: CarrierEdit): CarrierForm => ({
  type: e.type,
  name: e.name,
  street: e.street,
  address: e.address,
  totalArea: String(e.totalArea),
  vacantArea: String(e.vacantArea),
  floors: e.floors === null ? '' : String(e.floors),
  priceMin: String(e.priceMin),
  priceMax: String(e.priceMax),
  priceUnit: e.priceUnit,
  facilities: e.facilities.join('\n'),
  suitedIndustries: e.suitedIndustries.join('、'),
  policies: e.policies.join('\n'),
  managerName: e.managerName,
  managerPhone: e.managerPhone,
  managerStaffId: e.managerStaffId,
  unitId: e.unitId,
  lat: String(e.location.lat),
  lng: String(e.location.lng),
  photos: e.photos,
  nameEn: e.nameEn ?? '',
  streetEn: e.streetEn ?? '',
  addressEn: e.addressEn ?? '',
  facilitiesEn: (e.facilitiesEn ?? []).join('\n'),
  suitedIndustriesEn: (e.suitedIndustriesEn ?? []).join('\n'),
  policiesEn: (e.policiesEn ?? []).join('\n'),
  managerNameEn: e.managerNameEn ?? '',
});

export const formToCarrier = (f: CarrierForm): CarrierEdit => ({
  type: f.type,
  name: f.name.trim(),
  street: f.street.trim(),
  address: f.address.trim(),
  totalArea: num(f.totalArea),
  vacantArea: num(f.vacantArea),
  floors: f.floors.trim() === '' ? null : num(f.floors),
  priceMin: num(f.priceMin),
  priceMax: num(f.priceMax),
  priceUnit: f.priceUnit,
  facilities: list(f.facilities),
  suitedIndustries: list(f.suitedIndustries),
  policies: lines(f.policies),
  managerName: f.managerName.trim(),
  managerPhone: f.managerPhone.trim(),
  managerStaffId: f.managerStaffId,
  unitId: f.unitId,
  location: { lat: num(f.lat), lng: num(f.lng) },
  photos: f.photos,
  nameEn: f.nameEn.trim(),
  streetEn: f.streetEn.trim(),
  addressEn: f.addressEn.trim(),
  facilitiesEn: alignedLines(f.facilitiesEn),
  suitedIndustriesEn: alignedLines(f.suitedIndustriesEn),
  policiesEn: alignedLines(f.policiesEn),
  managerNameEn: f.managerNameEn.trim(),
});

/** More English lines than Chinese items is a slip the form points at before saving (the backend refuses it). */
export const carrierEnglishErrors = (f: CarrierForm): Partial<Record<keyof CarrierForm, string>> => {
  const e = formToCarrier(f);
  const out: Partial<Record<keyof CarrierForm, string>> = {};
  if ((e.facilitiesEn?.length ?? 0) > e.facilities.length) out.facilitiesEn = '英文行数多于配套设施，请逐行对应';
  if ((e.suitedIndustriesEn?.length ?? 0) > e.suitedIndustries.length) out.suitedIndustriesEn = '英文行数多于适合产业，请逐行对应';
  if ((e.policiesEn?.length ?? 0) > e.policies.length) out.policiesEn = '英文行数多于载体政策，请逐行对应';
  return out;
};

/** The form field a contract path (`carrier.location.lat`) belongs to. */
export const carrierFieldOf = (path: string): keyof CarrierForm | null => {
  const parts = path.replace(/^carrier\./, '').split('.');
  if (parts[0] === 'location') return parts[1] === 'lng' ? 'lng' : 'lat';
  return (parts[0] as keyof CarrierForm) in EMPTY_CARRIER ? (parts[0] as keyof CarrierForm) : null;
};
