import type { PropsWithChildren } from 'react';
import { DemoPersonaHost } from './shell/demo-persona-host';
import './app.css';

function App({ children }: PropsWithChildren) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <>
        {children}
        <DemoPersonaHost />
      </>
    );
  }
  return children;
}

export default App;
