// eGov Mobile in the browser (../shared/docs/egov-mobile.md): for a form's signer
// (data-egov-start), starts a signing transaction for the form's nonce or request, shows the
// QR code (desktop) and the button that opens the app (phone), and waits for the outcome of
// its own transaction. eds.js calls OaEgov.sign(form, signer) when «eGov Mobile» is chosen:
// for an action it sends the signed XML exactly as it sends NCALayer's; for sign-in the phone's
// answer has signed the person in, the poll that finds it gets this browser the session's cookie,
// and the page goes where it says.
(function () {
  'use strict';

  var POLL_MS = 1500;

  function refused(detail) {
    return { code: 'egov-refused', detail: detail || '' };
  }

  function start(form, signer) {
    var body = new FormData();
    ['__RequestVerificationToken', 'nonce', 'issued', 'requestId', 'returnUrl'].forEach(function (name) {
      var input = form.querySelector('input[name="' + name + '"]');
      if (input) body.append(name, input.value);
    });
    return fetch(signer.dataset.egovStart, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw refused(json.message);
          return json;
        }, function () { throw refused(String(response.status)); });
      });
  }

  function show(signer, started) {
    var panel = signer.querySelector('[data-egov-panel]');
    panel.querySelector('[data-egov-qr]').src = started.qrImage;
    panel.dataset.egovQrText = started.qrText;
    panel.querySelector('[data-egov-app]').href = started.appLink;
    var phone = panel.querySelector('[data-egov-phone]');
    phone.hidden = !started.phoneUrl;
    if (started.phoneUrl) phone.href = started.phoneUrl;
    panel.hidden = false;
  }

  function wait(statusUrl) {
    return new Promise(function (resolve, reject) {
      function poll() {
        fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
          return response.json().then(function (json) { return { ok: response.ok, json: json }; });
        }).then(function (answer) {
          if (!answer.ok) { reject(refused(answer.json.message)); return; }
          if (answer.json.status === 'signed-in') { resolve({ redirect: answer.json.redirect }); return; }
          if (answer.json.status === 'signed') { resolve(answer.json.signedXml); return; }
          if (answer.json.status !== 'pending') { reject(refused(answer.json.message)); return; }
          setTimeout(poll, POLL_MS);
        }, function () {
          // The network dropped for a moment (a phone switching apps): keep waiting.
          setTimeout(poll, POLL_MS * 2);
        });
      }
      // Nobody scans a code and confirms in the app within the first moments: the first look
      // comes after one interval, not at once.
      setTimeout(poll, POLL_MS);
    });
  }

  window.OaEgov = {
    sign: function (form, signer) {
      var panel = signer.querySelector('[data-egov-panel]');
      return start(form, signer).then(function (started) {
        show(signer, started);
        return wait(started.statusUrl);
      }).then(function (signed) {
        panel.hidden = true;
        return signed;
      }, function (error) {
        panel.hidden = true;
        throw error;
      });
    },
  };

  // A phone has no NCALayer: there the app is the way to sign, chosen from the start — unless
  // the person already chose a way (eds.js keeps it under 'oa.eds.storage'), e.g. the key file.
  function chosenBefore() {
    try { return window.localStorage.getItem('oa.eds.storage'); } catch (e) { return null; }
  }
  document.querySelectorAll('[data-egov-start]').forEach(function (signer) {
    if (!signer.dataset.egovStart) return;
    var storage = signer.querySelector('[data-eds-storage]');
    if (storage && !chosenBefore() && window.matchMedia('(max-width: 767.98px)').matches) {
      storage.value = 'egov';
      storage.dispatchEvent(new Event('change'));
    }
  });
})();
