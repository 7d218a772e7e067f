// Drives Debian's Chromium through the Webhooks tab of the Tidings page in Karaf's web console:
// registering a webhook with the labelled form, its secret never shown, a FAILED delivery redriven,
// and deletion only once confirmed. WebhooksIT seeds a webhook whose endpoint is not there (its
// deliveries FAILED) and runs this script. Prints one "ok: …" line per check and exits non-zero with
// "FAILED: …" at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const failing = need('TIDINGS_FAILING_WEBHOOK'); // a webhook with at least one FAILED delivery
const fresh = need('TIDINGS_NEW_WEBHOOK'); // a key no webhook has yet
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots });
const { page } = browser;
const secret = 'console-secret-Ærø-секрет';

async function open(path) {
  return openPage(page, base, path);
}

async function flash() {
  return (await page.locator('p[role="status"]').first().textContent()) ?? '';
}

let exitCode = 0;
try {
  // 1. register a webhook with the labelled form; the answer shows the secret only as set
  await open('/webhooks');
  await page.getByLabel('Key', { exact: true }).fill(fresh);
  await page.getByLabel('URL', { exact: true }).fill('https://crm.example.com/tidings');
  await page.getByLabel('Secret', { exact: true }).fill(secret);
  await page.getByLabel('sms.reply', { exact: true }).check();
  await page.getByLabel('link.response', { exact: true }).check();
  await page.getByRole('button', { name: 'Register the webhook' }).click();
  check((await flash()).includes(`Saved the webhook ${fresh}`), `no confirmation: ${await flash()}`);
  const row = page.locator('tr', { has: page.locator(`a:text-is("${fresh}")`) });
  const rowText = await row.textContent();
  check(rowText.includes('link.response, sms.reply') && rowText.includes('set'), `the row is not the webhook: ${rowText}`);
  check(!(await page.content()).includes(secret), 'the page shows the secret');
  await page.screenshot({ path: join(screenshots, 'webhooks-registered.png'), fullPage: true });
  ok('a webhook is registered with the form and its secret is not shown');

  // 2. a FAILED delivery of another webhook, redriven
  await open('/webhooks?key=' + encodeURIComponent(failing) + '&status=FAILED');
  const failed = page.locator('tr', { has: page.getByRole('button', { name: 'Redrive' }) }).first();
  check(await failed.count() === 1, 'no FAILED delivery with a Redrive button');
  const delivery = (await failed.locator('td').first().textContent()).trim();
  await failed.getByRole('button', { name: 'Redrive' }).click();
  check((await flash()).includes(`Delivery ${delivery} is queued again`), `no redrive confirmation: ${await flash()}`);
  await page.screenshot({ path: join(screenshots, 'webhooks-redriven.png'), fullPage: true });
  ok(`the FAILED delivery ${delivery} is redriven`);

  // 3. deleting needs the confirmation box
  await open('/webhooks');
  const form = page.locator('form', { has: page.locator(`input[name="key"][value="${fresh}"]`) })
    .filter({ has: page.getByRole('button', { name: 'Delete' }) });
  await form.getByRole('button', { name: 'Delete' }).click();
  check((await flash()).includes('Not deleted'), `deleted without confirmation: ${await flash()}`);
  const again = page.locator('form', { has: page.locator(`input[name="key"][value="${fresh}"]`) })
    .filter({ has: page.getByRole('button', { name: 'Delete' }) });
  await again.getByLabel(`Delete ${fresh} and its deliveries`).check();
  await again.getByRole('button', { name: 'Delete' }).click();
  check((await flash()).includes(`Deleted the webhook ${fresh}`), `not deleted: ${await flash()}`);
  check(await page.locator(`a:text-is("${fresh}")`).count() === 0, 'the webhook is still listed');
  ok('a webhook is deleted once the deletion is confirmed');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'webhooks-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
