import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*-test.ts"],
    // DuckDB and Chromium are real: give them time, never a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Two cores: run test files one after another so the browser and DuckDB do not fight.
    fileParallelism: false
  }
});
