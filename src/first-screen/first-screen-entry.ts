import { bootFirstScreen } from './first-screen-boot';
import { APP_ASSETS_GLOBAL, type AppAssets } from './first-screen-handoff';

/** The script index.html inlines (built by tools/h5-first-screen.ts); index.html sets the asset list first. */
const assets = (window as unknown as Record<string, AppAssets | undefined>)[APP_ASSETS_GLOBAL] ?? { js: [], css: [] };
bootFirstScreen(window, assets, { apiBase: process.env.TARO_APP_API_BASE ?? '' });
