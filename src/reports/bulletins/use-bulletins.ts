import { useState } from 'react';
import { bulletinFileContract, bulletinsContract } from '../../../domain/api/report.contracts';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { openStoredFile } from '../../platform/open-file';
import { call } from '../../services/api-client';

/** 每月一通报: the district's bulletins (cached, then refreshed), and opening one's PDF or workbook. */
export const useBulletins = () => {
  const resource = useResource({ key: 'report.bulletins', fetch: () => call(bulletinsContract, {}), cacheSchema: bulletinsContract.response });
  const [opening, setOpening] = useState<string | null>(null);
  const open = useAction(async (bulletinId: string, format: 'pdf' | 'xlsx') => {
    setOpening(`${bulletinId}.${format}`);
    try {
      const file = await call(bulletinFileContract, { bulletinId, format });
      await openStoredFile(file.url, file.fileName);
    } finally {
      setOpening(null);
    }
  });
  return { ...resource, opening, openError: open.error, open: (bulletinId: string, format: 'pdf' | 'xlsx') => void open.run(bulletinId, format) };
};
