export default definePageConfig({
  navigationBarTitleText: '载体查询',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 240,
});
