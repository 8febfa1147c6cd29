/**
 * Debian's Chromium, as every browser user in Carnet launches it (page tests, PDF printing, benchmarks):
 * headless, with the networking side channels off, since on a closed network Chromium would otherwise flood
 * it with connections (../shared/framework-offline.md). Never a downloaded browser.
 */
export const CHROMIUM = process.env.CARNET_CHROMIUM ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions"
];
