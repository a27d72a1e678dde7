import type { CoreDictionary } from '../i18n/dictionary';
import { zhCore } from '../i18n/zh-core';

/**
 * The card page's action grid, in order. Free of Taro: the H5 first screen (src/first-screen) shows the same
 * items, dimmed, until the app makes them work.
 */
export interface CardGridAction {
  key: 'carriers' | 'directory' | 'lead' | 'contact';
  label: string;
  /** A bundled icon path (`/assets/icons/…`). */
  icon: string;
  testId: string;
}

/** `canSaveContact`: someone on the card publishes a number or WeChat ID (see vcard.ts savableContact). */
export const cardGridActions = (platform: 'web' | 'mini-program', canSaveContact: boolean, t: CoreDictionary = zhCore): CardGridAction[] => [
  { key: 'carriers', label: t.gridCarriers, icon: '/assets/icons/carriers.svg', testId: 'action-carriers' },
  { key: 'directory', label: t.gridDirectory, icon: '/assets/icons/directory.svg', testId: 'action-directory' },
  { key: 'lead', label: t.gridLead, icon: '/assets/icons/message.svg', testId: 'action-lead' },
  ...(!canSaveContact
    ? []
    : platform === 'web'
      ? [{ key: 'contact' as const, label: t.actionDownloadCard, icon: '/assets/icons/download.svg', testId: 'action-vcard' }]
      : [{ key: 'contact' as const, label: t.actionSaveContact, icon: '/assets/icons/contact.svg', testId: 'action-add-contact' }]),
];
