/*
 * The Tidings template editor: a live SMS counter (the rules of the template engine's SmsLength),
 * # autocomplete from the tag catalogue, and the draft checked by the console while typing (problems
 * at line and column, a preview with the sample data, tags that render empty). Nothing is saved here.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.tidings-editor');
  if (!form) {
    return;
  }
  var assist = document.getElementById('tidings-assist');
  var tags = JSON.parse(document.getElementById('tidings-tags').textContent);
  var medium = assist.getAttribute('data-medium');

  // ---- SMS length: GSM 03.38 with its extension table, else UCS-2 (as the engine counts it)
  var BASIC = '@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393\u039b\u03a9'
    + '\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9 !"#\u00a4%&\'()*+,-./0123456789:;<=>?'
    + '\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz'
    + '\u00e4\u00f6\u00f1\u00fc\u00e0';
  var EXTENSION = '^{}\\[~]|\u20ac\f';

  function smsLength(text) {
    var i;
    var gsm = true;
    for (i = 0; i < text.length; i++) {
      if (BASIC.indexOf(text[i]) < 0 && EXTENSION.indexOf(text[i]) < 0) {
        gsm = false;
        break;
      }
    }
    var parts = 1;
    var used = 0;
    var total = 0;
    if (gsm) {
      for (i = 0; i < text.length; i++) {
        var width = EXTENSION.indexOf(text[i]) >= 0 ? 2 : 1;
        total += width;
        if (used + width > 153) {
          parts++;
          used = 0;
        }
        used += width;
      }
      return { encoding: 'GSM-7', characters: total, parts: total <= 160 ? 1 : parts };
    }
    for (i = 0; i < text.length; i++) {
      var pair = /[\ud800-\udbff]/.test(text[i]) && i + 1 < text.length && /[\udc00-\udfff]/.test(text[i + 1]) ? 2 : 1;
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
    return sms.encoding + ', ' + sms.characters + ' characters, ' + sms.parts + (sms.parts === 1 ? ' part' : ' parts');
  }

  var areas = Array.prototype.slice.call(form.querySelectorAll('textarea'));
  areas.forEach(function (area) {
    if (medium === 'SMS' && /\.text$/.test(area.name)) {
      var counter = document.createElement('p');
      counter.className = 'tidings-sms-counter';
      counter.setAttribute('aria-live', 'polite');
      area.insertAdjacentElement('afterend', counter);
      var count = function () {
        counter.textContent = 'As typed: ' + words(smsLength(area.value.replace(/^\n/, '')));
      };
      area.addEventListener('input', count);
      count();
    }
  });

  // ---- # autocomplete from the tag catalogue
  var list = document.createElement('ul');
  list.id = 'tidings-complete';
  list.className = 'tidings-complete';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Tags');
  list.hidden = true;
  document.body.appendChild(list);
  var active = null;
  var choices = [];
  var selected = 0;

  function typedTag(area) {
    var before = area.value.slice(0, area.selectionStart);
    var match = /#([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)*)$/.exec(before);
    return match ? match[1] : null;
  }

  /** What may follow the typed path: entities first, then fields and relations of the entity reached. */
  function suggestions(path) {
    var segments = path.split('.');
    var last = segments.pop().toLowerCase();
    var found = [];
    if (segments.length === 0) {
      Object.keys(tags).forEach(function (name) {
        if (name.toLowerCase().indexOf(last) === 0) {
          found.push({ name: name, detail: 'entity \u2013 ' + tags[name].description });
        }
      });
      return found;
    }
    var entity = tags[segments[0]];
    for (var i = 1; entity && i < segments.length; i++) {
      entity = tags[entity.relations[segments[i]]];
    }
    if (!entity) {
      return found;
    }
    Object.keys(entity.fields).forEach(function (name) {
      if (name.toLowerCase().indexOf(last) === 0) {
        found.push({ name: name, detail: entity.fields[name][0] + ' \u2013 ' + entity.fields[name][1] });
      }
    });
    Object.keys(entity.relations).forEach(function (name) {
      if (name.toLowerCase().indexOf(last) === 0 && !entity.fields[name]) {
        found.push({ name: name, detail: 'relation \u2013 ' + entity.relations[name] });
      }
    });
    return found;
  }

  function close() {
    list.hidden = true;
    active = null;
  }

  function show(area) {
    var path = typedTag(area);
    choices = path === null ? [] : suggestions(path);
    if (choices.length === 0) {
      close();
      return;
    }
    active = area;
    selected = 0;
    render();
    var box = area.getBoundingClientRect();
    list.style.left = (window.scrollX + box.left) + 'px';
    list.style.top = (window.scrollY + box.bottom) + 'px';
    list.hidden = false;
  }

  function render() {
    list.textContent = '';
    choices.forEach(function (choice, index) {
      var item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', index === selected ? 'true' : 'false');
      item.setAttribute('data-name', choice.name);
      var name = document.createElement('strong');
      name.textContent = choice.name;
      var detail = document.createElement('span');
      detail.textContent = ' ' + choice.detail;
      item.appendChild(name);
      item.appendChild(detail);
      item.addEventListener('mousedown', function (event) {
        event.preventDefault();
        pick(index);
      });
      list.appendChild(item);
    });
  }

  function pick(index) {
    var area = active;
    var path = typedTag(area);
    var last = path.split('.').pop();
    var at = area.selectionStart;
    var name = choices[index].name;
    area.value = area.value.slice(0, at - last.length) + name + area.value.slice(at);
    area.selectionStart = area.selectionEnd = at - last.length + name.length;
    close();
    area.focus();
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  areas.forEach(function (area) {
    area.addEventListener('input', function () {
      show(area);
    });
    area.addEventListener('keydown', function (event) {
      if (list.hidden || active !== area) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        selected = (selected + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
        render();
        event.preventDefault();
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        pick(selected);
        event.preventDefault();
      } else if (event.key === 'Escape') {
        close();
        event.preventDefault();
      }
    });
    area.addEventListener('blur', close);
  });

  // ---- the draft checked while typing: problems at line and column, preview, blank tags
  var timer = null;
  var sample = document.getElementById('tidings-sample');
  var language = document.getElementById('tidings-preview-language');
  var output = document.getElementById('tidings-live');

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  function mark(problems) {
    form.querySelectorAll('.tidings-live-problem').forEach(function (p) {
      p.remove();
    });
    areas.forEach(function (area) {
      area.classList.remove('tidings-invalid');
    });
    problems.forEach(function (problem) {
      var field = form.querySelector('[name="' + problem.field + '"]');
      var note = document.createElement('p');
      note.className = 'tidings-error tidings-live-problem';
      note.setAttribute('role', 'alert');
      note.textContent = problem.message;
      if (field) {
        field.classList.add('tidings-invalid');
        field.insertAdjacentElement('afterend', note);
      } else {
        output.appendChild(note);
      }
    });
  }

  function line(text, className) {
    var p = document.createElement('p');
    p.className = className || '';
    p.textContent = text;
    output.appendChild(p);
    return p;
  }

  function check() {
    var data = new URLSearchParams(new FormData(form));
    data.set('data', sample.value);
    data.set('previewLanguage', language.value);
    fetch(assist.getAttribute('data-check'), { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : response.text().then(function (text) {
          throw new Error(text);
        });
      })
      .then(function (answer) {
        output.textContent = '';
        mark(answer.problems);
        if (answer.problems.length > 0) {
          line('Not valid yet: ' + answer.problems.length + ' problem(s), shown at their fields.', 'tidings-error');
          return;
        }
        var preview = answer.preview;
        if (!preview) {
          return;
        }
        if (preview.error) {
          line('Preview: ' + preview.error, 'tidings-error');
          return;
        }
        line('Valid. Preview in ' + preview.language + ' with the sample data:', 'tidings-done');
        if (preview.subject) {
          line('Subject: ' + preview.subject);
        }
        var body = document.createElement('pre');
        body.className = 'tidings-live-body';
        body.textContent = preview.text || '';
        output.appendChild(body);
        if (preview.sms) {
          line('Rendered SMS: ' + words(preview.sms), 'tidings-sms-rendered');
        }
        if (preview.blankTags.length > 0) {
          line('Blank for this data: ' + preview.blankTags.join(', ')
            + ' \u2013 the message would go out with nothing in their place.', 'tidings-warning tidings-blanks');
        }
      })
      .catch(function (error) {
        output.textContent = '';
        line('Could not check the draft: ' + error.message, 'tidings-error');
      });
  }

  form.addEventListener('input', schedule);
  sample.addEventListener('input', schedule);
  language.addEventListener('change', schedule);
  check();
}());
