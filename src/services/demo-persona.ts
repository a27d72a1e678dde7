// Named imports: with the namespace form webpack kept all of valibot (~105 KB) in the H5 entry, where this file sits (#12).
import { array, literal, maxLength, minLength, object, optional, pipe, regex, safeParse, string, type InferOutput } from 'valibot';

/**
 * Local-demo personas (H5 only). The local cloud answers `GET /api/_local/personas`; a production web build
 * talks to a backend that does not, so nothing here ever shows or sends a persona there.
 */
export const LOCAL_PERSONAS_PATH = '/api/_local/personas';
const STORAGE_KEY = 'investcard.persona';
const DETECT_TIMEOUT_MS = 3000;

const DemoPersonaSchema = object({
  id: pipe(string(), regex(/^[A-Za-z0-9_.:-]{1,64}$/)),
  label: pipe(string(), minLength(1), maxLength(40)),
  kind: string(),
});
export type DemoPersona = InferOutput<typeof DemoPersonaSchema>;

const PersonaListSchema = pipe(array(DemoPersonaSchema), minLength(1));
/** What the local cloud answers (tools/local-cloud/server.ts). */
const PersonasResponseSchema = object({
  ok: literal(true),
  data: object({ personas: PersonaListSchema, defaultPersona: optional(string()) }),
});

export interface LocalDemo {
  personas: DemoPersona[];
  /** The persona to act as until the user picks one. */
  defaultId: string;
}

const apiBase = (): string => process.env.TARO_APP_API_BASE ?? '';

const loadPersonas = async (): Promise<LocalDemo | null> => {
  if (typeof fetch !== 'function') return null;
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), DETECT_TIMEOUT_MS) : null;
  try {
    const response = await fetch(`${apiBase()}${LOCAL_PERSONAS_PATH}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal: controller?.signal,
    });
    if (!response.ok) return null;
    const parsed = safeParse(PersonasResponseSchema, await response.json());
    if (!parsed.success) return null;
    const { personas, defaultPersona } = parsed.output.data;
    return { personas, defaultId: personas.some((p) => p.id === defaultPersona) ? (defaultPersona as string) : personas[0].id };
  } catch {
    return null;
  } finally {
    if (timer) clearTimeout(timer);
  }
};

let detection: Promise<LocalDemo | null> | null = null;

/** The personas when running against the local cloud, otherwise null. Asked once per page load. */
export const detectLocalDemo = (): Promise<LocalDemo | null> => {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(null);
  detection ??= loadPersonas();
  return detection;
};

const storage = (): Storage | null => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
};

export const storedPersonaId = (): string | null => {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
};

export const storePersonaId = (id: string): void => {
  try {
    storage()?.setItem(STORAGE_KEY, id);
  } catch {
    // Private mode without storage: the choice lasts until reload, which is acceptable for a demo switch.
  }
};

/** The persona in effect: the stored choice while the local cloud still offers it, else its default. */
export const pickPersonaId = (demo: LocalDemo, storedId: string | null): string =>
  demo.personas.some((p) => p.id === storedId) ? (storedId as string) : demo.defaultId;

/** The persona id to send with each request, or null outside local-demo mode. */
export const activeDemoPersonaId = async (): Promise<string | null> => {
  const demo = await detectLocalDemo();
  return demo ? pickPersonaId(demo, storedPersonaId()) : null;
};
