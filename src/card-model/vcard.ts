import type { Person } from '../../domain/api/views.schema';
import { clickDownload } from '../platform/web-download';

/** vCard 3.0 text escaping (RFC 2426 §4): backslash, comma, semicolon, newline. */
const escape = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

const digits = (phone: string): string => phone.replace(/[^\d+]/g, '');

/** Mainland mobile numbers (optionally +86) are cell phones; anything else is an office line. */
export const isMobile = (phone: string): boolean => /^(\+?86)?1\d{10}$/.test(digits(phone));

/** Whom 存入通讯录 / 下载名片 saves: the owner when they publish a number or WeChat ID, else who answers. */
export const savableContact = (owner: Person, contact: Person | null): Person | null =>
  owner.phone || owner.wechatId ? owner : contact?.phone ? contact : null;

/** A contact card file for the web build's 下载名片: name, unit, title, phone and WeChat ID. */
export const vcardFor = (person: Pick<Person, 'name' | 'title' | 'unitName' | 'phone' | 'wechatId'>, note: string): string => {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${escape(person.name)};;;;`, `FN:${escape(person.name)}`];
  if (person.unitName) lines.push(`ORG:${escape(person.unitName)}`);
  if (person.title) lines.push(`TITLE:${escape(person.title)}`);
  if (person.phone) lines.push(`TEL;TYPE=${isMobile(person.phone) ? 'CELL' : 'WORK,VOICE'}:${digits(person.phone)}`);
  const notes = [person.wechatId ? `微信号：${person.wechatId}` : '', note].filter(Boolean).join('；');
  if (notes) lines.push(`NOTE:${escape(notes)}`);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
};

/** A safe file name: the person's name without characters file systems reject. */
export const vcardFileName = (name: string): string => `${name.replace(/[\\/:*?"<>|\s]+/g, '') || 'contact'}.vcf`;

/** Web only: offers the vCard as a download. Returns false where the browser cannot. */
export const downloadVcard = (text: string, fileName: string): boolean => {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/vcard;charset=utf-8' }));
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
};

/** The mini-program's `addPhoneContact` fields for a person. */
export const phoneContactFor = (person: Pick<Person, 'name' | 'title' | 'unitName' | 'phone' | 'wechatId'>, remark: string) => {
  const phone = person.phone ? digits(person.phone) : undefined;
  return {
    firstName: person.name,
    organization: person.unitName || undefined,
    title: person.title || undefined,
    ...(phone ? (isMobile(phone) ? { mobilePhoneNumber: phone } : { workPhoneNumber: phone }) : {}),
    weChatNumber: person.wechatId ?? undefined,
    remark,
  };
};
