import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import { defineAsyncComponent } from "vue";
import SyscallExplorer from "./components/SyscallExplorer.vue";
import "./style.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("SyscallExplorer", SyscallExplorer);
    // Its own chunk: the decoder (wasm and tables) loads on the playground page only.
    app.component(
      "Playground",
      defineAsyncComponent(() => import("./components/Playground.vue")),
    );
  },
} satisfies Theme;
