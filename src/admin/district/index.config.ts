export default definePageConfig({ navigationBarTitleText: '区域介绍' });
