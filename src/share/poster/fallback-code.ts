/**
 * A QR code drawn on the device when no share can be recorded (a web visitor without an identity).
 * Only the web build has one (`fallback-code.h5.ts`, with `qrcode`); the mini-program always records its share.
 */
export const fallbackCodeImage = (_url: string): Promise<string | null> => Promise.resolve(null);
