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
});

/** The form field a contract path (`carrier.location.lat`) belongs to. */
export const carrierFieldOf = (path: string): keyof CarrierForm | null => {
  const parts = path.replace(/^carrier\./, '').split('.');
  if (parts[0] === 'location') return parts[1] === 'lng' ? 'lng' : 'lat';
  return (parts[0] as keyof CarrierForm) in EMPTY_CARRIER ? (parts[0] as keyof CarrierForm) : null;
};
