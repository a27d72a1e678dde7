export default definePageConfig({
  navigationBarTitleText: '招商专员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
