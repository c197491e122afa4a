import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type DefaultTheme, defineConfig } from "vitepress";

const apiSidebarFile = fileURLToPath(new URL("../content/api/typedoc-sidebar.json", import.meta.url));
/** TypeDoc's sidebar for the API pages (scripts/generate.mjs writes it before the build). */
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? JSON.parse(readFileSync(apiSidebarFile, "utf8"))
  : [];

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: "Using tstrace",
    items: [
      { text: "Install", link: "/guide/install" },
      { text: "Your first trace", link: "/guide/first-trace" },
      { text: "Reading strace's output", link: "/guide/reading-output" },
      { text: "Filtering", link: "/guide/filtering" },
      { text: "Following processes and attaching", link: "/guide/processes" },
      { text: "Statistics (-c)", link: "/guide/statistics" },
      { text: "Timing", link: "/guide/timing" },
      { text: "Decoding options", link: "/guide/decoding" },
      { text: "Recordings", link: "/guide/recordings" },
      { text: "Stack traces (-k)", link: "/guide/stack-traces" },
      { text: "JSON output", link: "/guide/json" },
      { text: "FAQ", link: "/guide/faq" },
    ],
  },
  {
    text: "Building on tstrace",
    items: [
      { text: "Embedding the decoder", link: "/guide/embedding" },
      { text: "The library API", link: "/guide/library" },
      { text: "The record format", link: "/record-format" },
    ],
  },
  {
    text: "Reference",
    items: [
      { text: "CLI reference", link: "/reference/cli" },
      { text: "API reference", link: "/api/" },
      { text: "Syscall explorer", link: "/syscalls" },
      { text: "Playground", link: "/playground" },
    ],
  },
  {
    text: "Inside tstrace",
    items: [
      { text: "How it works", link: "/guide/design" },
      { text: "Performance", link: "/guide/performance" },
      { text: "Adding a syscall", link: "/guide/adding-a-syscall" },
    ],
  },
];

export default defineConfig({
  title: "tstrace",
  description: "strace, rebuilt in TypeScript: a Linux system-call tracer as a set of packages",
  srcDir: "content",
  outDir: "dist",
  cleanUrls: false,
  lastUpdated: false,
  head: [["link", { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }]],
  // Generated API pages link to each other in ways TypeDoc decides; the test of internal links
  // checks the built site instead.
  ignoreDeadLinks: false,
  themeConfig: {
    nav: [
      { text: "Guide", link: "/guide/install" },
      { text: "CLI", link: "/reference/cli" },
      { text: "API", link: "/api/" },
      { text: "Syscalls", link: "/syscalls" },
      { text: "Playground", link: "/playground" },
    ],
    sidebar: {
      "/guide/": guide,
      "/reference/": guide,
      "/api/": [{ text: "API reference", link: "/api/", items: apiSidebar }],
    },
    search: { provider: "local" },
    outline: [2, 3],
  },
  vite: {
    // The local search index holds every page, the syscall explorer's 479 entries included: it
    // loads when the search box opens, not with the pages.
    build: { chunkSizeWarningLimit: 1000 },
    // The playground imports the CLI's -c counter and table straight from its sources (pure
    // modules: no Node built-ins), so the browser and the CLI share one implementation.
    resolve: {
      alias: {
        "@cli-stats": fileURLToPath(new URL("../../../packages/cli/src/stats", import.meta.url)),
      },
    },
  },
});
