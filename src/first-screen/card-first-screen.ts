import type { CardView, Person } from '../../domain/api/views.schema';
import { formatResponsePromise, initialOf } from '../format/format';
import { imageUrlOn } from '../platform/image-url';
import { telHref } from '../format/tel-href';
import { cardGridActions } from '../card-model/card-actions';
import { savableContact } from '../card-model/vcard';
import type { CoreDictionary, Language } from '../i18n/dictionary';
import { coreDictionaryFor } from '../i18n/core-dictionaries';

/**
 * The card page's first screen as plain HTML, shown before the app's JavaScript has loaded: rendered into
 * index.html by the web host when it can (tools/local-cloud/first-screen-page.ts), else by index.html's boot
 * script after one request. Web only, so images resolve as on the web wherever this runs.
 * It reuses the app components' class names and stylesheets (see tools/h5-first-screen.ts), so the app's
 * own render replaces it without a visible jump: demo banner, hero, intro, key industries and the contact
 * card with a working `tel:` link. Everything else arrives with the app a moment later.
 */

/**
 * Chinese shown for want of English (the view's `fallbackZh`, present on English reads only): marked as the app
 * marks it, for screen readers (`lang`) and to the eye (the «中文» tag, where ChineseMark puts it), so nothing moves
 * when the app takes over.
 */
const ZH_ATTRIBUTES = ' lang="zh" data-content-lang="zh"';
type Translated = { fallbackZh?: readonly string[] };
const isZh = (view: Translated, field: string): boolean => view.fallbackZh?.includes(field) ?? false;
const zh = (view: Translated, field: string): string => (isZh(view, field) ? ZH_ATTRIBUTES : '');
const chineseMark = (t: CoreDictionary): string =>
  `<span class="chinese-mark" data-testid="chinese-mark" aria-label="${escapeHtml(t.chineseContentMarkLabel)}">${escapeHtml(t.chineseContentMark)}</span>`;
const mark = (t: CoreDictionary, view: Translated, field: string): string => (isZh(view, field) ? chineseMark(t) : '');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Mirrors ExpandableText: longer texts start clamped. */
const INTRO_COLLAPSE_OVER = 96;

const section = (title: string, body: string): string =>
  `<div class="section-block"><div class="section-block__head"><div class="section-block__mark"></div><span class="section-block__title">${escapeHtml(title)}</span></div><div class="section-block__body">${body}</div></div>`;

/** The card page's action grid, shown dimmed until the app makes it work (same items, same size). */
const pendingActionGrid = (card: CardView, t: CoreDictionary): string =>
  `<div class="action-grid first-screen__pending" aria-hidden="true">${cardGridActions('web', savableContact(card.owner, card.contact) !== null, t)
    .map(({ label, icon }) => `<div class="action-grid__item"><div class="action-grid__icon"><img class="action-grid__icon-image" src="${icon}" alt=""></div><span class="action-grid__label">${label}</span></div>`)
    .join('')}</div>`;

const avatar = (person: Person): string => {
  const src = imageUrlOn('web', person.photo);
  return src
    ? `<img class="avatar avatar--lg first-screen__image" src="${escapeHtml(src)}" alt="">`
    : `<div class="avatar avatar--lg avatar--initial"><span class="avatar__initial">${escapeHtml(initialOf(person.name))}</span></div>`;
};

const line = (label: string, value: string, modifier: string): string =>
  `<div class="contact-card__line"><span class="contact-card__line-label">${label}</span><span class="contact-card__line-value ${modifier}">${escapeHtml(value)}</span></div>`;

/** The card's language switch, as the app draws it (Segmented), dimmed until the app makes it work. */
const pendingLanguageSwitch = (lang: Language): string =>
  `<div class="language-switch first-screen__pending" aria-hidden="true"><div class="segmented">${(['zh', 'en'] as const)
    .map((key) => `<div class="${key === lang ? 'segmented__option segmented__option--active' : 'segmented__option'}"><span>${key === 'zh' ? '中文' : 'English'}</span></div>`)
    .join('')}</div></div>`;

const contactCard = (t: CoreDictionary, person: Person, role: string, note: string | null, greeting: string | null, privateText: string = t.cardPrivate, greetingZh = false): string => {
  const { phone, wechatId } = person;
  const lines =
    phone || wechatId
      ? `<div class="contact-card__lines">${phone ? line(t.contactPhone, phone, 'contact-card__phone') : ''}${wechatId ? line(t.contactWechat, wechatId, 'contact-card__wechat') : ''}</div>`
      : `<span class="contact-card__private">${escapeHtml(privateText)}</span>`;
  const call = phone
    ? `<div class="contact-card__actions"><a class="contact-card__action contact-card__action--primary contact-card__call" href="${escapeHtml(telHref(phone))}">${escapeHtml(t.actionCall)}</a></div>`
    : '';
  return (
    `<div class="contact-card"><div class="contact-card__head">${avatar(person)}<div class="contact-card__who">` +
    `<div class="contact-card__name-row"><span class="contact-card__name"${zh(person, 'name')}>${escapeHtml(person.name)}</span>${mark(t, person, 'name')}<span class="contact-card__role">${role}</span></div>` +
    `<span class="contact-card__title"${zh(person, 'title')}>${escapeHtml(person.title)}</span>${mark(t, person, 'title')}` +
    `<span class="contact-card__unit"${zh(person, 'unitName')}>${escapeHtml(person.unitName)}</span>${mark(t, person, 'unitName')}</div></div>` +
    `${greeting ? `<span class="contact-card__greeting"${greetingZh ? ZH_ATTRIBUTES : ''}>${escapeHtml(greeting)}</span>${greetingZh ? chineseMark(t) : ''}` : ''}${lines}${call}` +
    `${note ? `<span class="contact-card__note">${escapeHtml(note)}</span>` : ''}</div>`
  );
};

export const renderCardFirstScreen = (card: CardView, lang: Language = 'zh'): string => {
  const t = coreDictionaryFor(lang);
  const { district, owner, contact } = card;
  // Like the app's contact section: a departed owner's card names its successor (the server withheld the owner's contact).
  const departed = card.ownerDeparted === true && contact !== null;
  const cover = imageUrlOn('web', district.coverImage);
  const responseNote = formatResponsePromise(district.firstResponseHours, lang);
  const introClamped = district.intro.length > INTRO_COLLAPSE_OVER;
  const tags = district.keyIndustries
    .map((tag, i) => `<span class="${card.featuredIndustries.includes(tag) ? 'tag-list__tag tag-list__tag--accent' : 'tag-list__tag'}"${zh(district, `keyIndustries.${i}`)}>${escapeHtml(tag)}${mark(t, district, `keyIndustries.${i}`)}</span>`)
    .join('');

  return (
    `<div class="card-page first-screen__page" data-testid="first-screen-card" data-lang="${lang}">` +
    (district.isDemo ? `<div class="demo-banner"><span class="demo-banner__tag">${escapeHtml(t.demoTag)}</span><span class="demo-banner__text">${escapeHtml(t.demoText)}</span></div>` : '') +
    `<div class="district-hero">` +
    // The largest thing on the first screen: asked for before anything else on the page.
    (cover ? `<img class="district-hero__cover first-screen__image" src="${escapeHtml(cover)}" alt="" fetchpriority="high">` : '') +
    `<div class="district-hero__shade"></div><div class="district-hero__body"><span class="district-hero__eyebrow">${escapeHtml(t.appName)}</span>` +
    `<span class="district-hero__name"${zh(district, 'name')}>${escapeHtml(district.name)}</span>${mark(t, district, 'name')}<div class="district-hero__rule"></div>` +
    `<span class="district-hero__slogan"${zh(district, 'slogan')}>${escapeHtml(district.slogan)}</span>${mark(t, district, 'slogan')}</div></div>` +
    `<div class="card-page__body">${pendingActionGrid(card, t)}${pendingLanguageSwitch(lang)}` +
    (district.intro
      ? section(
          t.cardIntroTitle,
          `<div class="expandable-text">${mark(t, district, 'intro')}<span class="${introClamped ? 'expandable-text__body expandable-text__body--clamped' : 'expandable-text__body'}"${zh(district, 'intro')}>${escapeHtml(district.intro)}</span>` +
            // Same height as the app's toggle; it works once the app is there.
            `${introClamped ? `<div class="expandable-text__toggle"><span>${escapeHtml(t.expand)}</span></div>` : ''}</div>`,
        )
      : '') +
    (tags ? section(t.cardIndustriesTitle, `<div class="tag-list">${tags}</div>`) : '') +
    section(
      t.cardContactTitle,
      contactCard(t, owner, t.cardOwnerRole, contact ? null : responseNote, card.greeting || null, departed ? t.cardOwnerDeparted(owner.name) : undefined, card.fallbackZh?.includes('greeting') ?? false) +
        (contact ? `<div class="card-page__duty"><span class="card-page__duty-title">${escapeHtml(departed ? t.cardSuccessorTitle : t.cardDutyTitle)}</span>${contactCard(t, contact, t.cardDutyRole, responseNote, null)}</div>` : ''),
    ) +
    `</div><div class="first-screen__loading" role="status">${escapeHtml(t.firstScreenLoading)}</div></div>`
  );
};
