#!/usr/bin/env node
// Screenshots of a report for docs/report.md: node scripts/screenshot-report.js REPORT.html OUT_DIR
// Uses the browser logi finds for `logi render` (see src/render/browser.ts); run `npm run build` first.
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findBrowser } from '../dist/render/browser.js';

const [report, outDir] = process.argv.slice(2);
if (!report || !outDir) {
  process.stderr.write('usage: node scripts/screenshot-report.js REPORT.html OUT_DIR\n');
  process.exit(2);
}
const browser = await puppeteer.launch({ executablePath: findBrowser().executablePath, headless: true, args: chromiumArgs() });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  await page.goto(`file://${path.resolve(report)}`, { waitUntil: 'load' });
  await page.screenshot({ path: path.join(outDir, 'report-top.png') });
  for (const [selector, name] of [
    ['#ensemble-strates', 'report-strata.png'],
    ['#ensemble-etp', 'report-fte.png'],
    ['#comparaison', 'report-territories.png'],
    ['#logigramme-dt2-s1-risque', 'report-overlay.png'],
  ]) {
    const element = await page.$(selector);
    if (!element) throw new Error(`${selector}: not in the report`);
    await element.screenshot({ path: path.join(outDir, name) });
  }
} finally {
  await browser.close();
}
