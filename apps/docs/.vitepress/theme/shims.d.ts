// .vue files are checked by Vite's compiler when the site builds; tsc sees them as components.
declare module "*.vue" {
  import type { DefineComponent } from "vue";

  const component: DefineComponent;
  export default component;
}
