// Unused files, exports and dependencies (npm run lint). Entry points: the pages (their ```js blocks import
// components and lib), the data loaders, the CLI, the scripts, the bench and the tests.
const codeBlocks = /```(?:js|javascript)[^\n]*\n([\s\S]*?)```/g;

export default {
  entry: [
    "src/**/*.md",
    "src/**/*.{json,csv,arrow,parquet}.ts",
    // The CLI loads its verbs by name (loaders/cli/carnet.ts).
    "loaders/cli/verbs/*.ts",
    "scripts/**/*.ts",
    "bench/*.ts",
    "tests/**/*-test.ts",
    "tests/e2e/fixture/**/*.ts",
    "observablehq.config.ts",
    "loaders/drift/calibrate-cusum.ts"
  ],
  project: ["src/**/*.{ts,md}", "loaders/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "tests/**/*.ts"],
  // Libraries the pages get from Framework's vendored npm cache (scripts/vendor-npm.ts), not from an import here.
  // "npm" is not a package: pages import `npm:` specifiers.
  ignoreDependencies: ["@duckdb/duckdb-wasm", "@observablehq/inputs", "npm"],
  // Debian's programs, not npm packages: ss (the cluster script), Rscript (R loaders), systemd-analyze (the README's
  // units, tests/run/schedule-test.ts), installed by .ci/run when missing.
  ignoreBinaries: ["ss", "Rscript", "systemd-analyze"],
  // Pages are Markdown: what knip needs of them is the JavaScript of their code blocks (Framework's `import`s).
  compilers: {
    md: (text: string) => [...text.matchAll(codeBlocks)].map((match) => match[1]).join("\n")
  },
  ignoreExportsUsedInFile: true,
  includeEntryExports: false
};
