import QRCode from 'qrcode';

/** Web without an identity: a plain QR of the card link, drawn here (the share is not recorded). */
export const fallbackCodeImage = async (url: string): Promise<string | null> => {
  try {
    return await QRCode.toDataURL(url, { margin: 1, width: 360, errorCorrectionLevel: 'M' });
  } catch {
    return null;
  }
};
