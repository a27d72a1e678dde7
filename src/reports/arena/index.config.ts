export default definePageConfig({
  navigationBarTitleText: '擂台赛',
});
