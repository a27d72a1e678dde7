export default definePageConfig({
  navigationBarTitleText: '载体详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
});
