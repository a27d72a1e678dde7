export default defineAppConfig({
  pages: ['pages/card/index'],
  window: {
    navigationBarTitleText: '招商名片',
    navigationBarBackgroundColor: '#8e1a1f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    backgroundColorTop: '#8e1a1f',
    backgroundColorBottom: '#f4f5f7',
    backgroundTextStyle: 'light',
  },
  lazyCodeLoading: 'requiredComponents',
});
