// Drives Debian's Chromium through the Tidings page of the Karaf web console as an administrator
// would, and checks what the page shows. WebConsoleIT seeds the data and runs this script; every
// input comes from the environment (see `need` below). Prints one "ok: …" line per check and exits
// non-zero with "FAILED: …" at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, fillEditor, editorValue } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const api = need('TIDINGS_API'); // e.g. http://127.0.0.1:8181/tidings/api/v1
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const entityType = need('TIDINGS_ENTITY_TYPE');
const entityId = need('TIDINGS_ENTITY_ID');
const communication = need('TIDINGS_COMMUNICATION');
const bodyText = need('TIDINGS_BODY'); // a Ukrainian sentence of the communication's body
const customerName = need('TIDINGS_NAME'); // contains <script>alert(1)</script>
const recipient = need('TIDINGS_RECIPIENT');
const templateKey = need('TIDINGS_TEMPLATE');
const templateVersion = Number(need('TIDINGS_TEMPLATE_VERSION'));
const newSubject = need('TIDINGS_NEW_SUBJECT');
const otherLanguages = need('TIDINGS_OTHER_LANGUAGE_TEXTS').split('|'); // Danish and French lines of the template
const ruleKey = need('TIDINGS_RULE');
const sendTo = need('TIDINGS_SEND_TO'); // a fresh email address for a message written on the Send tab
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots });
const { page } = browser;
const dialogs = [];
page.on('dialog', async (dialog) => {
  dialogs.push(`${dialog.type()}: ${dialog.message()}`);
  await dialog.dismiss();
});

async function open(path) {
  const response = await page.goto(base + path);
  check(response.status() === 200, `GET ${path} answered ${response.status()}`);
  const type = response.headers()['content-type'] ?? '';
  check(/charset=utf-8/i.test(type), `GET ${path} is not declared UTF-8: ${type}`);
  return response;
}

async function text(selector) {
  return (await page.locator(selector).first().textContent()) ?? '';
}

let exitCode = 0;
try {
  // 1. the overview: channels and the record's counts
  await open('');
  const channels = await text('table.tidings-channels');
  check(channels.includes('devbox'), `the overview lists no devbox channel: ${channels}`);
  const sent = Number(await text('table.tidings-counts tr:has(a:text-is("SENT")) td:nth-child(2)'));
  check(sent >= 1, `the overview counts ${sent} SENT communications`);
  ok(`overview shows the channels and ${sent} SENT`);

  // 2. the communication, found by its entity, with its Ukrainian body intact and the name as text
  await open(`/communications?entityType=${encodeURIComponent(entityType)}&entityId=${encodeURIComponent(entityId)}`);
  await page.locator(`a[href*="id=${communication}"]`).click();
  await page.waitForURL(`**/communication?id=${communication}`);
  const body = await text('pre.tidings-body');
  check(body.includes(bodyText), `the body lacks "${bodyText}": ${body}`);
  check(body.includes(customerName), `the body does not show the name "${customerName}" as text: ${body}`);
  const record = await text('table.tidings-record');
  check(record.includes('SENT') && record.includes(recipient), `the record lacks status or recipient: ${record}`);
  const injected = await page.evaluate(() => [...document.querySelectorAll('script')]
    .some((script) => script.textContent.includes('alert(1)')));
  check(!injected, 'a <script> of the customer data became a script element');
  await page.screenshot({ path: join(screenshots, 'webconsole-communication.png'), fullPage: true });
  ok('the communication shows its Ukrainian body and the <script> name as text');

  // 3. the devbox: the kept email, its HTML in a frame that runs nothing
  await open('/devbox');
  const frame = page.locator('article.tidings-message iframe.tidings-html').first();
  check(await frame.getAttribute('sandbox') === '', 'the message HTML is not in a sandboxed frame');
  const framed = await page.frameLocator('article.tidings-message iframe.tidings-html').first()
    .locator('body').textContent();
  check(framed.includes(bodyText) && framed.includes(customerName), `the framed HTML is not intact: ${framed}`);
  ok('the devbox shows the kept HTML in a sandboxed frame');

  // 3b. the template editor: the live preview starts from the data of the event that used the template,
  // and the email HTML's visual view keeps every #tag through a round trip with text typed in it
  await open(`/template/edit?key=${encodeURIComponent(templateKey)}`);
  const field = 'contents.uk.html';
  const source = await text('p.tidings-sample-source');
  check(source.includes('the data of event'), `the sample data is not the recent event's: ${source}`);
  check((await page.locator('#tidings-sample').inputValue()).includes(entityId), 'the sample lacks the event\'s order');
  await page.locator('iframe.tidings-live-html').waitFor({ state: 'attached', timeout: 15000 });
  const live = page.frameLocator('iframe.tidings-live-html').locator('body');
  check((await live.textContent()).includes(customerName), `the live preview lacks the event's name: ${await live.textContent()}`);
  const original = await editorValue(page, field);
  const tags = original.match(/#[A-Za-z_][\w.]*\w/g);
  check(tags && tags.length >= 2, `the HTML has no tags to keep: ${original}`);
  await page.screenshot({ path: join(screenshots, 'webconsole-template-editor-code.png'), fullPage: true });
  await page.locator(`div.tidings-mode[data-field="${field}"] button.tidings-mode-toggle`).click();
  await page.locator(`iframe.tidings-visual[data-field="${field}"][data-ready="true"]`).waitFor({ timeout: 10000 });
  const visual = page.frameLocator(`iframe.tidings-visual[data-field="${field}"]`);
  const shown = await visual.locator('body').textContent();
  check(tags.every((tag) => shown.includes(tag)), `the visual view does not show the tags ${tags}: ${shown}`);
  await visual.locator('p').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Дякуємо!');
  await page.screenshot({ path: join(screenshots, 'webconsole-template-editor-visual.png'), fullPage: true });
  await page.locator(`div.tidings-mode[data-field="${field}"] button.tidings-mode-toggle`).click();
  const after = await editorValue(page, field);
  check(after.includes('Дякуємо!'), `the text typed in the visual view is not in the HTML: ${after}`);
  check(tags.every((tag) => after.includes(tag)), `a tag was lost in the visual view: ${after}`);
  check((await page.locator(`div.tidings-code[data-field="${field}"] .cm-content`).textContent()).includes('Дякуємо!'),
    'the code editor does not show the visual edit');
  ok(`the visual view keeps ${tags.join(', ')} through a round trip; the preview starts from the recent event`);

  // 4. a template edit with a syntax error: refused with line and column, nothing saved
  await open(`/template/edit?key=${encodeURIComponent(templateKey)}`);
  const broken = '<p>#if( #order.number</p>';
  await fillEditor(page, 'contents.uk.html', broken);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.waitForLoadState();
  const refusal = await text('p.tidings-error');
  check(/contents\.uk\.html \(line \d+, column \d+\)/.test(refusal), `no line and column in: ${refusal}`);
  check(await editorValue(page, 'contents.uk.html') === broken,
    'the refused text is not kept in the editor');
  await page.screenshot({ path: join(screenshots, 'webconsole-template-refused.png'), fullPage: true });
  await open(`/template?key=${encodeURIComponent(templateKey)}`);
  const heading = await text('h2');
  check(heading.includes(`version ${templateVersion}`), `the refused edit changed the template: ${heading}`);
  ok(`the syntax error is refused (${refusal.trim()}) and nothing is saved`);

  // 5. a valid edit, while someone saves the template over the REST API: refused once, then saved deliberately
  await open(`/template/edit?key=${encodeURIComponent(templateKey)}`);
  await fillEditor(page, 'contents.uk.subject', newSubject);
  // a file added in the empty row of the Files: a wrong URL is named at its field while typing, then
  // the file comes from an event field instead
  await page.locator('input[name="attachments[0].filename"]').fill('Рахунок.pdf');
  await page.locator('input[name="attachments[0].url"]').fill('ftp://files.example.com/bill.pdf');
  const fileProblem = page.locator('p.tidings-live-problem', { hasText: 'attachments[0].url' });
  await fileProblem.waitFor({ state: 'visible', timeout: 15000 });
  await page.locator('input[name="attachments[0].url"]').fill('');
  await page.locator('input[name="attachments[0].field"]').fill('bill.pdf');
  await page.locator('input[name="attachments[0].contentType"]').fill('application/pdf');
  await fileProblem.waitFor({ state: 'detached', timeout: 15000 });
  await page.screenshot({ path: join(screenshots, 'webconsole-template-files.png'), fullPage: true });
  ok('a file is added in the editor, its wrong URL named at the field while typing');
  const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  const current = await (await fetch(`${api}/templates/${encodeURIComponent(templateKey)}`,
    { headers: { authorization } })).json();
  const put = await fetch(`${api}/templates/${encodeURIComponent(templateKey)}`, {
    method: 'PUT', headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ ...current, name: `${current.name} (edited over REST)` }),
  });
  check(put.ok, `the concurrent save over REST answered ${put.status}`);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.waitForLoadState();
  const conflict = await text('p.tidings-error');
  check(conflict.includes(`version ${templateVersion + 1} of ${templateKey} was saved after you opened version `
    + `${templateVersion}`), `the edit over a newer version was not refused: ${conflict}`);
  check(await editorValue(page, 'contents.uk.subject') === newSubject,
    'the refused edit is not kept in the editor');
  check(await page.locator('input[name="attachments[0].field"]').inputValue() === 'bill.pdf',
    'the refused edit lost its file');
  ok('an edit over a version saved in between is refused and kept');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.waitForLoadState();
  const saved = await text('p.tidings-done');
  check(saved.includes(`as version ${templateVersion + 2}`), `the valid edit was not saved: ${saved}`);
  const view = await text('div.tidings');
  check(view.includes(newSubject), `the saved subject is not shown: ${view}`);
  for (const line of otherLanguages) {
    check(view.includes(line), `the template page lost "${line}"`);
  }
  ok(`the valid edit is saved as version ${templateVersion + 2}; Danish and French read intact`);

  // 6. a preview with sample data in a chosen language
  await page.locator('form.tidings-preview select[name="language"]').selectOption('uk');
  await page.locator('form.tidings-preview textarea[name="data"]')
    .fill('contact_information.name = Олена Коваль\norder.number = 4711');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.waitForLoadState();
  const preview = await text('div.tidings-rendered');
  const subject = newSubject.replace('#order.number', '4711');
  check(preview.includes(subject) && preview.includes('Олена Коваль'), `the preview is not rendered: ${preview}`);
  ok('the preview renders the new version with the sample data in Ukrainian');

  // 7. a rule disabled through the page
  await open('/rules');
  const row = page.locator(`tr[data-rule="${ruleKey}"]`);
  await row.getByRole('button', { name: 'Disable' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-done')).includes(`Rule ${ruleKey} is disabled`), 'the rule was not disabled');
  check((await row.locator('td.tidings-enabled').textContent()) === 'no', 'the rule list still shows it enabled');
  ok(`rule ${ruleKey} is disabled through the page`);
  const emails = await row.locator('td.tidings-sent').textContent();
  check(/^[1-9][0-9]* sent, 0% opened, 0% clicked$/.test(emails), `the rule's emails of the last 30 days: ${emails}`);
  ok('the rule shows its emails of the last 30 days');

  // 8. a post without the session's CSRF token is refused and changes nothing
  const forged = await page.request.post(`${base}/rule/enabled`, { form: { key: ruleKey, enabled: 'true' } });
  check(forged.status() === 403, `a post without the CSRF token answered ${forged.status()}`);
  check((await forged.text()).includes('CSRF'), 'the refusal does not say why');
  const wrong = await page.request.post(`${base}/rule/enabled`,
    { form: { key: ruleKey, enabled: 'true', csrf: 'not-the-token' } });
  check(wrong.status() === 403, `a post with a wrong CSRF token answered ${wrong.status()}`);
  await open('/rules');
  check((await row.locator('td.tidings-enabled').textContent()) === 'no', 'a refused post enabled the rule');
  ok('posts without or with a wrong CSRF token are refused (403)');

  // 9. the consent recorded for the recipient's address
  await open(`/consent?address=${encodeURIComponent(recipient)}`);
  const consent = await text('table.tidings-consent');
  check(/MARKETING\s*opted out since/.test(consent), `the consent lookup lacks the opt-out: ${consent}`);
  ok('the consent lookup shows the opt-out');
  // the contact says on the phone that offers from partners are welcome
  await page.locator('tr[data-purpose="AFFILIATE_MARKETING"]').getByRole('button', { name: 'Opt in' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-done')).includes('opted in to AFFILIATE_MARKETING'), 'the opt-in was not recorded');
  check((await text('tr[data-purpose="AFFILIATE_MARKETING"]')).includes('opted in'), 'the table does not show the opt-in');
  ok('an administrator records an opt-in on the Consent tab');

  // 9b. a new template: refused with a tag that does not exist (the form kept), then created
  const created = `${templateKey}-sms`;
  await open('/templates');
  const create = page.locator('form.tidings-create');
  await create.locator('input[name="key"]').fill(created);
  await create.locator('input[name="name"]').fill('Ready by SMS');
  await create.locator('select[name="medium"]').selectOption('SMS');
  await create.locator('input[name="language"]').fill('uk');
  await create.locator('textarea[name="text"]').fill('Замовлення #order.nope готове');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForLoadState();
  const createRefusal = await text('p.tidings-error');
  check(createRefusal.includes('Not created') && createRefusal.includes('line 1'),
    `the unknown tag was not refused: ${createRefusal}`);
  check(await create.locator('input[name="key"]').inputValue() === created, 'the refused form lost the key');
  await create.locator('textarea[name="text"]').fill('Замовлення #order.number готове');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-done')).includes(`Created ${created} as version 1`), 'the template was not created');
  ok('a new template is refused with its unknown tag, kept, then created');

  // 9c. the form offers the declared media (WEBHOOK built in) and takes another by name: a PUSH template
  await open('/templates');
  const offered = await page.locator('form.tidings-create select[name="medium"] option').allTextContents();
  check(offered.includes('EMAIL') && offered.includes('SMS') && offered.includes('WEBHOOK'),
    `the declared media are not offered: ${offered}`);
  const pushForm = page.locator('form.tidings-create');
  await pushForm.locator('input[name="key"]').fill(`${templateKey}-push`);
  await pushForm.locator('input[name="name"]').fill('Ready by push');
  await pushForm.locator('input[name="otherMedium"]').fill('push notification');
  await pushForm.locator('input[name="language"]').fill('en');
  await pushForm.locator('textarea[name="text"]').fill('Order #order.number is ready');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForLoadState();
  const badMedium = await text('p.tidings-error');
  check(badMedium.includes('otherMedium') && badMedium.includes('not a medium name'),
    `a medium that is not a name was not refused by field: ${badMedium}`);
  await pushForm.locator('input[name="otherMedium"]').fill('PUSH');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-done')).includes(`Created ${templateKey}-push as version 1`),
    'the PUSH template was not created');
  check((await text('body')).includes('PUSH'), 'the template page does not show its medium PUSH');
  ok('the new-template form offers the declared media and takes another medium by name');

  // 10. a message written on the Send tab: refused without the consent box, keeping what was typed; then sent
  const written = 'Bonjour, votre téléphone est prêt. Ваш телефон готовий. Din telefon er klar.';
  await open('/send');
  await page.locator('form.tidings-send input[name="address"]').fill(sendTo);
  await page.locator('form.tidings-send input[name="subject"]').fill('Votre réparation');
  await page.locator('form.tidings-send textarea[name="text"]').fill(written);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-error')).includes('consent'), 'sending without the consent box was not refused');
  check(await page.locator('form.tidings-send textarea[name="text"]').inputValue() === written,
    'the refused form lost the text');
  await page.locator('form.tidings-send input[name="consent"]').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-done')).includes('Message accepted'), 'the message was not accepted');
  const writtenRecord = await text('table.tidings-record');
  check(writtenRecord.includes('tidings.manual') && writtenRecord.includes(sendTo),
    `the record is not the message: ${writtenRecord}`);
  ok('a message written on the Send tab is refused without consent, kept, then accepted');

  // 11. the contact asks to be forgotten: erased from the Consent tab, its opt-out kept
  await open(`/consent?address=${encodeURIComponent(recipient)}`);
  await page.getByRole('button', { name: 'Erase' }).click();
  await page.waitForLoadState();
  check((await text('p.tidings-error')).includes('confirm'), 'erasing without the confirmation was not refused');
  await page.locator('form.tidings-erase input[name="confirm"]').check();
  await page.getByRole('button', { name: 'Erase' }).click();
  await page.waitForLoadState();
  const erasedNote = await text('p.tidings-done');
  check(/Erased .*: [1-9][0-9]* message\(s\).* 1 opt-out\(s\) kept/.test(erasedNote), `not erased: ${erasedNote}`);
  ok('the contact is erased from the Consent tab, its opt-out kept');

  await open('');
  await page.screenshot({ path: join(screenshots, 'webconsole-overview.png'), fullPage: true });
  check(dialogs.length === 0, `dialogs fired: ${dialogs.join('; ')}`);
  ok('no dialog fired');
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  console.log(`  on ${page.url()}`);
  await page.screenshot({ path: join(screenshots, 'webconsole-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
