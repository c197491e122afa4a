import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import Playground from "./components/Playground.vue";
import SyscallExplorer from "./components/SyscallExplorer.vue";
import "./style.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("SyscallExplorer", SyscallExplorer);
    app.component("Playground", Playground);
  },
} satisfies Theme;
