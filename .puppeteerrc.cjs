// Puppeteer must not download a browser at install time: the machines reach no browser host.
// logi finds Chromium itself (src/render/browser.ts).
module.exports = { skipDownload: true };
