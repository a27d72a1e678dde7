export default definePageConfig({ navigationBarTitleText: '导入人员' });
