import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoDistrict } from '../../../tools/seed/demo-district';
import { MiniProgram, type MiniProgramOptions } from './mini-program';
import { simDist } from './sim-builds';
import { BUNDLES_HINT, startSimCloud, type Invocation, type SimCloud } from './sim-cloud';
import { SCENES } from './wechat-rules';
import { WxmlRenderer } from './wxml-renderer';

/**
 * One simulated world per test file: the weapp build (see sim-builds.ts), WeChat Cloud running the built function bundles
 * over the fake database seeded with the demo district, and phones that open the mini-program as a persona.
 */
export const ROOT = resolve(__dirname, '../../..');
export const DIST = simDist(ROOT);

/** The demo personas' WeChat identities (tools/seed/demo-district.ts, tools/local-cloud/personas.ts). */
export const OPENIDS = {
  investorA: 'demo-openid-investor-a',
  investorB: 'demo-openid-investor-b',
  head: 'demo-openid-head',
  commissioner: 'demo-openid-commissioner',
  /** 许安然, the district admin: the office's pages. */
  admin: 'demo-openid-admin',
  /** 陈启航, leader of the investment bureau: the reports' pages. */
  investLeader: 'demo-openid-invest-leader',
  /** Someone who has never used the app: the staff bind page's visitor before binding. */
  newcomer: 'demo-openid-weapp-sim-newcomer',
} as const;

export const DEMO = (() => {
  const seed = buildDemoDistrict(new Date());
  const carrier = seed.carriers[0] as { _id: string; name: string; districtId: string };
  return { districtId: carrier.districtId, carrierId: carrier._id, carrierName: carrier.name, headCardId: 'card-staff-head', commissionerCardId: 'card-staff-commissioner' };
})();

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  __usePrivacyCheck__?: boolean;
}

export const appJson = (): AppJson => {
  const file = join(DIST, 'app.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run test:weapp-sim\`, which builds what is stale`);
  return JSON.parse(readFileSync(file, 'utf8')) as AppJson;
};

/** Every page of every package, as app.json lists them. */
export const allPages = (): string[] => {
  const app = appJson();
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
};

export interface Phone {
  app: MiniProgram;
  /** This phone's cloud function invocations, in order. */
  invocations: Invocation[];
}

export interface SimWorld {
  cloud: SimCloud;
  renderer: WxmlRenderer;
  phone(openid: string | null, options?: { scene?: number } & Partial<Pick<MiniProgramOptions, 'modalAnswer' | 'storage' | 'privacy' | 'cloud'>>): Phone;
  uninstall(): void;
}

export const startWorld = async (): Promise<SimWorld> => {
  appJson();
  if (!existsSync(join(ROOT, 'build', 'cloudfunctions'))) throw new Error(`build/cloudfunctions is missing: ${BUNDLES_HINT}`);
  const renderer = new WxmlRenderer(DIST);
  const cloud = await startSimCloud(ROOT);
  return {
    cloud,
    renderer,
    phone(openid, options = {}) {
      const invocations: Invocation[] = [];
      const app = new MiniProgram({ dist: DIST, renderer, openid, scene: SCENES.chat, cloud: cloud.handlerFor(invocations), ...options });
      return { app, invocations };
    },
    uninstall: () => cloud.uninstall(),
  };
};

/** A lead from investor A through the card of 林致远, submitted as the app would (for pages that list leads). */
export const submitDemoLead = async (world: SimWorld, key: string, overrides: { company?: string; message?: string } = {}) => {
  const r = await world.cloud.invoke(
    'lead-intake',
    {
      action: 'lead.submit',
      input: {
        idempotencyKey: key,
        contact: { name: '李先生', company: overrides.company ?? '云帆智能科技', phone: '13900139000' },
        need: { industry: '人工智能', scale: 'undecided' },
        message: overrides.message ?? '想了解孵化器的入驻政策',
        source: { channel: 'chat', cardId: DEMO.headCardId },
        consent: { agreed: true, noticeVersion: '2026-11' },
      },
    },
    OPENIDS.investorA,
  );
  if (!r.ok) throw new Error(`seeding a lead failed: ${JSON.stringify(r.error)}`);
  return r.data as { leadId: string };
};

/** What the pages need besides the seed: a lead (lists, detail) and a vacancy link (the one-tap confirm page). */
export const seedPageData = async (world: SimWorld, key: string): Promise<{ leadId: string; vacancyToken: string }> => {
  const { leadId } = await submitDemoLead(world, key);
  const r = await world.cloud.invoke('admin', { action: 'admin.carrier.remindVacancy', input: { carrierId: DEMO.carrierId } }, OPENIDS.admin);
  if (!r.ok) throw new Error(`issuing a vacancy link failed: ${JSON.stringify(r.error)}`);
  const token = new URLSearchParams((r.data as { page: string }).page.split('?')[1] ?? '').get('t');
  if (!token) throw new Error('the vacancy reminder carried no link');
  return { leadId, vacancyToken: token };
};
