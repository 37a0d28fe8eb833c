// ЭЦП in the browser: signs the XML a form carries (data-eds-form, data-eds-xml) and puts the
// signed XML in its hidden input (data-eds-result) before the form is sent. Two ways:
//  - NCALayer over wss://127.0.0.1:13579: the commonUtils module (getActiveTokens, signXml with
//    the storage chosen in the list) or the basics module (sign, format xml);
//  - a PKCS#12 key file opened here with node-forge: the key never leaves the computer;
//  - eGov Mobile on a phone (egov.js): the app signs, this page waits for the signed XML.
// The server writes the XML in canonical form, so it is hashed here as it is.
(function () {
  'use strict';

  var NCALAYER_URL = 'wss://127.0.0.1:13579';
  var DSIG = 'http://www.w3.org/2000/09/xmldsig#';
  var EKU = { AUTHENTICATION: '1.3.6.1.5.5.7.3.2', SIGNATURE: '1.3.6.1.5.5.7.3.4' };
  var ALL_STORAGES = ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken72KStore', 'AKEToken5110Store', 'AKJaCartaStore', 'AKAKEYStore'];

  function EdsError(code, detail) {
    this.code = code;
    this.detail = detail || '';
  }

  // --- NCALayer ---------------------------------------------------------------------------

  // One request per connection: NCALayer greets with {"result":{"version":…}}, then answers
  // the request; the person may take minutes to choose a key, so there is no answer timeout.
  function ncaLayerCall(request) {
    return new Promise(function (resolve, reject) {
      var ws, sent = false, done = false, greetTimer = null;
      function finish(ok, value) {
        if (done) return;
        done = true;
        clearTimeout(greetTimer);
        try { ws.close(); } catch (e) { /* already closed */ }
        (ok ? resolve : reject)(value);
      }
      function send() {
        if (sent || done) return;
        sent = true;
        ws.send(JSON.stringify(request));
      }
      try {
        ws = new WebSocket(NCALAYER_URL);
      } catch (e) {
        reject(new EdsError('no-ncalayer'));
        return;
      }
      ws.onopen = function () { greetTimer = setTimeout(send, 1500); };
      ws.onmessage = function (event) {
        var message;
        try { message = JSON.parse(event.data); } catch (e) { finish(false, new EdsError('ncalayer-error', String(event.data))); return; }
        if (message && message.result && message.result.version && !('code' in message) && !('status' in message)) {
          send();
          return;
        }
        if (sent) finish(true, message);
      };
      ws.onerror = function () { finish(false, new EdsError(sent ? 'ncalayer-error' : 'no-ncalayer', sent ? 'connection lost' : '')); };
      ws.onclose = function () { finish(false, new EdsError(sent ? 'ncalayer-error' : 'no-ncalayer', sent ? 'connection closed' : '')); };
    });
  }

  function commonUtilsResult(message) {
    if (message.code === '200') return message.responseObject;
    if (message.message === 'action.canceled') throw new EdsError('canceled');
    throw new EdsError('ncalayer-error', message.message || message.code || '');
  }

  function activeTokens() {
    return ncaLayerCall({ module: 'kz.gov.pki.knca.commonUtils', method: 'getActiveTokens' })
      .then(function (message) { return commonUtilsResult(message) || []; });
  }

  function signWithCommonUtils(storage, keyType, xml) {
    return ncaLayerCall({ module: 'kz.gov.pki.knca.commonUtils', method: 'signXml', args: [storage, keyType, xml, '', ''] })
      .then(commonUtilsResult);
  }

  function signWithBasics(keyType, xml, signer) {
    return ncaLayerCall({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        allowedStorages: ALL_STORAGES,
        format: 'xml',
        data: xml,
        signingParams: { decode: false, encapsulate: true, digested: false, tsaProfile: null },
        signerParams: { extKeyUsageOids: [EKU[keyType]], iin: '', bin: '', serialNumber: '', chain: signer.dataset.edsTestCerts === 'true' ? [] : null },
        locale: signer.dataset.edsLocale === 'kk' ? 'kk' : 'ru'
      }
    }).then(function (message) {
      if (message.status === true) {
        if (message.body && message.body.result && message.body.result.length) return message.body.result[0];
        throw new EdsError('canceled');
      }
      throw new EdsError('ncalayer-error', message.message || message.code || '');
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

  // forge re-encodes a parsed certificate from its fields, which may not give back the CA's
  // signed bytes; keep each certificate's own DER while the PKCS#12 is read.
  function openPkcs12(der, password) {
    var parse = forge.pki.certificateFromAsn1;
    forge.pki.certificateFromAsn1 = function (obj, computeHash) {
      var cert = parse(obj, computeHash);
      cert.edsDer = forge.asn1.toDer(obj).getBytes();
      return cert;
    };
    try {
      return forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
    } finally {
      forge.pki.certificateFromAsn1 = parse;
    }
  }

  function keyAndCertificate(p12) {
    var oids = forge.pki.oids;
    var keys = (p12.getBags({ bagType: oids.pkcs8ShroudedKeyBag })[oids.pkcs8ShroudedKeyBag] || [])
      .concat(p12.getBags({ bagType: oids.keyBag })[oids.keyBag] || []);
    var certs = p12.getBags({ bagType: oids.certBag })[oids.certBag] || [];
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i].key;
      if (!key || !key.n) continue;
      for (var j = 0; j < certs.length; j++) {
        var cert = certs[j].cert;
        if (cert && cert.publicKey && cert.publicKey.n && cert.publicKey.n.equals(key.n)) return { key: key, cert: cert };
      }
    }
    throw new EdsError(keys.concat(certs).some(isGost) ? 'gost' : 'not-rsa');
  }

  // This way signs with RSA keys only: a GOST key (NCA's OIDs 1.2.398.3.10.1.1.…, DER 2A 83 0E 03
  // 0A 01 01) is left unread by forge, which keeps the bag's ASN.1; say so rather than "no key".
  function isGost(bag) {
    return !!bag.asn1 && forge.asn1.toDer(bag.asn1).getBytes().indexOf('\x2a\x83\x0e\x03\x0a\x01\x01') >= 0;
  }

  function sha256Base64(text) {
    var md = forge.md.sha256.create();
    md.update(text, 'utf8');
    return forge.util.encode64(md.digest().getBytes());
  }

  // The enveloped signature NCALayer writes for an RSA key, as the last child of the root.
  // SignedInfo is written in its canonical form, with the namespace it inherits.
  function envelop(xml, key, cert) {
    var signedInfo = '<ds:SignedInfo xmlns:ds="' + DSIG + '">' +
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"></ds:CanonicalizationMethod>' +
      '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"></ds:SignatureMethod>' +
      '<ds:Reference URI=""><ds:Transforms>' +
      '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"></ds:Transform>' +
      '<ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"></ds:Transform>' +
      '</ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod>' +
      '<ds:DigestValue>' + sha256Base64(xml) + '</ds:DigestValue></ds:Reference></ds:SignedInfo>';
    var md = forge.md.sha256.create();
    md.update(signedInfo, 'utf8');
    var signature = '<ds:Signature xmlns:ds="' + DSIG + '">' +
      signedInfo.replace(' xmlns:ds="' + DSIG + '"', '') +
      '<ds:SignatureValue>' + forge.util.encode64(key.sign(md)) + '</ds:SignatureValue>' +
      '<ds:KeyInfo><ds:X509Data><ds:X509Certificate>' + forge.util.encode64(cert.edsDer) +
      '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>';
    var end = xml.lastIndexOf('</');
    return xml.slice(0, end) + signature + xml.slice(end);
  }

  function signWithFile(xml, file, password) {
    return readFile(file).then(function (buffer) {
      var p12;
      try {
        p12 = openPkcs12(forge.util.binary.raw.encode(new Uint8Array(buffer)), password);
      } catch (e) {
        throw new EdsError(/MAC|password|decrypt/i.test(String(e && e.message)) || !password ? 'bad-password' : 'not-rsa');
      }
      var pair = keyAndCertificate(p12);
      return envelop(xml, pair.key, pair.cert);
    });
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

    function show(kind, code, detail) {
      var template = signer.querySelector('[data-eds-message="' + code + '"]');
      status.className = 'alert alert-' + kind;
      status.replaceChildren();
      if (template) status.append.apply(status, Array.prototype.map.call(template.childNodes, function (n) { return n.cloneNode(true); }));
      if (detail) status.append(' ' + detail);
      status.dataset.edsState = code;
    }

    function onStorageChange() {
      fileFields.hidden = storage.value !== 'file';
    }
    storage.addEventListener('change', onStorageChange);
    onStorageChange();

    // Tokens plugged in (Казтокен, ID card…) join the list when NCALayer answers.
    activeTokens().then(function (tokens) {
      tokens.forEach(function (token) {
        if (storage.querySelector('option[value="' + CSS.escape(token) + '"]')) return;
        var option = document.createElement('option');
        option.value = token;
        option.textContent = tokenNames[token] || token;
        storage.insertBefore(option, storage.querySelector('option[value="basics"]'));
      });
      signer.dataset.edsNcalayer = 'ready';
    }, function () {
      signer.dataset.edsNcalayer = 'absent';
    });

    form.addEventListener('submit', function (event) {
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
