export default definePageConfig({
  navigationBarTitleText: '招商工作台',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'light',
});
