export default definePageConfig({
  navigationBarTitleText: '招商热力图',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
});
