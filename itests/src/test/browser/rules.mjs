// Drives Debian's Chromium through the Rules and Locations tabs of the Tidings page in Karaf's web
// console as an administrator sets up notifications: a new location, a rule for it with a condition
// (checked while typing) and a reminder, a bulk copy of a rule to two locations with the warning that
// the copies and their original both match, and an event tried against the rules. RulesConsoleIT
// seeds a template, two locations and a rule for every location, and runs this script. Prints one
// "ok: …" line per check and exits non-zero with "FAILED: …" at the first one that does not hold.
import { join } from 'node:path';
import { need, Failure, check, ok, launch, openPage } from './chromium.mjs';

const base = need('TIDINGS_CONSOLE'); // e.g. http://127.0.0.1:8181/system/console/tidings
const user = need('TIDINGS_USER');
const password = need('TIDINGS_PASSWORD');
const prefix = need('TIDINGS_PREFIX'); // keeps this run's keys apart from others
const template = need('TIDINGS_TEMPLATE'); // an email template the new rule sends
const offer = need('TIDINGS_OFFER_RULE'); // a rule for every location, to be copied
const copyTo = need('TIDINGS_COPY_TO').split(','); // two locations to copy it to
const recentEvent = need('TIDINGS_RECENT_EVENT'); // an offer event posted over REST, in the record
const screenshots = need('TIDINGS_SCREENSHOTS');

const browser = await launch({ user, password, screenshots });
const { page } = browser;

async function open(path) {
  return openPage(page, base, path);
}

async function shot(name) {
  await page.screenshot({ path: join(screenshots, `rules-${name}.png`), fullPage: true });
}

const location = `${prefix}-lviv`;
const rule = `${prefix}-reminder`;
let exitCode = 0;
try {
  // 1. a location with its time zone and working hours
  await open('/locations');
  await page.getByRole('link', { name: 'New location' }).click();
  await page.getByLabel('Key').fill(location);
  await page.getByLabel('Name', { exact: true }).fill('Сервіс у Львові');
  await page.getByLabel('Time zone').fill('Europe/Kyiv');
  await page.getByLabel('Country (ISO 3166, e.g. UA)').fill('UA');
  await page.getByLabel('Monday').fill('09:00-13:00, 14:00-18:00');
  await page.getByLabel('Saturday').fill('10:00-14:00');
  await shot('location-form');
  await page.getByRole('button', { name: 'Create location' }).click();
  await page.waitForURL('**/locations');
  const row = page.locator(`table.tidings-locations tr[data-location="${location}"]`);
  check(await row.count() === 1, `the location list has no row for ${location}`);
  const rowText = await row.textContent();
  check(rowText.includes('Europe/Kyiv') && rowText.includes('Mon 09:00-13:00, 14:00-18:00') && rowText.includes('Sun closed'),
    `the row lacks the zone or the hours: ${rowText}`);
  await shot('locations');
  ok(`the location ${location} is created with its working hours`);

  // 2. a rule for it: a condition checked while typing, then picked from the catalogue; a reminder
  await open('/rules');
  await page.getByRole('link', { name: 'New rule' }).click();
  await page.getByLabel('Key').fill(rule);
  await page.getByLabel('Name', { exact: true }).fill('Нагадування про візит');
  await page.getByLabel('Event type').fill('booking.confirmed');
  await page.getByLabel('Locations (none chosen: every location)').selectOption(location);
  const condition = page.getByLabel('Condition (e.g. order.total > 100)');
  await condition.fill('booking.participants >');
  const conditionError = page.locator('#error-condition');
  await page.waitForFunction(() => document.querySelector('#error-condition').textContent.trim() !== '');
  check(!(await conditionError.textContent()).includes('condition:'), 'the error names the API field');
  ok(`a broken condition is shown while typing: ${(await conditionError.textContent()).trim()}`);
  await condition.fill('');
  await page.getByLabel('Field picker').selectOption('booking.participants');
  check(await condition.inputValue() === 'booking.participants', `the picker inserted ${await condition.inputValue()}`);
  await condition.press('End');
  await condition.type(' > 1');
  await page.waitForFunction(() => document.querySelector('#error-condition').textContent.trim() === '');
  ok('the field picker inserts a catalogue field and the condition is accepted');
  await page.getByLabel('At a local time days before (13:00 the day before)').check();
  await page.getByLabel('Time field').fill('booking.start_at');
  await page.getByLabel('Days before', { exact: true }).fill('1');
  await page.getByLabel('At local time').fill('13:00');
  await page.getByLabel('Templates').selectOption(template);
  await page.getByLabel('Recipients', { exact: true }).selectOption('contact_information');
  await page.getByLabel('Other recipients: fixed addresses or fields, one a line').fill('visits@example.com.ua');
  await page.getByLabel('Delay (ISO-8601, e.g. PT1H)').fill('an hour');
  await page.getByRole('button', { name: 'Create rule' }).click();
  await page.waitForURL('**/rule/edit');
  const delayError = (await page.locator('#error-delay').textContent()).trim();
  check(delayError.includes('Delay: must be an ISO-8601 duration'), `no refusal under the delay: ${delayError}`);
  check(await condition.inputValue() === 'booking.participants > 1', 'the refused form lost the condition');
  check(await page.getByLabel('At a local time days before (13:00 the day before)').isChecked(), 'the refused form lost the reminder');
  ok('a refused save comes back as typed with the error under its field');
  await page.getByLabel('Delay (ISO-8601, e.g. PT1H)').fill('');
  await shot('rule-form');
  await page.getByRole('button', { name: 'Create rule' }).click();
  await page.waitForURL('**/rules');
  const ruleRow = page.locator(`table.tidings-rules tr[data-rule="${rule}"]`);
  check(await ruleRow.count() === 1, `the rule list has no row for ${rule}`);
  const ruleText = await ruleRow.textContent();
  check(ruleText.includes('reminder before booking.start_at') && ruleText.includes(location)
    && ruleText.includes('booking.participants > 1'), `the row lacks the reminder, location or condition: ${ruleText}`);
  ok(`the rule ${rule} is created for ${location} with a condition and a reminder`);
  await ruleRow.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL('**/rule/edit?key=**');
  check(await page.getByLabel('Other recipients: fixed addresses or fields, one a line').inputValue() === 'visits@example.com.ua',
    'the edit form does not show the fixed address among the other recipients');
  check(await page.getByLabel('At a local time days before (13:00 the day before)').isChecked()
    && await page.getByLabel('Key').getAttribute('readonly') !== null, 'the edit form lost the reminder or lets the key change');
  await shot('rule-edit');
  ok('the edit form shows the rule as saved');
  await open('/rules');

  // 3. a rule for every location copied to two: the copies and the original both match
  await page.locator(`input[name="rules"][value="${offer}"]`).check();
  await page.getByLabel('Change', { exact: true }).selectOption('copyToLocations');
  await page.getByLabel('Locations to copy to').selectOption(copyTo);
  await page.getByRole('button', { name: 'Apply to selected rules' }).click();
  await page.waitForURL('**/rules');
  const status = await page.locator('p.tidings-done').textContent();
  for (const target of copyTo) {
    check(status.includes(`${offer}-${target}`), `the outcome lacks the copy for ${target}: ${status}`);
  }
  check(status.includes('Warning: rules') && status.includes('a customer gets the messages of both'),
    `no duplicate warning after the copy: ${status}`);
  const warnings = await page.locator('p.tidings-warning').allTextContents();
  check(copyTo.every(target => warnings.some(w => w.includes(`${offer}-${target}`) && w.includes(offer))),
    `the list does not warn about both copies: ${warnings.join(' | ')}`);
  await shot('rules-list');
  ok(`copied ${offer} to ${copyTo.join(' and ')} with the duplicate warning`);

  // 4. an event tried against the rules: the new rule matches and plans its reminder
  await page.getByRole('link', { name: 'Try an event' }).click();
  const start = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, '+00:00');
  await page.getByLabel('Event (JSON)').fill(JSON.stringify({
    type: 'booking.confirmed', location, entity: { type: 'booking', id: `${prefix}-b1` },
    data: {
      booking: { number: 'B-1', participants: 2, start_at: start },
      contact_information: { name: 'Олена Коваленко', email: `${prefix}@example.com.ua`, preferred_language: 'uk',
        consent: { email: true } },
    },
  }, null, 1));
  await page.getByRole('button', { name: 'Try the event' }).click();
  const planned = page.locator(`table.tidings-explain tr[data-rule="${rule}"]`);
  await planned.waitFor();
  const plannedText = await planned.textContent();
  check(plannedText.includes('yes') && plannedText.includes(template) && plannedText.includes('13:00'),
    `the try does not show the reminder at 13:00: ${plannedText}`);
  const other = await page.locator(`table.tidings-explain tr[data-rule="${offer}"]`).textContent();
  check(other.includes('no:'), `the offer rule should not match a booking: ${other}`);
  await shot('try-event');
  ok('the tried event matches the new rule and plans its reminder at 13:00');

  // 5. a recent event picked from the record and tried again
  await page.getByLabel('A recent event').selectOption(recentEvent);
  await page.getByRole('button', { name: 'Use this event' }).click();
  await page.waitForURL('**/rules/try?from=**');
  const picked = await page.getByLabel('Event (JSON)').inputValue();
  check(picked.includes(recentEvent) && picked.includes('Ida Ørsted'), `the picked event is not the one posted: ${picked}`);
  const again = await page.locator(`table.tidings-explain tr[data-rule="${offer}"]`).textContent();
  check(again.includes('yes') && again.includes('@example.dk'), `the offer rule does not match its own event: ${again}`);
  ok('a recent event from the record is tried again');

  // 6. the offer that event sent is counted in the rule list, from the record
  let sentCell = '';
  for (let attempt = 0; attempt < 30 && sentCell !== '1'; attempt++) {
    if (attempt > 0) {
      await page.waitForTimeout(1000);
    }
    await open(`/rules?q=${offer}`);
    sentCell = (await page.locator(`table.tidings-rules tr[data-rule="${offer}"] td.tidings-sent-all`).textContent()).trim();
  }
  check(sentCell === '1', `the offer rule's sends of the last 30 days: ${sentCell}`);
  ok(`the rule list counts the offer ${offer} sent`);
} catch (e) {
  exitCode = 1;
  console.log(`FAILED: ${e instanceof Failure ? e.message : e.stack}`);
  await page.screenshot({ path: join(screenshots, 'rules-failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(exitCode);
