export default definePageConfig({
  navigationBarTitleText: '留言咨询',
  backgroundTextStyle: 'light',
});
