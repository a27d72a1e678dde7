export default definePageConfig({ navigationBarTitleText: '编辑载体' });
