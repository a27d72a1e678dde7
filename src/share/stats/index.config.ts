export default definePageConfig({
  navigationBarTitleText: '我的名片数据',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
});
