import type { PropsWithChildren } from 'react';
import { DemoPersonaHost } from './shell/demo-persona-host';
import { PageLoadFailureHost } from './shell/page-load-failure-host';
import './shell/text-scale-host';
import './app.css';

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
