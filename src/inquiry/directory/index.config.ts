export default definePageConfig({
  navigationBarTitleText: '招商专员',
  // Taro needs the flags, not only the hooks: without them the menu says the page cannot be shared.
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
