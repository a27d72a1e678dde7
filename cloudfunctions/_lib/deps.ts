import type { Clock } from '../../domain/common/time';
import type { RandomBytes } from '../../domain/share/share-code.rules';
import type { DocumentStore } from './store/store-port';
import type { PhotoType } from '../../domain/carrier/carrier-photo.rules';

/** Structured, PII-free log lines: never pass names, phones or message text. */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Text moderation: WeChat `security.msgSecCheck` in the cloud, a word list in the local cloud. */
export interface ContentCheck {
  check(text: string, openid: string | null): Promise<'pass' | 'review' | 'risky'>;
}

export interface OutgoingMessage {
  /** Recipient's WeChat openid. */
  toOpenid: string;
  kind: 'lead_new' | 'lead_reply' | 'lead_overdue' | 'lead_assigned' | 'lead_followup' | 'vacancy_confirm' | 'bulletin_ready';
  /** Page the notification opens, e.g. `staff/lead-detail/index?id=…`. */
  page: string;
  /** Short, template-sized fields (WeChat limits: thing ≤ 20 chars). No phone numbers. */
  fields: Record<string, string>;
}

/** Delivers one message; never throws: failures come back as a code so they can be recorded and retried. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<{ ok: true } | { ok: false; code: string }>;
}

/** Codes people scan: a mini-program code in WeChat, a plain QR of the web link elsewhere. */
export interface QrPort {
  forShare(code: string, webUrl: string): Promise<{ kind: 'wxacode' | 'url'; image: string }>;
}

/**
 * Files people download (exports, bulletins): WeChat cloud storage in the cloud, a folder of the data dir
 * locally. Paths are the store's own (`exports/…`, `bulletins/…`), never taken from a request.
 */
export interface FileStore {
  /** Writes the bytes at `path` (replacing what was there) and answers the file's id. */
  put(path: string, bytes: Uint8Array): Promise<string>;
  /** A short-lived link the app downloads from (a temp URL in the cloud, a signed local link). */
  linkFor(fileId: string, fileName: string): Promise<string>;
  /** The bytes behind an id; null when there is no such file. */
  get(fileId: string): Promise<Uint8Array | null>;
  /** Deletes a file (a refused photo); a missing file is no error. */
  remove(fileId: string): Promise<void>;
  /** What an <Image> loads for a public file without expiry: the `cloud://` id, or the local cloud's photo path. */
  publicRef(fileId: string): string;
  /** The file id behind a `publicRef`, or null when it is none of this store's. */
  fileIdOf(ref: string): string | null;
}

/**
 * The image content check (`security.mediaCheckAsync`): `pending` with a trace id whose result arrives later as
 * a `wxa_media_check` event; locally the checker decides at once.
 */
export interface MediaCheck {
  /** The photo types the check can read; absent: all. WeChat's reads JPEG and PNG (and BMP, GIF's first frame), not WebP. */
  reads?: readonly PhotoType[];
  submit(fileId: string, url: string, openid: string | null): Promise<{ kind: 'pending'; traceId: string } | { kind: 'decided'; pass: boolean; reason: string | null }>;
}

/** Lead intake limits; a district-wide burst budget is what actually stops bot floods. */
export interface IntakeLimits {
  perInvestorPer10Min: number;
  perInvestorPerDay: number;
  perDistrictPerMinute: number;
  /** Anonymous web inquiries: per address per hour, per phone (or email / WeChat ID) per day. */
  perWebAddressPerHour?: number;
  perContactPerDay?: number;
  /** Proof-of-work difficulty for web visitors, in leading zero bits of SHA-256. */
  webChallengeBits?: number;
}

export const DEFAULT_WEB_LIMITS = { perWebAddressPerHour: 10, perContactPerDay: 3 } as const;

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = { perInvestorPer10Min: 5, perInvestorPerDay: 20, perDistrictPerMinute: 120 };

/** Everything a use case may touch, passed in; the same use cases run in WeChat and in the local cloud. */
export interface Deps {
  store: DocumentStore;
  clock: Clock;
  randomBytes: RandomBytes;
  log: Logger;
  contentCheck: ContentCheck;
  notifier: Notifier;
  intakeLimits: IntakeLimits;
  qr: QrPort;
  files: FileStore;
  mediaCheck: MediaCheck;
  /**
   * Secret behind the daily visitor keys (ANALYTICS_SALT in the cloud, a random file in the local data dir):
   * unique counts without a list of who viewed. null only where no action hashes visitors; hashing without it
   * fails with CONFIG.ANALYTICS_SECRET_MISSING.
   */
  analyticsSecret: string | null;
  /** Base of the H5 app's public URL, for web links and plain QR codes. */
  webBaseUrl: string;
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
