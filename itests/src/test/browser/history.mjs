// Drives Debian's Chromium through a template's version history on the Tidings page: two edits of a
// template, the diff of its first version against the current one, a confirmed roll back to it, and
// a delete refused because a rule uses the template. TemplateHistoryIT seeds the template (version 1)
// and a rule using it, and runs this script. Prints one "ok: …" line per check and exits non-zero
// with "FAILED: …" at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage, fillEditor, editorValue } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const template = need('TIDINGS_TEMPLATE'); // an SMS template in Danish at version 1
const rule = need('TIDINGS_RULE'); // a rule sending it
const screenshots = need('TIDINGS_SCREENSHOTS');

const first = 'Hej #contact_information.name, din cykel er klar til afhentning.';
const second = 'Hej #contact_information.name, din cykel er færdig.';
const third = 'Hej #contact_information.name, din cykel er færdig – velkommen på Østerbro.';

const browser = await launch({ user, password, screenshots });
const { page } = browser;

async function open(path) {
  return openPage(page, base, path);
}

async function shot(name) {
  await page.screenshot({ path: join(screenshots, `history-${name}.png`), fullPage: true });
}

async function edit(text) {
  await open(`/template/edit?key=${encodeURIComponent(template)}`);
  await fillEditor(page, 'contents.da.text', text);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.waitForLoadState();
  const done = await page.locator('p.tidings-done').textContent();
  check(done.includes(`Saved ${template}`), `the edit was not saved: ${done}`);
}

let exitCode = 0;
try {
  // 1. two edits: versions 2 and 3
  await edit(second);
  await edit(third);
  ok('the template is edited twice');

  // 2. the history and the diff of version 1 against the current version 3
  await open(`/template?key=${encodeURIComponent(template)}`);
  await page.getByRole('link', { name: 'Version history' }).click();
  await page.waitForURL('**/template/history?**');
  check(await page.locator('table.tidings-versions tr[data-version]').count() === 3, 'the history lists no 3 versions');
  const by = await page.locator('table.tidings-versions tr[data-version="3"] td.tidings-saved-by').textContent();
  const at = await page.locator('table.tidings-versions tr[data-version="3"] td.tidings-saved-at').textContent();
  check(by === user, `version 3 is not shown saved by ${user}: ${by}`);
  check(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /.test(at), `version 3 shows no time of saving: ${at}`);
  ok(`the history shows who saved each version and when (${by}, ${at})`);
  await page.locator('table.tidings-versions tr[data-version="1"]')
    .getByRole('link', { name: 'Compare with the current version' }).click();
  await page.waitForURL('**version=1**');
  const removed = await page.locator('pre.tidings-diff del.tidings-removed').allTextContents();
  const added = await page.locator('pre.tidings-diff ins.tidings-added').allTextContents();
  check(removed.some((line) => line.includes(first)), `version 1's line is not marked removed: ${removed}`);
  check(added.some((line) => line.includes(third)), `the current line is not marked added: ${added}`);
  await shot('diff');
  ok('the diff marks version 1\'s line removed and the current line added');

  // 3. a confirmed roll back to version 1: saved as version 4
  await page.getByRole('link', { name: 'Roll back to this version' }).click();
  await page.waitForURL('**/template/rollback?**');
  await shot('rollback-confirm');
  await page.getByRole('button', { name: 'Roll back to version 1' }).click();
  await page.waitForLoadState();
  const rolled = await page.locator('p.tidings-done').textContent();
  check(rolled.includes('back to version 1: saved as version 4'), `the roll back was not confirmed: ${rolled}`);
  const current = await page.locator('div.tidings').textContent();
  check(current.includes(first) && !current.includes(third), 'the current text is not version 1\'s');
  await shot('rolled-back');
  ok('rolled back: version 1\'s text is current as version 4');

  // 4. deleting the template while a rule uses it is refused, naming the rule
  await page.getByRole('link', { name: 'Delete template' }).click();
  await page.waitForURL('**/template/delete?**');
  const refusal = await page.locator('p.tidings-error').textContent();
  check(refusal.includes(`is used by rules: ${rule}`), `the refusal does not name the rule: ${refusal}`);
  check(await page.getByRole('button', { name: 'Delete template' }).count() === 0, 'a delete button is offered');
  await shot('delete-refused');
  ok(`deleting ${template} is refused while ${rule} uses it`);
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'history-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
