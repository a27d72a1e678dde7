/** Stylesheets are irrelevant to behaviour tests: `import './index.css'` resolves here. */
export default {};
