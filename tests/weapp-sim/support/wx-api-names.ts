import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Every member of WeChat's `wx` object, read from `miniprogram-api-typings` (the `WechatMiniprogram.Wx`
 * interface): the simulated `wx` carries exactly these, so Taro's start-up copy of wx's members sees what a
 * device offers, and a call to an API WeChat does not have fails as it would there.
 */
export const wxApiNames = (): { methods: string[]; properties: string[] } => {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const methods: string[] = [];
  const properties: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) {
        if (!member.name) continue;
        const name = member.name.getText(source);
        if (ts.isMethodSignature(member)) methods.push(name);
        else properties.push(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (methods.length < 300) throw new Error(`miniprogram-api-typings: only ${methods.length} wx methods found in ${file}; has its layout changed?`);
  return { methods: [...new Set(methods)].sort(), properties: [...new Set(properties)].sort() };
};
