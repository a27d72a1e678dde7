export default definePageConfig({ navigationBarTitleText: '载体' });
