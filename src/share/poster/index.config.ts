export default definePageConfig({
  navigationBarTitleText: '名片海报',
  backgroundColor: '#f4f5f7',
});
