import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

/** Mini-program: WeChat's own share button (`open-type="share"`), which opens the chat picker with the page's share card. */
export function ShareButton({ className, testId, children }: { className: string; testId?: string; children: ReactNode }) {
  return (
    <Button className={className} openType="share" data-testid={testId}>
      {children}
    </Button>
  );
}
