export default definePageConfig({
  navigationBarTitleText: '招商名片',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
});
