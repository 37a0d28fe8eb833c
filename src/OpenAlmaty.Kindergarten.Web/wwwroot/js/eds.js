// ЭЦП in the browser: signs the XML a form carries (data-eds-form, data-eds-xml) and puts the
// signed XML in its hidden input (data-eds-result) before the form is sent. Three ways:
//  - NCALayer over wss://127.0.0.1:13579, spoken to by ncalayer-js-client (lib/, loaded before
//    this file): the commonUtils module (getActiveTokens, signXml with the storage chosen in the
//    list) or the basics module (sign, format xml, in NCALayer's own window);
//  - a PKCS#12 key file opened in the page with WebCrypto (eds-keyfile.js): the key never
//    leaves the computer;
//  - eGov Mobile on a phone (egov.js): the app signs, this page waits for the signed XML.
// The server writes the XML in canonical form, so it is hashed here as it is.
(function () {
  'use strict';

  var NCALAYER_URL = 'wss://127.0.0.1:13579';
  var DSIG = 'http://www.w3.org/2000/09/xmldsig#';

  function EdsError(code, detail) {
    this.code = code;
    this.detail = detail || '';
  }

  // --- NCALayer, through SIGEX's ncalayer-js-client (wwwroot/lib/ncalayer-js-client) ---------

  // One client, one connection per call: connect() takes NCALayer's greeting and makes the
  // library's KAZTOKEN probe, then the one call, then the socket is closed. A connection kept
  // for the page would leave a later call waiting for ever if NCALayer was restarted meanwhile.
  // The person may take minutes in NCALayer's window: there is no answer timeout.
  function ncaLayer(call) {
    var Client = window.NCALayerClient;
    if (!Client) return Promise.reject(new EdsError('ncalayer-error', 'ncalayer-client.js'));
    // false: the KAZTOKEN HTTP API is for CMS only; the portal signs XML over the WebSocket.
    var client = new Client(NCALAYER_URL, false);
    function open() { return client.wsConnection && client.wsConnection.readyState === WebSocket.OPEN; }
    function close() { try { if (client.wsConnection) client.wsConnection.close(); } catch (e) { /* already closed */ } }
    return client.connect()
      .then(function () {
        // The probe swallows a closed socket: a call on it would never be answered.
        if (!open()) throw new EdsError('no-ncalayer');
        return call(client, Client);
      }, function () { throw new EdsError('no-ncalayer'); })
      .then(function (value) { close(); return value; }, function (error) {
        var failure = error instanceof EdsError ? error
          // commonUtils says a closed window as "500: action.canceled"; basics with an empty body.
          : error && (error.canceledByUser || /action\.canceled/.test(error.message)) ? new EdsError('canceled')
          // NCALayer quit while its window was open.
          : !open() ? new EdsError('no-ncalayer')
          : new EdsError('ncalayer-error', error && error.message);
        close();
        throw failure;
      });
  }

  function activeTokens() {
    return ncaLayer(function (client) { return client.getActiveTokens(); })
      .then(function (tokens) { return tokens || []; });
  }

  // commonUtils: the storage chosen in the list (PKCS12 or a token), the key by its type.
  function signWithCommonUtils(storage, keyType, xml) {
    return ncaLayer(function (client) { return client.signXml(storage, xml, keyType, '', ''); });
  }

  // basics: NCALayer's own window offers every storage and the keys with the usage asked.
  function signWithBasics(keyType, xml, signer) {
    return ncaLayer(function (client, Client) {
      var signerParams = keyType === 'AUTHENTICATION' ? Client.basicsSignerAuthAny : Client.basicsSignerSignAny;
      // Without a chain NCALayer offers only keys of NCA's production CA: the demo and test keys
      // need "any chain", allowed only where the portal trusts them.
      if (signer.dataset.edsTestCerts === 'true') signerParams.chain = [];
      var locale = signer.dataset.edsLocale === 'kk' ? 'kk' : 'ru';
      return client.basicsSignXML(Client.basicsStorageAll, xml, Client.basicsXMLParams, signerParams, locale);
    }).then(function (result) {
      var signed = Array.isArray(result) ? result[0] : result;
      if (!signed) throw new EdsError('canceled');
      return signed;
    });
  }

  // --- the key file in the page -----------------------------------------------------------

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(new EdsError('bad-password')); };
      reader.readAsArrayBuffer(file);
    });
  }

  // The enveloped signature NCALayer writes for an RSA key, as the last child of the root.
  // SignedInfo is written in its canonical form, with the namespace it inherits.
  function signedInfoFor(digest) {
    return '<ds:SignedInfo xmlns:ds="' + DSIG + '">' +
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"></ds:CanonicalizationMethod>' +
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"></ds:SignatureMethod>' +
      '<ds:Reference URI=""><ds:Transforms>' +
      '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"></ds:Transform>' +
      '<ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"></ds:Transform>' +
      '</ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod>' +
      '<ds:DigestValue>' + digest + '</ds:DigestValue></ds:Reference></ds:SignedInfo>';
  }

  function envelop(xml, signedInfo, signatureValue, certificate) {
    var signature = '<ds:Signature xmlns:ds="' + DSIG + '">' +
      signedInfo.replace(' xmlns:ds="' + DSIG + '"', '') +
      '<ds:SignatureValue>' + signatureValue + '</ds:SignatureValue>' +
      '<ds:KeyInfo><ds:X509Data><ds:X509Certificate>' + certificate +
      '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>';
    var end = xml.lastIndexOf('</');
    return xml.slice(0, end) + signature + xml.slice(end);
  }

  // The file is opened and the signature made by the browser's WebCrypto (eds-keyfile.js).
  function signWithFile(xml, file, password) {
    var keyFile = window.OpenAlmatyKeyFile;
    return readFile(file)
      .then(function (buffer) { return keyFile.open(buffer, password); })
      .then(function (key) {
        return keyFile.sha256Base64(xml).then(function (digest) {
          var signedInfo = signedInfoFor(digest);
          return key.sign(new TextEncoder().encode(signedInfo))
            .then(function (value) { return envelop(xml, signedInfo, value, key.certificate); });
        });
      })
      .then(null, function (e) { throw e instanceof EdsError ? e : new EdsError(e && e.code ? e.code : 'bad-password'); });
  }

  // The way of signing last chosen, on this computer: the login page and every sign form start
  // with it (a parent with a key file is not sent to NCALayer again).
  var REMEMBERED = 'oa.eds.storage';
  function remembered() {
    try { return window.localStorage.getItem(REMEMBERED); } catch (e) { return null; }
  }
  function remember(value) {
    try { window.localStorage.setItem(REMEMBERED, value); } catch (e) { /* private mode: not kept */ }
  }

  // --- the page ---------------------------------------------------------------------------

  function setUp(form) {
    var signer = form.querySelector('[data-eds-signer]');
    var storage = form.querySelector('[data-eds-storage]');
    var fileFields = form.querySelector('[data-eds-file-fields]');
    var status = form.querySelector('[data-eds-status]');
    var result = form.querySelector('[data-eds-result]');
    var submit = form.querySelector('[data-eds-submit]');
    var keyType = signer.dataset.edsKeyType;
    var tokenNames = JSON.parse(signer.dataset.edsTokenNames || '{}');

    var pressed = false;
    function show(kind, code, detail) {
      var template = signer.querySelector('[data-eds-message="' + code + '"]');
      status.className = 'alert alert-' + kind;
      status.replaceChildren();
      if (template) status.append.apply(status, Array.prototype.map.call(template.childNodes, function (n) { return n.cloneNode(true); }));
      if (detail) status.append(' ' + detail);
      status.dataset.edsState = code;
      // On a phone the sign button's bar sticks to the bottom of the screen: a message the bar
      // or the scroll position hides is brought into view (site.css leaves room for the bar).
      // Only after the person pressed the button: a page that opens does not jump.
      if (pressed && status.scrollIntoView && form.querySelector('.oa-sign-actions')) status.scrollIntoView({ block: 'nearest' });
    }

    function choose(value) {
      if (value && storage.querySelector('option[value="' + CSS.escape(value) + '"]')) storage.value = value;
    }

    // Tokens plugged in (Казтокен, ID card…) join the list when NCALayer answers. Asked only
    // when an NCALayer way is chosen: with the key file, the page never knocks on NCALayer.
    var probed = false;
    function probeNcaLayer() {
      if (probed) return;
      probed = true;
      activeTokens().then(function (tokens) {
        tokens.forEach(function (token) {
          if (storage.querySelector('option[value="' + CSS.escape(token) + '"]')) return;
          var option = document.createElement('option');
          option.value = token;
          option.textContent = tokenNames[token] || token;
          storage.insertBefore(option, storage.querySelector('option[value="basics"]'));
        });
        choose(remembered());
        signer.dataset.edsNcalayer = 'ready';
      }, function () {
        signer.dataset.edsNcalayer = 'absent';
      });
    }

    function onStorageChange() {
      fileFields.hidden = storage.value !== 'file';
      if (storage.value !== 'file') probeNcaLayer();
    }
    choose(remembered());
    storage.addEventListener('change', function () {
      remember(storage.value);
      onStorageChange();
    });
    onStorageChange();
    // Without JavaScript the form stays disabled and says why (the <noscript> in _EdsSigner).
    form.querySelectorAll('[data-eds-needs-script]').forEach(function (element) { element.disabled = false; });
    if (submit) submit.disabled = false;

    form.addEventListener('submit', function (event) {
      pressed = true;
      if (result.value) return;
      event.preventDefault();
      var xml = form.dataset.edsXml;
      var chosen = storage.value;
      var signing;
      if (chosen === 'file') {
        var file = form.querySelector('[data-eds-file]').files[0];
        var password = form.querySelector('[data-eds-password]').value;
        if (!file || !password) { show('warning', 'no-file'); return; }
        show('info', 'signing');
        signing = signWithFile(xml, file, password);
      } else if (chosen === 'egov' && window.OaEgov) {
        show('info', 'egov-waiting');
        signing = window.OaEgov.sign(form, signer);
      } else {
        show('info', 'waiting');
        signing = chosen === 'basics' ? signWithBasics(keyType, xml, signer) : signWithCommonUtils(chosen, keyType, xml);
      }
      if (submit) submit.disabled = true;
      signing.then(function (signed) {
        // eGov Mobile's sign-in: the browser is signed in already; go where the portal says.
        if (signed && signed.redirect) { show('success', 'sending'); window.location.assign(signed.redirect); return; }
        result.value = signed;
        show('success', 'sending');
        form.submit();
      }, function (error) {
        if (submit) submit.disabled = false;
        var known = error instanceof EdsError || (error && error.code === 'egov-refused');
        var code = known ? error.code : 'ncalayer-error';
        show(code === 'canceled' ? 'secondary' : 'danger', code, known ? error.detail : String(error));
      });
    });
  }

  document.querySelectorAll('form[data-eds-form]').forEach(setUp);
})();
