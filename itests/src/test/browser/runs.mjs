// Drives Debian's Chromium through the Runs tab of the Tidings page in Karaf's web console: the run
// list, one run's funnel with its reasons, the CSV export, and two runs side by side. RunsIT seeds
// the runs and runs this script. Prints one "ok: …" line per check and exits non-zero with
// "FAILED: …" at the first one that does not hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const run = need('TIDINGS_RUN'); // a run of 50 bills: 40 sent, 10 suppressed without consent
const runName = need('TIDINGS_RUN_NAME');
const other = need('TIDINGS_OTHER_RUN');
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots, acceptDownloads: true });
const { page } = browser;

async function open(path) {
  return openPage(page, base, path);
}

async function stage(name) {
  const cells = page.locator(`table.tidings-funnel tr[data-stage="${name}"] td`);
  return Number(await cells.first().textContent());
}

let exitCode = 0;
try {
  // 1. the run list, newest first, with the run a host sent
  await open('/runs');
  const row = page.locator(`table.tidings-runs tr[data-run="${run}"]`);
  check(await row.count() === 1, `the run list has no row for ${run}`);
  const rowText = await row.textContent();
  check(rowText.includes(runName), `the row lacks the run's name "${runName}": ${rowText}`);
  ok(`the run list shows ${run}`);

  // 2. its funnel: planned, sent and suppressed with the reason
  await row.locator('a').first().click();
  await page.waitForURL(`**/run?key=${run}`);
  const heading = await page.locator('h2').first().textContent();
  check(heading.includes(runName) && heading.includes('50 events'), `the heading is not the run's: ${heading}`);
  check(await stage('Planned') === 50, `planned is not 50 but ${await stage('Planned')}`);
  check(await stage('Sent') === 40, `sent is not 40 but ${await stage('Sent')}`);
  check(await stage('Suppressed') === 10, `suppressed is not 10 but ${await stage('Suppressed')}`);
  const opened = await stage('Opened');
  check(opened >= 1, `no open counted: ${opened}`);
  const reasons = await page.locator('table.tidings-reasons').textContent();
  check(reasons.includes('no consent') && reasons.includes('10'), `the reasons lack the 10 without consent: ${reasons}`);
  const languages = await page.locator('h3:text("By language") + table').textContent();
  check(languages.includes('uk'), `no Ukrainian row by language: ${languages}`);
  const buckets = page.locator('table.tidings-over-time tbody tr');
  check(await buckets.count() >= 1, 'the run page has no sends over time');
  const perBucket = await page.locator('table.tidings-over-time tbody tr td:first-of-type').allTextContents();
  const overTime = perBucket.map(Number).reduce((a, b) => a + b, 0);
  check(overTime === 40, `the sends over time add up to ${overTime}, not the 40 sent`);
  const overTimeHeading = await page.locator('h3:has-text("Over time")').textContent();
  check(/sends per (minute|\d+ minutes|hour|\d+ hours|day|\d+ days)/.test(overTimeHeading),
    `the over-time heading names no bucket: ${overTimeHeading}`);
  await page.screenshot({ path: join(screenshots, 'runs-funnel.png'), fullPage: true });
  ok('the funnel shows 50 planned, 40 sent, 10 suppressed with their reason, and the 40 sends over time');

  // 3. the CSV export downloads the run's communications
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  check(download.suggestedFilename() === `run-${run}.csv`, `the file is named ${download.suggestedFilename()}`);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  check(csv[0].startsWith('id,event,entity_type'), `the CSV has no header: ${csv[0]}`);
  check(csv.length === 51, `the CSV has ${csv.length - 1} rows, not 50`);
  check(!csv.join('\n').includes('@example.com.ua'), 'the CSV carries addresses');
  ok('the CSV export has the run\'s 50 communications and no addresses');

  // 4. two runs side by side
  await open('/runs');
  await page.locator('select[name="a"]').selectOption(run);
  await page.locator('select[name="b"]').selectOption(other);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForURL('**/runs/compare?**');
  const table = await page.locator('table.tidings-compare').textContent();
  check(table.includes(run) && table.includes(other) && table.includes('40 (80%)'),
    `the comparison lacks the runs or 40 (80%) sent: ${table}`);
  await page.screenshot({ path: join(screenshots, 'runs-compare.png'), fullPage: true });
  ok('two runs are compared side by side');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'runs-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
