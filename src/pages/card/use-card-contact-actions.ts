import Taro from '@tarojs/taro';
import type { CardView } from '../../../domain/api/views.schema';
import { downloadVcard, phoneContactFor, savableContact, vcardFileName, vcardFor } from '../../card-model/vcard';
import type { FullModeGuard } from '../../hooks/use-full-mode';
import type { Dictionary } from '../../i18n/dictionary';
import { previewImage } from '../../platform/preview-image';
import { addPhoneContact, copyText, saveImageToAlbum } from '../../platform/privacy';
import { localImagePath } from '../../services/image-file';

export interface CardContactActions {
  callPhone: (phone: string) => void;
  copyWechat: (wechatId: string) => void;
  saveContact: () => void;
  previewQr: () => void;
  saveQr: () => void;
}

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

/** What the card's contact buttons do: call, copy, save the contact (vCard on the web), view or save the QR code. */
export const cardContactActions = (card: CardView, qrSrc: string | null, fullMode: Pick<FullModeGuard, 'guard' | 'readOnly'>, t: Dictionary, web: boolean): CardContactActions => {
  const { guard, readOnly } = fullMode;
  const savable = savableContact(card.owner, card.contact);
  return {
    callPhone: (phone) =>
      guard(t.actionCall, () => {
        // Rejects when the visitor cancels the system sheet: nothing to report.
        Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
      }),
    copyWechat: (wechatId) => guard(t.actionCopyWechat, () => void copyText(wechatId, { failMessage: t.copyWechatFailed })),
    saveContact: () => {
      if (!savable) return;
      const note = t.cardVcardNote(card.district.name);
      if (web) {
        if (!downloadVcard(vcardFor(savable, note), vcardFileName(savable.name))) toast(t.cardNoDownload);
        return;
      }
      guard(t.actionSaveContact, () => void addPhoneContact(phoneContactFor(savable, note)));
    },
    previewQr: () => {
      if (!qrSrc) return;
      // Viewing is fine in Moments; the save menu is not.
      previewImage({ urls: [qrSrc], current: qrSrc, showmenu: !readOnly }).catch(() => toast(t.cardQrUnavailable));
    },
    saveQr: () => {
      if (!qrSrc) return;
      guard(t.actionSaveImage, () => {
        localImagePath(qrSrc)
          .then((path) => saveImageToAlbum(path))
          .catch(() => toast(t.cardImageFailed));
      });
    },
  };
};
