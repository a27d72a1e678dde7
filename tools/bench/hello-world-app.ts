import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The performance mark the web hello world sets when its page has rendered (as the card page's takeover does). */
export const HELLO_READY_MARK = 'hello:ready';

/** The page: Taro's template page, plus on the web the mark, set in a layout effect like the card's takeover. */
const PAGE = {
  weapp: "import { View, Text } from '@tarojs/components'; export default function Index(){ return <View><Text>Hello world</Text></View> }",
  h5: `import { useLayoutEffect } from 'react'; import { View, Text } from '@tarojs/components'; export default function Index(){ useLayoutEffect(() => { performance.mark('${HELLO_READY_MARK}'); }, []); return <View><Text>Hello world</Text></View> }`,
};

export interface HelloWorldBuild {
  /** The build's output folder (`dist/` of the project). */
  outDir: string;
  remove(): void;
}

/**
 * A one-page Taro hello world — Taro's own template, stock config — built with this checkout's toolchain: the
 * baseline the weapp main package (size) and the H5 app's start (app ready) are measured against.
 */
export const buildHelloWorld = (root: string, type: 'weapp' | 'h5'): HelloWorldBuild => {
  const dir = mkdtempSync(join(tmpdir(), `investcard-hello-${type}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'config'));
    mkdirSync(join(dir, 'src/pages/index'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hello', private: true, templateInfo: { name: 'default', typescript: true, css: 'None', framework: 'React' } }));
    writeFileSync(join(dir, 'babel.config.js'), "module.exports={presets:[['taro',{framework:'react',ts:true,compiler:'webpack5'}]]};");
    writeFileSync(join(dir, 'project.config.json'), JSON.stringify({ miniprogramRoot: 'dist/', appid: 'touristappid', compileType: 'miniprogram' }));
    writeFileSync(
      join(dir, 'config/index.js'),
      "module.exports=function(merge){return {projectName:'hello',designWidth:750,deviceRatio:{750:1},sourceRoot:'src',outputRoot:'dist',framework:'react',compiler:'webpack5',mini:{},h5:{publicPath:'/'}}};",
    );
    writeFileSync(join(dir, 'src/app.config.js'), "export default {pages:['pages/index/index']}");
    writeFileSync(join(dir, 'src/app.js'), "import { Component } from 'react'; export default class App extends Component { render(){ return this.props.children } }");
    writeFileSync(join(dir, 'src/pages/index/index.config.js'), "export default {navigationBarTitleText:'Hello'}");
    writeFileSync(join(dir, 'src/pages/index/index.jsx'), PAGE[type]);
    if (type === 'h5') {
      writeFileSync(
        join(dir, 'src/index.html'),
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Hello</title></head><body><div id="app"></div></body></html>',
      );
    }
    const r = spawnSync(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`hello-world ${type} build failed:\n${r.stdout}\n${r.stderr}`);
    return { outDir: join(dir, 'dist'), remove };
  } catch (error) {
    remove();
    throw error;
  }
};
