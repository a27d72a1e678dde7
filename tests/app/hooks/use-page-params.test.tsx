import { render, renderHook, screen } from '@testing-library/react';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pageUrl, ROUTES } from '../../../src/routes';
import { decodePageParams, usePageParams } from '../../../src/hooks/use-page-params';
import ReportLeadsPage from '../../../src/reports/leads/index';
import * as Taro from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

/** What Taro's H5 router (and WeChat's onLoad) hand a page: the query of the URL pageUrl built, values still encoded. */
const asRouterHandsOver = (url: string): Record<string, string> => {
  const query = url.split('?')[1] ?? '';
  return Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]));
};

beforeEach(() => Taro.resetTaroMock());

describe('usePageParams: the one place pages read their parameters', () => {
  it('decodes every parameter once, Chinese and reserved characters included; a broken encoding stays as it is', () => {
    const url = pageUrl(ROUTES.reportLeads, { scope: 'unit', filter: 'industry', value: '新能源 & 新材料', key: '2026-12' });
    expect(decodePageParams(asRouterHandsOver(url))).toEqual({ scope: 'unit', filter: 'industry', value: '新能源 & 新材料', key: '2026-12' });
    expect(decodePageParams({ value: '100%', other: '%E6%96%B0' })).toEqual({ value: '100%', other: '新' });
  });

  it('gives a page the decoded parameters, the same object on every render', () => {
    Taro.setRouterParams(asRouterHandsOver(pageUrl(ROUTES.reportHeatmap, { scope: 'team', teamId: 'team-invest-squad', q: '浙江' })), '/reports/heatmap/index');
    const { result, rerender } = renderHook(() => usePageParams());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first).toEqual({ scope: 'team', teamId: 'team-invest-squad', q: '浙江' });
  });

  it('reaches the pages: the leads page asks for the Chinese value of a tapped bar', async () => {
    Taro.setRouterParams(asRouterHandsOver(pageUrl(ROUTES.reportLeads, { scope: 'district', kind: 'month', key: '2026-12', filter: 'industry', value: '生物医药' })), '/reports/leads/index');
    const fake = fakeBackend({ 'report.leads': () => ({ items: [], nextCursor: null, hidden: 0 }) });
    try {
      render(<ReportLeadsPage />);
      await screen.findByText('没有可查看的线索');
      expect(fake.inputsOf('report.leads')).toEqual([{ scope: 'district', period: { kind: 'month', key: '2026-12' }, filter: 'industry', value: '生物医药' }]);
    } finally {
      fake.restore();
    }
  });

  it('is the only reader: lint refuses useRouter and getCurrentInstance anywhere else in the app', () => {
    // The flat config is an ES module Jest cannot load: the linter runs as `npm run lint` does.
    const lint = (filePath: string): string[] => {
      const code = "import Taro, { useRouter } from '@tarojs/taro';\nexport const a = () => useRouter().params;\nexport const b = () => Taro.getCurrentInstance().router;\n";
      const run = spawnSync(process.execPath, [join(process.cwd(), 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], { input: code, encoding: 'utf8' });
      const [report] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
      return (report?.messages ?? []).map((m) => m.ruleId ?? 'fatal').filter((id) => id.startsWith('no-restricted') || id === 'fatal').sort();
    };
    expect(lint('src/pages/card/some-page.ts')).toEqual(['no-restricted-imports', 'no-restricted-properties']);
    expect(lint('src/hooks/use-page-params.ts')).toEqual([]);
  }, 60_000);
});
