// First: on H5, the plain View/Text/Image's base styles, so every page's own classes come after them and win.
import './platform/h5-components/base-styles';
import type { PropsWithChildren } from 'react';
import { loadEnglishDictionary } from './i18n/english-dictionary';
import { currentLanguage } from './i18n/language';
import { DemoPersonaHost } from './shell/demo-persona-host';
import { installMissingPageRedirect } from './shell/missing-page-redirect';
import { PageLoadFailureHost } from './shell/page-load-failure-host';
import './shell/text-scale-host';
import './app.css';

// An English visitor's dictionary (a lazy chunk; on the web index.html's boot script has already added it with the entry) starts loading with the app, not with the first page.
if (currentLanguage() === 'en') loadEnglishDictionary().catch(() => undefined);
// Old share paths (pages/lead-form/index …) and unknown ones: the web rewrites them in its first screen.
if (process.env.TARO_ENV === 'weapp') installMissingPageRedirect();

function App({ children }: PropsWithChildren) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <>
        {children}
        <PageLoadFailureHost />
        <DemoPersonaHost />
      </>
    );
  }
  return children;
}

export default App;
