// Drives Debian's Chromium through the Log tab of the Tidings page in Karaf's web console: a phone
// call logged with a follow-up through the form, seen in the contact's feed, the follow-up listed and
// completed, and both communications in the feed. CommunicationLogConsoleIT runs this script and then
// checks through the REST API what the pages stored. Prints one "ok: …" line per check and exits
// non-zero with "FAILED: …" at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const contact = need('TIDINGS_CONTACT'); // a contact id nothing was logged for yet
const owner = need('TIDINGS_OWNER'); // a user name no follow-up has yet
const category = need('TIDINGS_CATEGORY'); // a category key that exists
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots });
const { page } = browser;

async function open(path) {
  return openPage(page, base, path);
}

async function flash() {
  return (await page.locator('p[role="status"]').first().textContent()) ?? '';
}

async function shot(name) {
  await page.screenshot({ path: join(screenshots, name), fullPage: true });
}

let exitCode = 0;
try {
  // 1. a refused form names the field in words and keeps what was typed
  await open('/log?contactId=' + encodeURIComponent(contact));
  check((await page.content()).includes('Nothing sent, received or logged yet.'), 'the new contact has a feed');
  await page.getByRole('link', { name: 'Log a communication with this contact' }).click();
  check(await page.getByLabel('Contact id (the host\'s id)').inputValue() === contact, 'the form is not for the contact');
  await page.getByLabel('Medium', { exact: true }).selectOption('PHONE');
  await page.getByLabel('Direction', { exact: true }).selectOption('OUTBOUND');
  await page.getByLabel('Category', { exact: true }).selectOption(category);
  await page.getByLabel('Subject', { exact: true }).fill('Called about the late delivery');
  await page.getByLabel('Notes', { exact: true }).fill('Olena will be home after 17:00 <b>today</b>');
  await page.getByLabel('Occurred at', { exact: false }).fill('2026-12-07T14:30');
  await page.getByLabel('Contact name', { exact: true }).fill('Olena Kovalenko');
  await page.getByLabel('Contact phone', { exact: true }).fill('+380671234567');
  await page.getByLabel('Follow-up owner', { exact: false }).fill(owner);
  await page.getByLabel('Follow-up note', { exact: true }).fill('Call back after the delivery');
  await shot('log-form.png');
  await page.getByRole('button', { name: 'Log communication' }).click();
  const refusal = await page.locator('#error-followUpDue').textContent();
  check(refusal.includes('Follow-up due is required'), `the missing due time is not named: ${refusal}`);
  check(!(await flash()).includes('followUp.'), `the refusal shows a field path: ${await flash()}`);
  check(await page.getByLabel('Subject', { exact: true }).inputValue() === 'Called about the late delivery',
    'the form lost what was typed');
  ok('a refused log form names the follow-up due time in words and keeps what was typed');

  // 2. logged with its follow-up, then in the contact's feed
  await page.getByLabel('Follow-up due', { exact: false }).fill('2026-12-08T10:00');
  await page.getByRole('button', { name: 'Log communication' }).click();
  await page.waitForURL(/\/log\?contactId=/);
  check((await flash()).includes('Logged communication'), `not logged: ${await flash()}`);
  check(page.url().includes('/log?contactId='), `not the contact's feed: ${page.url()}`);
  const call = page.locator('table.tidings-feed tbody tr').first();
  const callText = await call.textContent();
  check(callText.includes('logged') && callText.includes('PHONE') && callText.includes('outbound')
    && callText.includes('COMPLETED') && callText.includes('Called about the late delivery'), `feed row: ${callText}`);
  check(/2026-12-07 14:30:00 \S+/.test(callText), `no local time with zone: ${callText}`);
  check((await page.content()).includes('&lt;b&gt;today&lt;/b&gt;'), 'the notes are not escaped');
  await shot('log-feed-call.png');
  ok('the phone call is in the contact\'s feed');

  await call.getByRole('link').first().click();
  await page.waitForURL(/\/log\/entry\?id=/);
  const followUpText = await page.locator('p.tidings-follow-up').textContent();
  check(followUpText.includes('Call back after the delivery') && followUpText.includes(owner),
    `the entry's follow-up: ${followUpText}`);
  await shot('log-entry.png');
  ok('the logged call\'s page shows its follow-up');

  // 3. the follow-up listed for its owner, then completed
  await open('/follow-ups');
  await page.getByLabel('Owner', { exact: true }).fill(owner);
  await page.getByRole('button', { name: 'Show follow-ups' }).click();
  await page.waitForURL(/\/follow-ups\?owner=/);
  const rows = page.locator('table.tidings-follow-ups tbody tr');
  check(await rows.count() === 1, `follow-ups of ${owner}: ${await rows.count()}`);
  check((await rows.first().textContent()).includes('Call back after the delivery'), 'not the follow-up');
  await shot('log-follow-ups.png');
  ok('the follow-up is listed for its owner');

  await rows.first().getByRole('link', { name: 'Complete follow-up' }).click();
  await page.waitForURL(/\/follow-up\/complete\?id=/);
  await page.getByLabel('Subject', { exact: true }).fill('Called back: delivered');
  await page.getByLabel('Occurred at', { exact: false }).fill('2026-12-08T09:45');
  await shot('log-complete-follow-up.png');
  await page.getByRole('button', { name: 'Complete follow-up' }).click();
  await page.waitForURL(/\/log\?contactId=/);
  check((await flash()).includes('Completed the follow-up'), `not completed: ${await flash()}`);
  const feed = page.locator('table.tidings-feed tbody tr');
  check(await feed.count() === 2, `the feed has ${await feed.count()} items`);
  check((await feed.nth(0).textContent()).includes('Called back: delivered'), 'the call back is not newest');
  check((await feed.nth(1).textContent()).includes('Called about the late delivery'), 'the call is gone');
  await shot('log-feed-both.png');
  ok('the follow-up is completed and both calls are in the feed');

  await open('/follow-ups?owner=' + encodeURIComponent(owner));
  check((await page.content()).includes('No open follow-up matches.'), 'the follow-up is still open');
  await open('/log/categories');
  check((await page.content()).includes(category), 'the category is not listed');
  await shot('log-categories.png');
  ok('no open follow-up is left');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'log-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
