/** H5: the styles Taro's Stencil elements brought, for the plain View/Text/Image (imported first by app.tsx). */
import './h5-components.css';
