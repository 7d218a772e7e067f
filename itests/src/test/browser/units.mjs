// Drives Debian's Chromium through the Units tab of the Tidings page in Karaf's web console: an
// administrator creates a unit below another with the labelled form, sees it in the tree, and
// deletes it only through the confirmation page; a user with the role tidings-unit-north then sees
// the rules of north and the units below, not those of south. UnitsConsoleIT seeds the tree and the
// rules and runs this script. Prints one "ok: …" line per check and exits non-zero with "FAILED: …"
// at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const fresh = need('TIDINGS_NEW_UNIT'); // a key no unit has yet
const shopRule = need('TIDINGS_SHOP_RULE'); // a rule of unit shop-n1 (below north)
const southRule = need('TIDINGS_SOUTH_RULE'); // a rule of unit south
const screenshots = need('TIDINGS_SCREENSHOTS');

let exitCode = 0;
let browser = await launch({ user: 'karaf', password: 'karaf', screenshots });
try {
  let { page } = browser;
  const open = async (path) => {
    const response = await page.goto(base + path);
    check(response.status() === 200, `GET ${path} answered ${response.status()}`);
  };
  const flash = async () => (await page.locator('p[role="status"]').first().textContent()) ?? '';

  // 1. an administrator creates a unit below north: it appears in the tree with its role
  await open('/units');
  await page.getByRole('link', { name: 'New unit' }).click();
  await page.getByLabel("Key (lower-case letters, digits and '-')").fill(fresh);
  await page.getByLabel('Name', { exact: true }).fill('Butik Ærø');
  await page.getByLabel('Parent (the unit above; empty for the top)').fill('north');
  await page.getByRole('button', { name: 'Create unit' }).click();
  check((await flash()).includes(`Created unit ${fresh}.`), `no confirmation: ${await flash()}`);
  const row = page.locator(`tr[data-unit="${fresh}"]`);
  const rowText = await row.textContent();
  check(rowText.includes('Butik Ærø') && rowText.includes('north') && rowText.includes(`tidings-unit-${fresh}`),
    `the row is not the unit: ${rowText}`);
  await page.screenshot({ path: join(screenshots, 'units-created.png'), fullPage: true });
  ok('a unit is created below its parent with the form and listed in the tree');

  // 2. deleting asks first, then removes it
  await row.getByRole('link', { name: 'Delete' }).click();
  check((await page.locator('h2').first().textContent()).includes(`Delete unit ${fresh}?`), 'no confirmation page');
  await page.getByRole('button', { name: 'Delete unit' }).click();
  check((await flash()).includes(`Deleted unit ${fresh}.`), `not deleted: ${await flash()}`);
  check(await page.locator(`tr[data-unit="${fresh}"]`).count() === 0, 'the unit is still listed');
  ok('a unit is deleted once the deletion is confirmed');
  await browser.close();

  // 3. a user limited to north sees north's subtree only
  browser = await launch({ user: 'north-editor', password: 'north-editor', screenshots });
  page = browser.page;
  await open('/rules');
  check(await page.locator(`tr[data-rule="${shopRule}"]`).count() === 1, 'the shop rule is not listed');
  check(await page.locator(`tr[data-rule="${southRule}"]`).count() === 0, 'the south rule is listed');
  check((await page.locator(`tr[data-rule="${shopRule}"] td.tidings-unit`).textContent()) === 'shop-n1',
    'the unit column does not show shop-n1');
  check(await page.locator('nav.tidings-tabs a', { hasText: /^Units$/ }).count() === 0, 'an editor sees the Units tab');
  await page.screenshot({ path: join(screenshots, 'units-north-editor-rules.png'), fullPage: true });
  ok('a user with tidings-unit-north sees only its subtree\'s rules');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await browser.page.screenshot({ path: join(screenshots, 'units-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
