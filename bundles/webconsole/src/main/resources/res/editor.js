/*
 * The Tidings template editor (an ES module; the page's import map names CodeMirror's modules, served
 * from this bundle): each text area of the form becomes a CodeMirror editor that writes back into
 * it, so the form posts the text areas as it does without script. The editor highlights Velocity
 * (#tags, directives, $variables, ## comments), offers # completion from the tag catalogue, shows the
 * engine's problems at their line and column, counts SMS as typed, and for email HTML has a visual
 * view that keeps #tags and directives as written. Nothing is saved here.
 */
import { EditorView, keymap, lineNumbers, drawSelection, highlightActiveLine, placeholder } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { searchKeymap } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';

const form = document.querySelector('form.tidings-editor');
const assist = document.getElementById('tidings-assist');
const tags = JSON.parse(document.getElementById('tidings-tags').textContent);
const medium = assist.getAttribute('data-medium');

// ---- SMS length: GSM 03.38 with its extension table, else UCS-2 (as the engine counts it)
const BASIC = '@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b\u03a9'
  + '\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9 !"#\u00a4%&\'()*+,-./0123456789:;<=>?'
  + '\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz'
  + '\u00e4\u00f6\u00f1\u00fc\u00e0';
const EXTENSION = '^{}\\[~]|\u20ac\f';

export function smsLength(text) {
  const gsm = Array.from(text).every((c) => BASIC.includes(c) || EXTENSION.includes(c));
  let parts = 1;
  let used = 0;
  if (gsm) {
    let total = 0;
    for (const c of text) {
      const width = EXTENSION.includes(c) ? 2 : 1;
      total += width;
      if (used + width > 153) {
        parts++;
        used = 0;
      }
      used += width;
    }
    return { encoding: 'GSM-7', characters: total, parts: total <= 160 ? 1 : parts };
  }
  for (let i = 0; i < text.length; i++) {
    const pair = /[\ud800-\udbff]/.test(text[i]) && i + 1 < text.length && /[\udc00-\udfff]/.test(text[i + 1]) ? 2 : 1;
    if (used + pair > 67) {
      parts++;
      used = 0;
    }
    used += pair;
    i += pair - 1;
  }
  return { encoding: 'UCS-2', characters: text.length, parts: text.length <= 70 ? 1 : parts };
}

function words(sms) {
  return `${sms.encoding}, ${sms.characters} characters, ${sms.parts}${sms.parts === 1 ? ' part' : ' parts'}`;
}

// ---- Velocity as the template engine reads it: directives, #tags, $variables, ## comments, HTML tag names
const DIRECTIVE = /^#\{?(?:if|elseif|else|end|foreach|set|break|stop|macro|parse|include|define|evaluate)\b\}?/;
const velocity = StreamLanguage.define({
  name: 'velocity',
  token(stream) {
    if (stream.match(/^\\[#$]/)) {
      return 'escape';
    }
    if (stream.match(/^##.*/)) {
      return 'comment';
    }
    if (stream.match(DIRECTIVE)) {
      return 'keyword';
    }
    if (stream.match(/^#\{?[A-Za-z_]\w*(?:\.\w+)*\}?/)) {
      return 'propertyName';
    }
    if (stream.match(/^\$!?\{?[A-Za-z_]\w*(?:\.\w+)*\}?/)) {
      return 'variableName';
    }
    if (stream.match(/^<\/?[A-Za-z][\w-]*/)) {
      return 'tagName';
    }
    stream.next();
    while (!stream.eol() && !/[#$<\\]/.test(stream.peek())) {
      stream.next();
    }
    return null;
  },
});

// ---- # completion from the tag catalogue: entities and directives, then fields and relations
const DIRECTIVES = [['if', '#if(condition) … #end'], ['elseif', '#elseif(condition)'], ['else', 'the other case'],
  ['end', 'ends #if or #foreach'], ['foreach', '#foreach($item in #entity.list) … #end'], ['set', '#set($name = value)']];

function entityAt(segments) {
  let entity = tags[segments[0]];
  for (let i = 1; entity && i < segments.length; i++) {
    entity = tags[entity.relations[segments[i]]];
  }
  return entity;
}

export function tagCompletions(context) {
  const word = context.matchBefore(/#[A-Za-z0-9_.]*$/);
  if (!word) {
    return null;
  }
  const segments = word.text.slice(1).split('.');
  const last = segments.pop();
  const from = word.to - last.length;
  const options = [];
  if (segments.length === 0) {
    Object.keys(tags).forEach((name) => options.push({
      label: name, type: 'class', detail: 'entity', info: tags[name].description || undefined, boost: 1,
    }));
    DIRECTIVES.forEach(([name, info]) => options.push({ label: name, type: 'keyword', detail: 'directive', info }));
  } else {
    const entity = entityAt(segments);
    if (!entity) {
      return null;
    }
    Object.entries(entity.fields).forEach(([name, [type, description]]) => options.push({
      label: name, type: 'property', detail: type, info: description || undefined, boost: 1,
    }));
    Object.entries(entity.relations).filter(([name]) => !entity.fields[name]).forEach(([name, target]) => options.push({
      label: name, type: 'class', detail: `relation \u2192 ${target}`, info: (tags[target] || {}).description || undefined,
    }));
  }
  return { from, options, validFor: /^\w*$/ };
}

// ---- one CodeMirror editor per text area, writing back into it
const editors = new Map();

function label(area) {
  const own = form.querySelector(`label[for="${CSS.escape(area.id)}"]`);
  const legend = area.closest('fieldset')?.querySelector('legend');
  return [legend?.textContent, own?.textContent].filter(Boolean).join(' ');
}

function attach(area) {
  const multiline = !/\.subject$/.test(area.name);
  const wrapper = document.createElement('div');
  wrapper.className = 'tidings-code';
  wrapper.dataset.field = area.name;
  area.insertAdjacentElement('afterend', wrapper);
  const view = new EditorView({
    parent: wrapper,
    state: EditorState.create({
      doc: area.value,
      extensions: [
        multiline ? lineNumbers() : [],
        multiline ? lintGutter() : [],
        history(),
        drawSelection(),
        highlightActiveLine(),
        velocity,
        syntaxHighlighting(classHighlighter),
        // interactionDelay 0: a key pressed right after the list changes acts on the list (by default the
        // first 75 ms after a change pass arrow keys and Enter to the text, moving the cursor instead)
        autocompletion({ override: [tagCompletions], icons: false, interactionDelay: 0 }),
        keymap.of([...completionKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap, ...defaultKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label(area), 'aria-multiline': String(multiline) }),
        area.placeholder ? placeholder(area.placeholder) : [],
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            area.value = update.state.doc.toString();
            area.dispatchEvent(new Event('input', { bubbles: true }));
          }
        }),
      ],
    }),
  });
  if (area.classList.contains('tidings-invalid')) {
    wrapper.classList.add('tidings-invalid');
  }
  area.hidden = true;
  editors.set(area.name, { area, view, wrapper });
  return wrapper;
}

/** Replaces an editor's whole text, as typing would (the text area and the check follow). */
function replace(name, text) {
  const { view } = editors.get(name);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

const areas = Array.from(form.querySelectorAll('textarea'));
areas.forEach((area) => {
  const wrapper = attach(area);
  if (medium === 'SMS' && /\.text$/.test(area.name)) {
    const counter = document.createElement('p');
    counter.className = 'tidings-sms-counter';
    counter.setAttribute('aria-live', 'polite');
    wrapper.insertAdjacentElement('afterend', counter);
    const count = () => {
      counter.textContent = `As typed: ${words(smsLength(area.value.replace(/^\n/, '')))}`;
    };
    area.addEventListener('input', count);
    count();
  }
  if (medium === 'EMAIL' && /\.html$/.test(area.name)) {
    visual(area, wrapper);
  }
});

// ---- the visual view of email HTML: a sandboxed frame (no script runs in it) in design mode
const TOKENS = /\\?[#$]!?\{?[A-Za-z_]\w*(?:\.\w+)*\}?(?:\s*\([^)]*\))?/g;

/** The #tags, directives with their conditions and $variables, in order: what a visual edit must keep. */
function velocityTokens(html) {
  return (html.match(TOKENS) || []).map((t) => t.replace(/\s+/g, ' '));
}

/** The frame's HTML as the template's text: entities the browser wrote inside directives read back as typed. */
function serialize(doc, whole) {
  let html = whole ? `<!DOCTYPE html>\n${doc.documentElement.outerHTML}` : doc.body.innerHTML;
  html = html.replace(/(#\{?(?:if|elseif|foreach|set)\s*\()([^)]*)\)/g, (all, start, inside) => `${start}${inside
    .replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/&quot;/g, '"')})`);
  return html;
}

function visual(area, wrapper) {
  const bar = document.createElement('div');
  bar.className = 'tidings-mode';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', `${label(area)} view`);
  bar.dataset.field = area.name;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'tidings-mode-toggle';
  toggle.textContent = 'Visual';
  toggle.setAttribute('aria-pressed', 'false');
  bar.appendChild(toggle);
  const tools = document.createElement('span');
  tools.className = 'tidings-visual-tools';
  tools.hidden = true;
  bar.appendChild(tools);
  const note = document.createElement('p');
  note.className = 'tidings-warning tidings-visual-refused';
  note.hidden = true;
  wrapper.insertAdjacentElement('beforebegin', bar);
  const frame = document.createElement('iframe');
  frame.className = 'tidings-visual';
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.title = `${label(area)}, visual`;
  frame.dataset.field = area.name;
  frame.hidden = true;
  wrapper.insertAdjacentElement('afterend', frame);
  frame.insertAdjacentElement('afterend', note);
  let whole = false;

  const command = (name, text, argument) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      const value = typeof argument === 'function' ? argument() : argument;
      if (value === null) {
        return;
      }
      frame.contentDocument.execCommand(name, false, value);
      changed();
    });
    tools.appendChild(button);
  };
  command('bold', 'Bold');
  command('italic', 'Italic');
  command('underline', 'Underline');
  command('formatBlock', 'Heading', 'h2');
  command('formatBlock', 'Paragraph', 'p');
  command('insertUnorderedList', 'List');
  command('createLink', 'Link', () => window.prompt('Link address (a #tag such as #link.url works too)', 'https://'));
  command('removeFormat', 'Plain');

  function changed() {
    replace(area.name, serialize(frame.contentDocument, whole));
  }

  function open() {
    const html = area.value;
    // what the browser makes of the HTML must keep every tag and directive, else stay in the code
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    whole = /<html[\s>]/i.test(html);
    const kept = serialize(parsed, whole);
    if (velocityTokens(kept).join('\n') !== velocityTokens(html).join('\n')) {
      note.textContent = 'The visual view would move or change tags or directives of this HTML (a browser moves '
        + 'text it finds between table rows, for instance): edit it in the code view.';
      note.hidden = false;
      return;
    }
    note.hidden = true;
    frame.srcdoc = html;
    frame.addEventListener('load', () => {
      const doc = frame.contentDocument;
      doc.designMode = 'on';
      doc.addEventListener('input', changed);
      frame.dataset.ready = 'true';
    }, { once: true });
    frame.hidden = false;
    wrapper.hidden = true;
    tools.hidden = false;
    toggle.textContent = 'Code';
    toggle.setAttribute('aria-pressed', 'true');
  }

  function close() {
    frame.hidden = true;
    delete frame.dataset.ready;
    frame.removeAttribute('srcdoc');
    wrapper.hidden = false;
    tools.hidden = true;
    toggle.textContent = 'Visual';
    toggle.setAttribute('aria-pressed', 'false');
    editors.get(area.name).view.focus();
  }

  toggle.addEventListener('click', () => (frame.hidden ? open() : close()));
}

// ---- the draft checked while typing: problems at line and column, preview, blank tags
let timer = null;
const sample = document.getElementById('tidings-sample');
const language = document.getElementById('tidings-preview-language');
const output = document.getElementById('tidings-live');

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, 400);
}

/** A diagnostic at the problem's line and column (1-based, as the engine counts), within the text. */
function diagnostic(doc, problem) {
  const line = doc.line(Math.min(Math.max(problem.line || 1, 1), doc.lines));
  const from = line.from + Math.min(Math.max((problem.column || 1) - 1, 0), line.length);
  return { from, to: Math.min(from + 1, line.to), severity: 'error', message: problem.message };
}

function mark(problems) {
  form.querySelectorAll('.tidings-live-problem').forEach((p) => p.remove());
  editors.forEach(({ view, wrapper }, name) => {
    wrapper.classList.remove('tidings-invalid');
    const own = problems.filter((p) => p.field === name);
    view.dispatch(setDiagnostics(view.state, own.map((p) => diagnostic(view.state.doc, p))));
  });
  problems.forEach((problem) => {
    const note = document.createElement('p');
    note.className = 'tidings-error tidings-live-problem';
    note.setAttribute('role', 'alert');
    note.textContent = problem.message;
    const editor = editors.get(problem.field);
    const field = editor ? editor.wrapper : form.querySelector(`[name="${CSS.escape(problem.field)}"]`);
    if (field) {
      field.classList.add('tidings-invalid');
      field.insertAdjacentElement('afterend', note);
    } else {
      output.appendChild(note);
    }
  });
}

function line(text, className) {
  const p = document.createElement('p');
  p.className = className || '';
  p.textContent = text;
  output.appendChild(p);
  return p;
}

async function check() {
  const data = new URLSearchParams(new FormData(form));
  data.set('data', sample.value);
  data.set('previewLanguage', language.value);
  let answer;
  try {
    const response = await fetch(assist.getAttribute('data-check'), { method: 'POST', body: data, credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(await response.text());
    }
    answer = await response.json();
  } catch (error) {
    output.textContent = '';
    line(`Could not check the draft: ${error.message}`, 'tidings-error');
    return;
  }
  output.textContent = '';
  mark(answer.problems);
  if (answer.problems.length > 0) {
    line(`Not valid yet: ${answer.problems.length} problem(s), shown at their fields.`, 'tidings-error');
    return;
  }
  const preview = answer.preview;
  if (!preview) {
    return;
  }
  if (preview.error) {
    line(`Preview: ${preview.error}`, 'tidings-error');
    return;
  }
  line(`Valid. Preview in ${preview.language} with the sample data:`, 'tidings-done');
  if (preview.subject) {
    line(`Subject: ${preview.subject}`, 'tidings-live-subject');
  }
  if (preview.html) {
    const frame = document.createElement('iframe');
    frame.className = 'tidings-html tidings-live-html';
    frame.setAttribute('sandbox', '');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.title = 'Rendered HTML';
    frame.srcdoc = preview.html;
    output.appendChild(frame);
  }
  const body = document.createElement('pre');
  body.className = 'tidings-live-body';
  body.textContent = preview.text || '';
  output.appendChild(body);
  if (preview.sms) {
    line(`Rendered SMS: ${words(preview.sms)}`, 'tidings-sms-rendered');
  }
  if (preview.blankTags.length > 0) {
    line(`Blank for this data: ${preview.blankTags.join(', ')} \u2013 the message would go out with nothing in their place.`,
      'tidings-warning tidings-blanks');
  }
}

form.addEventListener('input', schedule);
sample.addEventListener('input', schedule);
language.addEventListener('change', schedule);
document.documentElement.dataset.tidingsEditor = 'ready';
check();
