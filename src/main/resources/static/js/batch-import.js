/*
 * The batch upload of the registration page (templates/contracts/new.html): sends the file, reads the streamed
 * answer (NDJSON, one line per contract file as the server finishes it, see docs/api.md), moves the progress bar,
 * announces progress in the status line (aria-live) and fills the table of results. The page works without this
 * script (the form posts and the server answers with the whole table when the batch is done). No inline script:
 * the texts come from data-msg-* attributes of the section, in the page's language.
 */
(function () {
  'use strict';
  var section = document.getElementById('batch');
  var form = document.getElementById('batch-form');
  if (!section || !form || !window.fetch || !window.TextDecoder || !window.FormData) return;
  var input = document.getElementById('f-batch');
  var button = form.querySelector('button[type=submit]');
  var box = document.getElementById('batch-progress');
  var bar = document.getElementById('batch-bar');
  var status = document.getElementById('batch-status');
  var table = document.getElementById('batch-results');
  var rows = table.tBodies[0];
  var contracts = section.getAttribute('data-contracts');

  function msg(name, args) {
    var text = section.getAttribute('data-msg-' + name) || name;
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args && args[i] !== undefined ? String(args[i]) : m; });
  }

  function cell(row, content) {
    var td = document.createElement('td');
    if (typeof content === 'string') td.textContent = content; else if (content) td.appendChild(content);
    row.appendChild(td);
    return td;
  }

  function addRow(item) {
    var row = document.createElement('tr');
    row.className = item.status === 201 ? 'accepted' : 'refused';
    cell(row, String(item.index + 1));
    if (item.status === 201) {
      var link = document.createElement('a');
      link.href = contracts + encodeURIComponent(item.id);
      link.textContent = item.number;
      cell(row, link);
      cell(row, msg('accepted'));
      cell(row, '');
    } else {
      cell(row, item.number === null || item.number === undefined ? msg('no-number') : item.number);
      cell(row, msg('refused-' + item.status));
      var list = document.createElement('ul');
      list.className = 'field-errors';
      (item.violations || []).forEach(function (v) {
        var li = document.createElement('li');
        li.textContent = v.path + ': ' + v.message;
        list.appendChild(li);
      });
      cell(row, list);
    }
    rows.appendChild(row);
  }

  var total = 0, done = 0, accepted = 0, lastSaid = 0;

  function say(text, now) {
    var t = Date.now();
    if (now || t - lastSaid > 1500) {   // a screen reader is not flooded with one announcement per file
      status.textContent = text;
      lastSaid = t;
    }
  }

  function line(data) {
    if (data.kind === 'started') {
      total = data.items;
      bar.max = total;
      bar.value = 0;
      box.hidden = false;
      table.hidden = false;
      say(msg('started', [total]), true);
    } else if (data.kind === 'item') {
      done++;
      if (data.status === 201) accepted++;
      bar.value = done;
      addRow(data);
      say(msg('progress', [done, total, accepted, done - accepted]), done === total);
    } else if (data.kind === 'summary') {
      bar.value = bar.max;
      say(msg('done', [data.items, data.accepted, data.refused]), true);
    } else if (data.kind === 'aborted') {
      say(msg('aborted', [data.detail]), true);
    } else if (data.kind === 'refused') {
      say(msg('failed', [data.message]), true);
    }
  }

  form.addEventListener('submit', function (event) {
    if (!input.files || input.files.length === 0) return;   // the server answers with the problem next to the field
    event.preventDefault();
    button.disabled = true;
    rows.textContent = '';
    total = done = accepted = 0;
    lastSaid = 0;
    fetch(form.action, {method: 'POST', body: new FormData(form), credentials: 'same-origin',
                        headers: {'Accept': 'application/x-ndjson'}})
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('application/x-ndjson') !== 0 || !response.body) {
          say(msg('failed', [response.status + ' ' + response.statusText]), true);
          return;
        }
        var reader = response.body.getReader();
        var decoder = new TextDecoder('utf-8');
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            buffer += decoder.decode(chunk.value || new Uint8Array(0), {stream: !chunk.done});
            var nl;
            while ((nl = buffer.indexOf('\n')) >= 0) {
              var text = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              if (text.trim()) line(JSON.parse(text));
            }
            if (chunk.done) {
              if (buffer.trim()) line(JSON.parse(buffer));
              return undefined;
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function (e) { say(msg('failed', [e.message]), true); })
      .then(function () { button.disabled = false; });
  });
}());
