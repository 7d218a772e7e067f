// What the browser scripts share: their inputs from the environment, checks that stop at the first
// failure, and Debian's Chromium launched headless with a fresh profile (Playwright's playwright-core).
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function need(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition) {
    throw new Failure(message);
  }
}

export function ok(what) {
  console.log(`ok: ${what}`);
}

/**
 * Chromium logged in to the console with HTTP Basic credentials; exits 2 when there is no Chromium.
 * Returns the context, its page, and close(), which also removes the profile.
 */
export async function launch({ user, password, screenshots, acceptDownloads = false }) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`FAILED: no Chromium at ${executablePath} (apt-get install chromium chromium-driver; .ci/run does)`);
    process.exit(2);
  }
  mkdirSync(screenshots, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'tidings-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    acceptDownloads,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    httpCredentials: { username: user, password },
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a console page (`base` + `path`) and fails unless it answers 200; returns the response. */
export async function openPage(page, base, path) {
  const response = await page.goto(base + path);
  check(response.status() === 200, `GET ${path} answered ${response.status()}`);
  return response;
}

/**
 * The template editor's CodeMirror editor for a field (`contents.da.text`), once its script has
 * replaced the text area (which stays the submitted field, hidden).
 */
export async function codeEditor(page, field) {
  await page.locator('html[data-tidings-editor="ready"]').waitFor({ state: 'attached', timeout: 15000 });
  return page.locator(`div.tidings-code[data-field="${field}"] .cm-content`);
}

/**
 * Replaces the text of a field of the template editor as a person would: focus the editor, select
 * everything, type the text in (inserted, as pasted, so that no completion interferes), close any
 * completion list.
 */
export async function fillEditor(page, field, text) {
  const editor = await codeEditor(page, field);
  await editor.click();
  await page.keyboard.press('Control+A');
  if (text === '') {
    await page.keyboard.press('Delete');
  } else {
    await page.keyboard.insertText(text);
  }
  await page.keyboard.press('Escape');
}

/** The text the form will post for a field of the template editor (its hidden text area). */
export async function editorValue(page, field) {
  return page.locator(`textarea[name="${field}"]`).inputValue();
}
