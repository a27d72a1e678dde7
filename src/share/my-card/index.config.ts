export default definePageConfig({
  navigationBarTitleText: '编辑我的名片',
  backgroundColor: '#f4f5f7',
});
