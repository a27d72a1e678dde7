/** Weapp: WeChat's own components need no styles from the app. */
export {};
