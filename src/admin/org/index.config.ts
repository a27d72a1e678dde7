export default definePageConfig({ navigationBarTitleText: '单位、小组与值班' });
