/**
 * «At least one way to reach you»: an inquiry names a phone number, an email address or a WeChat ID — any one of
 * them is enough (a foreign investor may have no mainland phone, a web visitor no WeChat).
 */

export interface ContactWays {
  phone?: string | null;
  email?: string | null;
  wechatId?: string | null;
}

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

export const hasWayToReach = (contact: ContactWays): boolean => filled(contact.phone) || filled(contact.email) || filled(contact.wechatId);

/**
 * The one key the per-contact limits count under: the (normalised) phone, else the email, else the WeChat ID —
 * each in its own namespace and case-folded, so `A@x.com` and `a@x.com` share a counter and an email can never
 * collide with a phone number.
 */
export const contactKeyOf = (contact: ContactWays): string => {
  if (filled(contact.phone)) return contact.phone.trim();
  if (filled(contact.email)) return `email:${contact.email.trim().toLowerCase()}`;
  if (filled(contact.wechatId)) return `wechat:${contact.wechatId.trim().toLowerCase()}`;
  return '';
};

/** WeChat IDs as WeChat allows them (letters, digits, `_` and `-`). */
export const WECHAT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export const CONTACT_WAYS = ['phone', 'email', 'wechat'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

const maskMiddle = (text: string, keepStart: number, keepEnd: number): string =>
  text.length <= keepStart + keepEnd ? `${text.slice(0, 1)}***` : `${text.slice(0, keepStart)}***${text.slice(text.length - keepEnd)}`;

/**
 * What staff see before revealing (and so auditing) the contact: the phone masked as `maskPhone` does, else the
 * email (`zh***@example.com`), else the WeChat ID (`wx***01`).
 */
export const maskContact = (contact: ContactWays, maskPhone: (phone: string) => string): { way: ContactWay; masked: string } => {
  if (filled(contact.phone)) return { way: 'phone', masked: maskPhone(contact.phone) };
  if (filled(contact.email)) {
    const [local, domain] = contact.email.split('@');
    return { way: 'email', masked: `${maskMiddle(local ?? '', 2, 0)}@${domain ?? ''}` };
  }
  if (filled(contact.wechatId)) return { way: 'wechat', masked: maskMiddle(contact.wechatId, 2, 2) };
  return { way: 'phone', masked: '****' };
};
