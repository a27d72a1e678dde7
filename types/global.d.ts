/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.jpg' {
  const src: string;
  export default src;
}
declare module '*.jpeg' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own: decides minification and dev-only code in the build. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The build target, inlined by Taro. */
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** The mini-program appid DevTools should use (Taro rewrites dist/project.config.json with it). */
    TARO_APP_ID?: string;
    /** H5: base URL of the HTTP backend, without a trailing slash; '' = same origin. */
    TARO_APP_API_BASE?: string;
    /** H5 production: the CloudBase environment the web build calls through @cloudbase/js-sdk (anonymous sign-in); unset = HTTP. */
    TARO_APP_CLOUDBASE_ENV?: string;
    /** H5 production: the CloudBase environment's region (e.g. ap-shanghai); unset = the SDK's default. */
    TARO_APP_CLOUDBASE_REGION?: string;
    /** Weapp: WeChat cloud environment id; '' = the environment selected in DevTools. */
    TARO_APP_CLOUD_ENV?: string;
    /** Weapp: subscribe-message template id(s) for "your inquiry was answered", comma-separated; '' = no offer. */
    TARO_APP_TEMPLATE_LEAD_REPLY?: string;
    /** Weapp: subscribe-message template id for "a new lead for you" (staff inbox); '' = no reminder action. */
    TARO_APP_TEMPLATE_LEAD_NEW?: string;
  }
}
