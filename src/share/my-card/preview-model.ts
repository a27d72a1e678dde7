import type { CardPreviewProps } from '../../components/card-preview';
import { imageUrl } from '../../platform/image-url';
import type { CardForm } from './card-form';
import type { EditorContext } from './use-my-card';

/** The live preview: the form as visitors would see the card once saved (mirrors card.get's rules). */
export const previewFromForm = (form: CardForm, context: EditorContext): CardPreviewProps => {
  const { mine, view, ownCard, myName } = context;
  const district = view?.district;
  const owner = ownCard ? view?.owner : undefined;
  const contacts: { label: string; value: string }[] = [];
  if (form.visibility.phone) contacts.push({ label: '电话', value: owner?.phone ?? '你登记的手机号' });
  if (form.visibility.wechatId && form.wechatId.trim()) contacts.push({ label: '微信', value: form.wechatId.trim() });
  const duty = form.onDutyStaffId ? (mine.colleagues.find((c) => c.staffId === form.onDutyStaffId) ?? null) : null;
  const carrierNames = new Map(mine.carriers.map((c) => [c.id, c.name]));
  return {
    districtName: district?.name ?? '',
    slogan: district?.slogan ?? '',
    person: {
      name: owner?.name ?? myName ?? '我',
      title: form.title.trim() || '（未填写职务）',
      unitName: owner?.unitName ?? '',
      photoUrl: imageUrl(form.photo),
    },
    greeting: form.greeting.trim(),
    contacts,
    wechatQrUrl: form.visibility.wechatQr ? imageUrl(form.wechatQr) : null,
    industries: form.featuredIndustries.length ? form.featuredIndustries : (district?.keyIndustries.slice(0, 4) ?? []),
    carriers: form.featuredCarrierIds.map((id) => carrierNames.get(id)).filter((name): name is string => Boolean(name)),
    duty: duty ? { name: duty.name, title: duty.title } : null,
  };
};
