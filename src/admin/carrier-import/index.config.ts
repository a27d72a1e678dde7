export default definePageConfig({ navigationBarTitleText: '导入载体' });
