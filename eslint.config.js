// ESLint over the whole tree (npm run lint, part of npm test). Besides the usual checks it keeps the dependency graph
// pointing one way: pages -> components -> lib; loaders -> lib; cli -> loaders (README, "Project layout").
import {readdirSync} from "node:fs";
import js from "@eslint/js";
import {createTypeScriptImportResolver} from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** A zone: files under `target` may not import anything under `from`. */
const zone = (target, from, message) => ({target, from, message});

/** Everything under loaders/ but the command line itself. */
const library = readdirSync("loaders", {withFileTypes: true})
  .filter((entry) => entry.name !== "cli")
  .map((entry) => `./loaders/${entry.name}${entry.isDirectory() ? "/**" : ""}`);

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "**/.observablehq/",
      "bench/out/",
      "published/",
      "data/extracts/",
      "test-results/",
      ".tmp/",
      ".clickhouse/",
      ".carnet-cache/",
      ".venv/"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: {"import-x": importX},
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({project: "tsconfig.json"})]
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", {fixStyle: "inline-type-imports"}],
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}],
      "import-x/order": [
        "error",
        {groups: ["builtin", "external", ["parent", "sibling", "index"]], alphabetize: {order: "asc"}}
      ],
      "import-x/no-cycle": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            zone(library, "./loaders/cli", "the library does not depend on the command line: move it into loaders/"),
            zone("./loaders", "./scripts", "loaders/ does not import build scripts"),
            zone(
              "./loaders",
              "./src/components",
              "loaders/ does not import view components: shared code lives in src/lib"
            ),
            zone("./src/lib", "./src/components", "src/lib is below the components"),
            zone("./src/lib", "./loaders", "src/lib is browser-safe and below the loaders"),
            zone("./src/lib", "./scripts", "src/lib is browser-safe"),
            zone("./src/components", "./loaders", "components take data in; shared code lives in src/lib"),
            zone("./src/components", "./scripts", "components are browser code")
          ]
        }
      ]
    }
  },
  {
    // Browser code: no Node built-ins.
    files: ["src/lib/**/*.ts", "src/components/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {patterns: [{group: ["node:*"], message: "browser code: no Node built-ins"}]}]
    }
  },
  {
    // Published coefficients (Lanczos, Acklam) are kept with the digits they were printed with.
    files: ["src/lib/drift/gamma.ts"],
    rules: {"no-loss-of-precision": "off"}
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", URL: "readonly"}
    },
    rules: {"@typescript-eslint/no-require-imports": "off"}
  }
);
