import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*-test.ts"],
    // DuckDB and Chromium are real: give them time, never a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Two cores: run test files one after another so the browser and DuckDB do not fight.
    fileParallelism: false,
    // .ci/run sets CARNET_TEST_REPORT to get a JSON report beside the usual output (it counts passed/failed from it).
    reporters: process.env.CARNET_TEST_REPORT ? ["default", "json"] : ["default"],
    ...(process.env.CARNET_TEST_REPORT ? {outputFile: {json: process.env.CARNET_TEST_REPORT}} : {})
  }
});
