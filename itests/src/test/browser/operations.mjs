// Drives Debian's Chromium through an administrator's operations on the Tidings page of Karaf's web
// console: the template editor (SMS counter, # autocomplete, blank-value warning), cancelling a
// scheduled message, retrying a failed one, the queue, a test message from the Channels tab into the
// devbox, pausing and resuming all sending, draining a channel, the tag catalogue, and adding to and
// removing from the suppression list; a screenshot of every page. ConsoleOperationsIT seeds the data and
// runs this script. Prints one "ok: …" line per check and exits non-zero with "FAILED: …" at the
// first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage, codeEditor, fillEditor, editorValue } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const template = need('TIDINGS_TEMPLATE'); // an SMS template in Danish
const scheduled = need('TIDINGS_SCHEDULED'); // a communication due in ten years
const failed = need('TIDINGS_FAILED'); // a communication whose rendering failed
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots });
const { page } = browser;
page.on('dialog', (dialog) => dialog.accept());

async function open(path) {
  return openPage(page, base, path);
}

async function shoot(name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

async function flash() {
  return (await page.locator('p[role="status"]').first().textContent()).trim();
}

let exitCode = 0;
try {
  // 1. the template editor, a CodeMirror editor: the SMS counter follows the text as it is typed
  await open(`/template/edit?key=${template}`);
  const field = 'contents.da.text';
  const editor = await codeEditor(page, field);
  const counter = page.locator('p.tidings-sms-counter');
  await fillEditor(page, field, 'Hej Søren, din ordre er klar');
  check(await counter.textContent() === 'As typed: GSM-7, 28 characters, 1 part', `counter: ${await counter.textContent()}`);
  // an extension character (€ [ ] ~) counts twice, as the engine counts it
  await fillEditor(page, field, 'Pris: 100 € [inkl. moms] ~ Ærø');
  check(await counter.textContent() === 'As typed: GSM-7, 34 characters, 1 part', `counter: ${await counter.textContent()}`);
  await page.waitForFunction(() => document.querySelector('p.tidings-sms-rendered')?.textContent
    === 'Rendered SMS: GSM-7, 34 characters, 1 part', null, { timeout: 15000 })
    .catch(async () => {
      throw new Failure(`the engine counts the extension characters otherwise: ${await page.locator(
        'p.tidings-sms-rendered').textContent().catch(() => 'none')}`);
    });
  await fillEditor(page, field, 'Привіт, ваше замовлення готове до видачі у Сервісі на Хрещатику, чекаємо на вас');
  const typed = await counter.textContent();
  check(typed === 'As typed: UCS-2, 79 characters, 2 parts', `counter after Ukrainian text: ${typed}`);
  ok('the SMS counter follows the text typed into the code editor: GSM-7, then UCS-2');
  const rendered = page.locator('p.tidings-sms-rendered');
  await page.waitForFunction(() => document.querySelector('p.tidings-sms-rendered')?.textContent
    === 'Rendered SMS: UCS-2, 79 characters, 2 parts', null, { timeout: 15000 })
    .catch(async () => {
      throw new Failure(`the engine's count differs: ${await rendered.textContent().catch(() => 'none')}`);
    });
  ok('the counter as typed matches the engine\'s count of the rendered text');

  // 2. an error is shown at its line and column while typing (under the field and in the editor's
  // gutter at line 2), the directive highlighted; it goes when mended
  await fillEditor(page, field, 'Hej\n#if( #order.number');
  const problem = page.locator('p.tidings-live-problem');
  await problem.first().waitFor({ state: 'visible', timeout: 15000 });
  const said = await problem.first().textContent();
  check(/contents\.da\.text \(line 2, column \d+\)/.test(said), `no line and column in: ${said}`);
  const marker = page.locator(`div.tidings-code[data-field="${field}"] .cm-lint-marker-error`);
  await marker.first().waitFor({ state: 'visible', timeout: 5000 });
  const markedLine = await page.locator(`div.tidings-code[data-field="${field}"] .cm-lineNumbers .cm-gutterElement`)
    .filter({ hasText: /^2$/ }).boundingBox();
  const markerBox = await marker.first().boundingBox();
  check(markedLine && Math.abs(markerBox.y - markedLine.y) < markedLine.height,
    'the error marker is not on line 2 of the editor');
  check(await editor.locator('.tok-keyword').first().textContent() === '#if', 'the #if directive is not highlighted');
  check(await editor.locator('.tok-propertyName').first().textContent() === '#order.number', 'the tag is not highlighted');
  await shoot('template-editor-problem');
  await fillEditor(page, field, 'Привіт, ваше замовлення готове до видачі у Сервісі на Хрещатику, чекаємо на вас');
  await problem.first().waitFor({ state: 'detached', timeout: 15000 });
  check(await marker.count() === 0, 'the error marker stays after mending');
  ok(`a syntax error is shown while typing (${said.trim()}, marked at line 2 of the editor) and goes when mended`);

  // 3. # autocomplete: #con → contact_information (a click), then . → name (the keyboard), with types
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' #con');
  const option = (label) => page.locator('.cm-tooltip-autocomplete li')
    .filter({ has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) });
  await option('contact_information').waitFor({ state: 'visible', timeout: 15000 });
  const entityDetail = await option('contact_information').locator('.cm-completionDetail')
    .textContent({ timeout: 5000 }).catch(async (e) => {
      await shoot('template-editor-completion-failed');
      throw new Failure(`the completion of #con: ${e.message}; list: ${await page.locator('.cm-tooltip-autocomplete')
        .textContent({ timeout: 1000 }).catch(() => 'closed')}`);
    });
  check(entityDetail === 'entity', `the entity is not described as one: ${entityDetail}`);
  await option('contact_information').click();
  check((await editorValue(page, field)).endsWith('#contact_information'), `after picking: ${await editorValue(page, field)}`);
  await page.keyboard.type('.');
  await option('name').waitFor({ state: 'visible', timeout: 15000 });
  const type = await option('name').locator('.cm-completionDetail').textContent({ timeout: 5000 });
  check(/^(TEXT|NUMBER|MONEY|DATE|DATE_TIME|BOOLEAN|LIST)$/.test(type), `the field's type is not shown: ${type}`);
  const selected = page.locator('.cm-tooltip-autocomplete li[aria-selected="true"] .cm-completionLabel');
  for (let i = 0; i < 50 && await selected.textContent({ timeout: 5000 }) !== 'name'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  const info = page.locator('.cm-tooltip-autocomplete .cm-completionInfo');
  await info.waitFor({ state: 'visible', timeout: 5000 });
  check((await info.textContent()).trim().length > 0, 'the field has no description in the completion');
  await shoot('template-editor-autocomplete');
  await page.keyboard.press('Enter');
  check((await editorValue(page, field)).endsWith(' #contact_information.name'),
    `after the field: ${await editorValue(page, field)}`);
  check(await editor.locator('.tok-propertyName').last().textContent() === '#contact_information.name',
    'the picked tag is not highlighted');
  ok(`#con offers contact_information, then . offers name (${type}) with its description; picked by click and Enter`);

  // 4. sample data (the event's data as JSON) without the contact's name: the preview warns of the blank
  await page.locator('#tidings-sample').fill('{"order": {"number": 1001}}');
  const blanks = page.locator('p.tidings-blanks');
  await blanks.waitFor({ state: 'visible', timeout: 15000 });
  check((await blanks.textContent()).includes('#contact_information.name'), `the warning: ${await blanks.textContent()}`);
  await shoot('template-editor');
  ok('the preview warns of #contact_information.name rendering blank');

  // 5. cancel a scheduled message
  await open(`/communication?id=${scheduled}`);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Cancel message' }).click()]);
  check((await flash()).includes('cancelled'), `after cancelling: ${await flash()}`);
  check((await page.locator('table.tidings-record').textContent()).includes('CANCELLED'), 'the record is not CANCELLED');
  check(await page.getByRole('button', { name: 'Cancel message' }).count() === 0, 'a cancelled message offers cancel');
  await shoot('communication');
  ok('the scheduled message is cancelled');

  // 6. retry a failed one
  await open(`/communication?id=${failed}`);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Retry', exact: true }).click()]);
  check((await flash()).includes('is due now'), `after retrying: ${await flash()}`);
  ok('the failed message is retried');

  // 7. the list and the queue
  await open('/communications?limit=20');
  check(await page.locator('table.tidings-communications tbody tr').count() >= 2, 'the list is empty');
  await shoot('communications');
  await open('/queue');
  const queue = await page.locator('table.tidings-queue').textContent();
  check(queue.includes('All channels') && queue.includes('FAILED'), `the queue: ${queue}`);
  await shoot('queue');
  ok('the queue shows waiting messages by channel');

  // 8. a test message from the Channels tab into the devbox
  await open('/channels');
  await page.locator('form.tidings-test select[name="name"]').selectOption('devbox');
  await page.locator('form.tidings-test input[name="address"]').fill('soren@example.dk');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send test message' }).click()]);
  check((await flash()).startsWith('Test message sent through devbox'), `after the test: ${await flash()}`);
  await shoot('channels');
  await open('/devbox');
  check((await page.locator('body').textContent()).includes('Tidings test message'), 'the devbox lacks the test message');
  ok('a test message went through the devbox channel');

  // 9. pause all sending, see it shown paused, resume
  await open('/channels');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Pause all sending' }).click()]);
  check((await flash()).startsWith('All sending is paused'), `after pausing: ${await flash()}`);
  const dispatch = page.locator('p.tidings-dispatch');
  check((await dispatch.textContent()).startsWith('All sending is paused by an operator'), `shown: ${await dispatch.textContent()}`);
  await shoot('channels-paused');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Resume all sending' }).click()]);
  check((await dispatch.textContent()) === 'Sending runs.', `after resuming: ${await dispatch.textContent()}`);
  ok('all sending is paused, shown paused, and resumed');

  // 10. drain the devbox channel: DRAINING while it has messages in flight, then DRAINED; resume ends it
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Drain devbox' }).click()]);
  check(/^Channel devbox is DRAIN(ING|ED)/.test(await flash()), `after draining: ${await flash()}`);
  const devboxRow = page.locator('table.tidings-channels tr', { has: page.locator('th', { hasText: /^devbox$/ }) });
  let state = '';
  for (let i = 0; i < 30 && !state.includes('DRAINED'); i++) {
    await open('/channels');
    state = await devboxRow.textContent();
    if (!state.includes('DRAINED')) await page.waitForTimeout(500);
  }
  check(state.includes('DRAINED: nothing in flight, it can be removed'), `the devbox row: ${state}`);
  await shoot('channels-drained');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Resume devbox' }).click()]);
  check((await flash()).includes('devbox is sending again'), `after resuming the devbox: ${await flash()}`);
  ok('the devbox channel is drained, shown DRAINED, and resumed');

  // 11. the tag catalogue, filtered as you type
  await open('/tags');
  await page.locator('#tidings-tag-filter').fill('contact_information.name');
  const visible = page.locator('table.tidings-tags tbody tr:not([hidden])');
  check(await visible.count() >= 1, 'the filter hides every tag');
  check((await visible.first().textContent()).includes('#contact_information.name'), 'the filter shows another tag');
  check(await page.locator('table.tidings-tags tbody tr[hidden]').count() > 10, 'the filter hides nothing');
  await page.locator('#tidings-tag-filter').fill('');
  await shoot('tags');
  ok('the tag catalogue filters as you type');

  // 12. the suppression list: add an address, look it up, remove it once confirmed
  const address = `marie-${Date.now()}@example.fr`;
  await open('/suppressions');
  await page.locator('form.tidings-create input[name="address"]').fill(address);
  await page.locator('form.tidings-create input[name="reason"]').fill('demande par téléphone');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add to suppression list' }).click()]);
  check((await flash()).startsWith(`${address} is on the suppression list`), `after adding: ${await flash()}`);
  const row = page.locator(`tr[data-address="${address}"]`);
  check((await row.textContent()).includes('demande par téléphone'), `the row: ${await row.textContent()}`);
  await shoot('suppressions');
  await Promise.all([page.waitForNavigation(), row.getByRole('button', { name: 'Remove' }).click()]);
  check((await flash()).startsWith('Not removed: confirm'), `removed unconfirmed: ${await flash()}`);
  await row.locator('input[name="confirm"]').check();
  await Promise.all([page.waitForNavigation(), row.getByRole('button', { name: 'Remove' }).click()]);
  check((await flash()).startsWith(`Removed ${address}`), `after removing: ${await flash()}`);
  await open(`/suppressions?address=${encodeURIComponent(address)}`);
  check(await page.locator(`tr[data-address="${address}"]`).count() === 0, 'the removed address is still listed');
  ok('an address is added to the suppression list, shown, and removed once confirmed');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'operations-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
