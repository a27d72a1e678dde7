export default definePageConfig({ navigationBarTitleText: '核实空置面积' });
