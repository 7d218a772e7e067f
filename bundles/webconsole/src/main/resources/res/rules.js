// The rule form of the Tidings console, made friendlier where JavaScript runs (the form works without
// it): the field picker inserts a catalogue field into the condition, and the rule is checked while
// the administrator types through rule/check.json, a GET that stores nothing; its error is shown
// next to the field it is about.
(function () {
  'use strict';
  var form = document.querySelector('form.tidings-rule-form');
  if (!form) {
    return;
  }
  var checkUrl = form.getAttribute('action').replace(/\/rule\/save$/, '/rule/check.json');
  var condition = document.getElementById('field-condition');
  var picker = document.getElementById('condition-fields');
  var timer = null;
  var asked = 0;

  if (picker && condition) {
    picker.addEventListener('change', function () {
      if (!picker.value) {
        return;
      }
      var start = condition.selectionStart, end = condition.selectionEnd, text = condition.value;
      condition.value = text.slice(0, start) + picker.value + text.slice(end);
      condition.focus();
      condition.selectionStart = condition.selectionEnd = start + picker.value.length;
      picker.value = '';
      schedule();
    });
  }

  function show(field, error) {
    form.querySelectorAll('.tidings-field-error').forEach(function (place) {
      place.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (input) {
      input.removeAttribute('aria-invalid');
      input.classList.remove('tidings-invalid');
    });
    if (!error) {
      return;
    }
    var id = (field || 'key').replace(/\./g, '-');
    var place = document.getElementById('error-' + id);
    var input = document.getElementById('field-' + id);
    if (place) {
      place.textContent = error;
    }
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.classList.add('tidings-invalid');
    }
  }

  function check() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name !== 'csrf') {
        params.append(name, value);
      }
    });
    var mine = ++asked;
    fetch(checkUrl + '?' + params.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (mine === asked) {
          show(answer.field, answer.error);
          form.dataset.checked = String(mine);
        }
      })
      .catch(function () { /* the save checks again */ });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  // the reminder's fields of the chosen kind only
  function reminderFields() {
    var chosen = form.querySelector('input[name="reminder.kind"]:checked');
    var kind = chosen ? chosen.value : 'none';
    form.querySelectorAll('[data-reminder]').forEach(function (fields) {
      fields.hidden = fields.getAttribute('data-reminder').split(' ').indexOf(kind) < 0;
    });
  }
  form.querySelectorAll('input[name="reminder.kind"]').forEach(function (radio) {
    radio.addEventListener('change', reminderFields);
  });
  reminderFields();

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
}());
