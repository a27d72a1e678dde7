import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { CARRIER_TYPES, CARRIER_TYPE_LABELS, type CarrierType } from '../../domain/carrier/carrier.schema';
import { STAFF } from './demo-district';

/**
 * Writes the demo's small illustrations into src/seed-assets (committed): no photo is fetched at run time (each file
 * is a few hundred bytes of SVG). The web build serves them at `/assets/…`; the mini-program does not carry them
 * (#12): its seed names them in cloud storage (`npm run seed:export -- --files cloud://…`, export-seed.ts).
 * Run again with `npx tsx tools/seed/make-demo-images.ts` after changing the demo staff.
 */
const root = resolve(__dirname, '../..');
const out = (p: string) => join(root, 'src/seed-assets', p);

const PALETTES: Array<[string, string]> = [
  ['#9f1d20', '#e7b15a'],
  ['#1f4e79', '#7fb2e5'],
  ['#2e6b4f', '#a6d4a0'],
  ['#5b3f8c', '#c8b3ec'],
];

const shapes: Record<CarrierType, string> = {
  building: '<rect x="70" y="40" width="60" height="130" rx="4" fill="#fff" opacity=".9"/><rect x="140" y="80" width="50" height="90" rx="4" fill="#fff" opacity=".7"/><g fill="#0002">' +
    Array.from({ length: 12 }, (_, i) => `<rect x="${80 + (i % 3) * 16}" y="${52 + Math.floor(i / 3) * 26}" width="10" height="14"/>`).join('') + '</g>',
  industrial_park: '<rect x="30" y="110" width="80" height="60" fill="#fff" opacity=".9"/><rect x="120" y="95" width="90" height="75" fill="#fff" opacity=".75"/><circle cx="200" cy="55" r="18" fill="#fff" opacity=".6"/>',
  factory: '<path d="M30 170V100l45 25V100l45 25V100l45 25V70h20v100z" fill="#fff" opacity=".9"/>',
  industrial_land: '<path d="M20 170l60-50 60 30 80-60v80z" fill="#fff" opacity=".85"/><path d="M40 160h180" stroke="#fff" stroke-dasharray="6 6"/>',
  heritage: '<path d="M50 100l70-45 70 45z" fill="#fff" opacity=".95"/><rect x="65" y="100" width="110" height="70" fill="#fff" opacity=".8"/><rect x="108" y="130" width="24" height="40" fill="#0003"/>',
  incubator: '<circle cx="120" cy="100" r="50" fill="#fff" opacity=".85"/><path d="M120 70v60M90 100h60" stroke="#0003" stroke-width="8"/>',
};

const carrierSvg = (type: CarrierType, variant: number) => {
  const [a, b] = PALETTES[(CARRIER_TYPES.indexOf(type) + variant) % PALETTES.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" viewBox="0 0 240 180"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="240" height="180" fill="url(#g)"/>${shapes[type]}<text x="12" y="24" font-size="14" fill="#fff" font-family="sans-serif">${CARRIER_TYPE_LABELS[type]} · 演示</text></svg>\n`;
};

const avatarSvg = (name: string, index: number) => {
  const [a, b] = PALETTES[index % PALETTES.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="160" height="160" rx="80" fill="url(#g)"/><text x="80" y="100" font-size="64" text-anchor="middle" fill="#fff" font-family="sans-serif">${name.slice(0, 1)}</text></svg>\n`;
};

const coverSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="360" viewBox="0 0 750 360"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8f1b1e"/><stop offset="1" stop-color="#c8402f"/></linearGradient></defs><rect width="750" height="360" fill="url(#sky)"/><path d="M0 280 C 150 240 300 300 450 260 S 700 250 750 270 V360 H0z" fill="#f3d08a" opacity=".55"/><g fill="#fff" opacity=".18">${Array.from({ length: 14 }, (_, i) => `<rect x="${30 + i * 52}" y="${150 - ((i * 37) % 90)}" width="38" height="${130 + ((i * 37) % 90)}"/>`).join('')}</g></svg>\n`;

const main = async () => {
  mkdirSync(out('carriers'), { recursive: true });
  mkdirSync(out('people'), { recursive: true });
  mkdirSync(out('district'), { recursive: true });
  for (const type of CARRIER_TYPES) for (const variant of [0, 1]) writeFileSync(out(`carriers/${type}-${variant}.svg`), carrierSvg(type, variant));
  STAFF.forEach((s, i) => writeFileSync(out(`people/${s.id}.svg`), avatarSvg(s.name, i)));
  writeFileSync(out('district/cover.svg'), coverSvg);
  // A real QR code of a demo text, so the "WeChat QR" preview looks like one without being anyone's.
  writeFileSync(out('people/wechat-qr.svg'), await QRCode.toString('InvestCard 演示数据：这不是真实的微信二维码', { type: 'svg', margin: 1 }));
  console.log('demo images written to src/seed-assets');
};

void main();
