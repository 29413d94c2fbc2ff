// The public web form page (GET /contact): posts the form as JSON to /api/v1/public/webform with its proof of work,
// then shows the ticket number, or the server's field errors beside the fields. No inline script: the page's
// Content-Security-Policy allows scripts from this origin only.
'use strict';

(() => {
  const VERSION = 'rapport-webform-proof/1';
  const FIELDS = ['name', 'email', 'phone', 'subject', 'message'];
  const form = document.getElementById('webform');
  if (!form || !window.crypto || !crypto.subtle || !window.fetch) {
    return;
  }
  const status = document.getElementById('webform-status');
  const button = form.querySelector('button[type=submit]');
  const encoder = new TextEncoder();
  // The server's time when the page was served, carried forward by the browser's monotonic clock: the proof's day
  // is the server's UTC day, whatever the visitor's clock says.
  const servedAt = Number(form.dataset.now);
  const loadedAt = performance.now();
  // The channel's default; a server configured for more refuses the proof, and the page seeks more, up to the most.
  let bits = Number(form.dataset.proofBits) || 0;
  const MOST_BITS = 24;

  function serverDay() {
    return new Date(servedAt + (performance.now() - loadedAt)).toISOString().slice(0, 10);
  }

  function startsWithZeroBits(digest, count) {
    for (let bit = 0; bit < count; bit++) {
      if (digest[bit >> 3] & (0x80 >> (bit & 7))) {
        return false;
      }
    }
    return true;
  }

  /** Counts up from 0 until SHA-256(version, day, message, proof) starts with the asked zero bits. */
  async function proofOfWork(message, day, bits) {
    const prefix = VERSION + '\n' + day + '\n' + message + '\n';
    for (let nonce = 0; ; nonce++) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(prefix + nonce)));
      if (startsWithZeroBits(digest, bits)) {
        return String(nonce);
      }
    }
  }

  function clearErrors() {
    for (const name of FIELDS) {
      const control = form.elements.namedItem(name);
      control.removeAttribute('aria-invalid');
      document.getElementById(name + '-error').textContent = '';
    }
  }

  function showErrors(errors) {
    const elsewhere = [];
    let first = null;
    for (const error of errors) {
      const slot = FIELDS.includes(error.field) && document.getElementById(error.field + '-error');
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + ' ' + error.message : error.message;
        const control = form.elements.namedItem(error.field);
        control.setAttribute('aria-invalid', 'true');
        first = first || control;
      } else {
        elsewhere.push(error.field + ': ' + error.message);
      }
    }
    say([form.dataset.textFailed].concat(elsewhere).join(' '), 'error');
    (first || status).focus();
  }

  function say(text, kind) {
    status.textContent = text;
    status.className = 'status' + (kind ? ' ' + kind : '');
  }

  function value(name) {
    return form.elements.namedItem(name).value.trim();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    clearErrors();
    say(form.dataset.textSending, 'busy');
    try {
      const body = {};
      for (const name of FIELDS) {
        body[name] = value(name);
      }
      body.website = form.elements.namedItem('website').value;
      let response;
      let answer;
      for (;;) {
        if (bits > 0) {
          body.proof = await proofOfWork(body.message, serverDay(), bits);
        }
        response = await fetch(form.getAttribute('action'), {
          method: 'POST',
          headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
          body: JSON.stringify(body),
          credentials: 'omit',
        });
        answer = await response.json().catch(() => ({}));
        const proofOnly = response.status === 422 && Array.isArray(answer.errors) && answer.errors.length > 0
            && answer.errors.every((error) => error.field === 'proof');
        if (!proofOnly || bits >= MOST_BITS) {
          break;
        }
        bits = Math.min(MOST_BITS, Math.max(bits, 8) + 4);
      }
      if (response.status === 202 && answer.ticketNumber) {
        form.reset();
        const number = document.createElement('strong');
        number.className = 'ticket-number';
        number.textContent = answer.ticketNumber;
        const [before, after] = form.dataset.textSent.split('{0}');
        status.replaceChildren(before, number, after || '');
        status.className = 'status success';
        status.focus();
      } else if (response.status === 422 && Array.isArray(answer.errors)) {
        showErrors(answer.errors);
      } else {
        say(response.status === 429 ? form.dataset.textLimited : form.dataset.textUnavailable, 'error');
        status.focus();
      }
    } catch (e) {
      say(form.dataset.textUnavailable, 'error');
      status.focus();
    } finally {
      button.disabled = false;
    }
  });
})();
