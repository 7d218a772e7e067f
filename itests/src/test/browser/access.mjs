// Drives Debian's Chromium through Karaf's web console as the demo viewer, the demo editor and the
// administrator: what each sees on the Tidings page (tabs, edit forms, action buttons) and whether
// Karaf's own pages open. ConsoleAccessIT seeds a template and a scheduled message and runs this
// script. Prints one "ok: …" line per check and exits non-zero with "FAILED: …" at the first one
// that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch } from './chromium.mjs';

const console_ = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console
const template = need('TIDINGS_TEMPLATE');
const scheduled = need('TIDINGS_SCHEDULED');
const screenshots = need('TIDINGS_SCREENSHOTS');

const tidings = `${console_}/tidings`;

async function as(user, password, checks) {
  const browser = await launch({ user, password, screenshots });
  try {
    await checks(browser.page);
  } finally {
    await browser.close();
  }
}

async function open(page, path) {
  const response = await page.goto(tidings + path);
  check(response.status() === 200, `GET ${path} answered ${response.status()}`);
}

async function tabs(page) {
  return (await page.locator('nav.tidings-tabs a').allTextContents()).map((t) => t.trim());
}

/** What the page shows of editing and acting, and which tabs. */
async function looks(page, user) {
  await open(page, '');
  const shown = await tabs(page);
  await page.screenshot({ path: join(screenshots, `access-${user}-overview.png`), fullPage: true });
  await open(page, '/templates');
  const createForm = await page.locator('form.tidings-create').count();
  await open(page, `/template?key=${encodeURIComponent(template)}`);
  const editLink = await page.locator('a.tidings-button', { hasText: 'Edit' }).count();
  await open(page, `/communication?id=${encodeURIComponent(scheduled)}`);
  const cancel = await page.getByRole('button', { name: 'Cancel message' }).count();
  const posts = await page.locator('form[method="post"]').count();
  await page.screenshot({ path: join(screenshots, `access-${user}-communication.png`), fullPage: true });
  return { shown, createForm, editLink, cancel, posts };
}

async function karafPage(page, user, expected) {
  const response = await page.goto(`${console_}/bundles`);
  check(response.status() === expected, `${user}: /system/console/bundles answered ${response.status()}, not ${expected}`);
  if (expected === 403) {
    const text = await page.locator('body').textContent();
    check(text.includes('needs Karaf\'s role admin'), `${user}: the 403 does not say what is needed: ${text}`);
  }
  await page.screenshot({ path: join(screenshots, `access-${user}-bundles.png`), fullPage: true });
  ok(expected === 403 ? `${user} gets 403 on /system/console/bundles` : `${user} opens /system/console/bundles`);
}

let exitCode = 0;
try {
  await as('viewer', 'viewer', async (page) => {
    const seen = await looks(page, 'viewer');
    check(seen.shown.includes('Templates') && seen.shown.includes('Communications'), `viewer's tabs: ${seen.shown}`);
    for (const tab of ['Send', 'Consent', 'Access', 'Devbox']) {
      check(!seen.shown.includes(tab), `viewer sees the ${tab} tab: ${seen.shown}`);
    }
    check(seen.createForm === 0, 'viewer sees the New template form');
    check(seen.editLink === 0, 'viewer sees the template\'s Edit button');
    check(seen.cancel === 0 && seen.posts === 0, `viewer sees ${seen.posts} forms on a scheduled message`);
    const body = await page.locator('body').textContent();
    check(body.includes('Hidden: message bodies'), 'viewer sees the message body');
    const editor = await page.goto(`${tidings}/template/edit?key=${encodeURIComponent(template)}`);
    check(editor.status() === 200 && await page.locator('form.tidings-editor').count() === 0,
      'viewer opens the template editor');
    const refused = [];
    page.on('response', (r) => { if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`); });
    await open(page, '/rules');
    check(refused.length === 0, `the page's own stylesheets, scripts or images were refused: ${refused}`);
    ok('viewer sees the Tidings page without edit forms or action buttons');
    await karafPage(page, 'viewer', 403);
  });

  await as('editor', 'editor', async (page) => {
    const seen = await looks(page, 'editor');
    check(!seen.shown.includes('Access') && !seen.shown.includes('Consent'), `editor's tabs: ${seen.shown}`);
    check(seen.createForm === 1, 'editor does not see the New template form');
    check(seen.editLink === 1, 'editor does not see the template\'s Edit button');
    check(seen.cancel === 0, 'editor sees Cancel message');
    await open(page, `/template/edit?key=${encodeURIComponent(template)}`);
    check(await page.locator('form.tidings-editor textarea').count() > 0, 'editor gets no template editor');
    await page.screenshot({ path: join(screenshots, 'access-editor-template-editor.png'), fullPage: true });
    ok('editor sees the template forms but no message actions');
    await karafPage(page, 'editor', 403);
  });

  await as('karaf', 'karaf', async (page) => {
    const seen = await looks(page, 'karaf');
    for (const tab of ['Send', 'Devbox', 'Consent', 'Access', 'Templates', 'Rules']) {
      check(seen.shown.includes(tab), `karaf lacks the ${tab} tab: ${seen.shown}`);
    }
    check(seen.createForm === 1 && seen.editLink === 1, 'karaf lacks the template forms');
    check(seen.cancel === 1, 'karaf lacks Cancel message on a scheduled message');
    ok('karaf sees every tab, the template forms and the message actions');
    await karafPage(page, 'karaf', 200);
  });
} catch (e) {
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  exitCode = 1;
}
process.exit(exitCode);
