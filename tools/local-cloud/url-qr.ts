import QRCode from 'qrcode';
import type { QrPort } from '../../cloudfunctions/_lib/deps';

/** Without WeChat there is no mini-program code: a plain QR of the H5 link, drawn with `qrcode`. */
export const urlQr: QrPort = {
  async forShare(_code, webUrl) {
    return { kind: 'url', image: await QRCode.toDataURL(webUrl, { margin: 1, width: 360, errorCorrectionLevel: 'M' }) };
  },
};
