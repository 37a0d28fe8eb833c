// The key file opened in the page: a PKCS#12 (.p12) read with node-forge's ASN.1 parser only;
// the heavy work is the browser's own WebCrypto (PBKDF2, AES-CBC, SHA-256, RSASSA-PKCS1-v1_5).
// Forge's own PKCS#12 reader and RSA took 4–5 s of a phone's CPU per signature (issue 15).
// What it reads, as NCA's and other tools' files are made:
//  - PKCS#12 PBE pbeWithSHAAnd3-KeyTripleDES-CBC / 2-Key / 40- and 128-bit RC2 (NCA's files,
//    Kalkan, older Java and OpenSSL, .NET's Pkcs12TripleDesSha1: the demo keys): the PKCS#12
//    key derivation (RFC 7292 B.2) with the SHA-1 below on typed arrays, 3DES/RC2 by forge on
//    a few kilobytes;
//  - PBES2 (PBKDF2 with HMAC-SHA-1/256/384/512 and AES-128/192/256-CBC: OpenSSL 3, Java 18+,
//    .NET's AES exports) entirely in WebCrypto.
// The MAC is checked when it is HMAC-SHA-1 (a wrong password is then said at once); otherwise a
// wrong password shows as a key that does not decrypt.
(function () {
  'use strict';

  var OID = {
    data: '1.2.840.113549.1.7.1', encryptedData: '1.2.840.113549.1.7.6',
    keyBag: '1.2.840.113549.1.12.10.1.1', shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3',
    x509: '1.2.840.113549.1.9.22.1', rsa: '1.2.840.113549.1.1.1', sha1: '1.3.14.3.2.26',
    pbes2: '1.2.840.113549.1.5.13', pbkdf2: '1.2.840.113549.1.5.12', tripleDes: '1.2.840.113549.3.7',
    gost: '1.2.398.3.10.1.1'
  };
  // PKCS#12 PBE: [key bytes, iv bytes, cipher]
  var PKCS12_PBE = {
    '1.2.840.113549.1.12.1.3': [24, 8, '3DES'], '1.2.840.113549.1.12.1.4': [16, 8, '3DES'],
    '1.2.840.113549.1.12.1.5': [16, 8, 'RC2'], '1.2.840.113549.1.12.1.6': [5, 8, 'RC2']
  };
  var PRF = { '1.2.840.113549.2.7': 'SHA-1', '1.2.840.113549.2.9': 'SHA-256', '1.2.840.113549.2.10': 'SHA-384', '1.2.840.113549.2.11': 'SHA-512' };
  var AES = { '2.16.840.1.101.3.4.1.2': 16, '2.16.840.1.101.3.4.1.22': 24, '2.16.840.1.101.3.4.1.42': 32 };

  function Failure(code) { this.code = code; }

  // --- bytes and ASN.1 (forge's parser; its values are binary strings) ---------------------

  function bytes(binary) {
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  function binary(u8) {
    var s = '';
    for (var i = 0; i < u8.length; i += 8192) s += String.fromCharCode.apply(null, u8.subarray(i, i + 8192));
    return s;
  }
  function parse(binaryDer) { return forge.asn1.fromDer(binaryDer, { strict: false, decodeBitStrings: false }); }
  function der(node) { return forge.asn1.toDer(node).getBytes(); }
  function oid(node) { return forge.asn1.derToOid(node.value); }
  function int(node) { return parseInt(forge.util.bytesToHex(node.value), 16); }
  // An OCTET STRING as BER may come in pieces (Java writes the authSafe that way).
  function octets(node) {
    return typeof node.value === 'string' ? node.value : node.value.map(octets).join('');
  }

  // --- SHA-1 on typed arrays for the PKCS#12 key derivation (thousands of tiny hashes) ------

  var W = new Int32Array(80);
  function sha1(msg) {
    var len = msg.length, blocks = ((len + 8) >> 6) + 1, words = new Int32Array(blocks * 16);
    for (var i = 0; i < len; i++) words[i >> 2] |= msg[i] << (24 - (i & 3) * 8);
    words[len >> 2] |= 0x80 << (24 - (len & 3) * 8);
    words[blocks * 16 - 1] = len * 8;
    var h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
    for (var b = 0; b < words.length; b += 16) {
      for (var t = 0; t < 16; t++) W[t] = words[b + t];
      for (t = 16; t < 80; t++) { var x = W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16]; W[t] = (x << 1) | (x >>> 31); }
      var a = h0, bb = h1, c = h2, d = h3, e = h4;
      for (t = 0; t < 80; t++) {
        var f = t < 20 ? ((bb & c) | (~bb & d)) + 0x5a827999 : t < 40 ? (bb ^ c ^ d) + 0x6ed9eba1
          : t < 60 ? ((bb & c) | (bb & d) | (c & d)) - 0x70e44324 : (bb ^ c ^ d) - 0x359d3e2a;
        var tmp = (((a << 5) | (a >>> 27)) + f + e + W[t]) | 0;
        e = d; d = c; c = (bb << 30) | (bb >>> 2); bb = a; a = tmp;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
    }
    var out = new Uint8Array(20), hs = [h0, h1, h2, h3, h4];
    for (i = 0; i < 20; i++) out[i] = hs[i >> 2] >>> (24 - (i & 3) * 8);
    return out;
  }

  // RFC 7292 appendix B.2 with SHA-1 (u = 20, v = 64); id 1 key, 2 IV, 3 MAC key.
  function pkcs12Kdf(password, salt, iterations, id, n) {
    var v = 64, u = 20;
    var pw = new Uint8Array(password.length * 2 + 2);
    for (var i = 0; i < password.length; i++) { pw[2 * i] = password.charCodeAt(i) >> 8; pw[2 * i + 1] = password.charCodeAt(i) & 255; }
    function repeat(src) {
      var out = new Uint8Array(src.length ? v * Math.ceil(src.length / v) : 0);
      for (var k = 0; k < out.length; k++) out[k] = src[k % src.length];
      return out;
    }
    var s = repeat(salt), p = repeat(pw), I = new Uint8Array(s.length + p.length);
    I.set(s); I.set(p, s.length);
    var result = new Uint8Array(n), D = new Uint8Array(v).fill(id);
    for (var done = 0; done < n; done += u) {
      var input = new Uint8Array(v + I.length);
      input.set(D); input.set(I, v);
      var A = sha1(input);
      for (var r = 1; r < iterations; r++) A = sha1(A);
      result.set(A.subarray(0, Math.min(u, n - done)), done);
      for (var j = 0; j < I.length; j += v) {
        var carry = 1;
        for (var k = v - 1; k >= 0; k--) { carry += I[j + k] + A[k % u]; I[j + k] = carry & 255; carry >>= 8; }
      }
    }
    return result;
  }

  // --- decryption ---------------------------------------------------------------------------

  function forgeDecrypt(cipher, key, iv, data) {
    var d;
    if (cipher === '3DES') {
      if (key.length === 16) { var k = new Uint8Array(24); k.set(key); k.set(key.subarray(0, 8), 16); key = k; }
      d = forge.cipher.createDecipher('3DES-CBC', binary(key));
      d.start({ iv: binary(iv) });
    } else {
      d = forge.rc2.createDecryptionCipher(binary(key), key.length * 8);
      d.start(binary(iv));
    }
    d.update(forge.util.createBuffer(data));
    if (!d.finish()) throw new Failure('bad-password');
    return d.output.getBytes();
  }

  // AlgorithmIdentifier + ciphertext (binary strings) -> plaintext binary string.
  function decrypt(algorithm, data, password) {
    var id = oid(algorithm.value[0]);
    if (PKCS12_PBE[id]) {
      var params = algorithm.value[1], salt = bytes(params.value[0].value), rounds = int(params.value[1]);
      var spec = PKCS12_PBE[id];
      var key = pkcs12Kdf(password, salt, rounds, 1, spec[0]), iv = pkcs12Kdf(password, salt, rounds, 2, spec[1]);
      return Promise.resolve(forgeDecrypt(spec[2], key, iv, data));
    }
    if (id !== OID.pbes2) return Promise.reject(new Failure('unsupported'));
    var kdf = algorithm.value[1].value[0], scheme = algorithm.value[1].value[1];
    if (oid(kdf.value[0]) !== OID.pbkdf2) return Promise.reject(new Failure('unsupported'));
    var kp = kdf.value[1].value, pbSalt = bytes(kp[0].value), iterations = int(kp[1]);
    var prfNode = kp.filter(function (n) { return n.type === forge.asn1.Type.SEQUENCE; })[0];
    var hash = prfNode ? PRF[oid(prfNode.value[0])] : 'SHA-1';
    var cipherId = oid(scheme.value[0]), iv2 = bytes(scheme.value[1].value);
    var keyBytes = AES[cipherId] || (cipherId === OID.tripleDes ? 24 : 0);
    if (!hash || !keyBytes) return Promise.reject(new Failure('unsupported'));
    var subtle = crypto.subtle;
    return subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
      .then(function (base) { return subtle.deriveBits({ name: 'PBKDF2', salt: pbSalt, iterations: iterations, hash: hash }, base, keyBytes * 8); })
      .then(function (bits) {
        var raw = new Uint8Array(bits);
        if (!AES[cipherId]) return forgeDecrypt('3DES', raw, iv2, data);
        return subtle.importKey('raw', raw, 'AES-CBC', false, ['decrypt'])
          .then(function (key) { return subtle.decrypt({ name: 'AES-CBC', iv: iv2 }, key, bytes(data)); })
          .then(function (plain) { return binary(new Uint8Array(plain)); }, function () { throw new Failure('bad-password'); });
      });
  }

  // --- the PKCS#12 structure ----------------------------------------------------------------

  // A wrong password usually shows here, before anything is decrypted.
  function checkMac(pfx, authSafe, password) {
    var macData = pfx.value[2];
    if (!macData) return Promise.resolve();
    var digestInfo = macData.value[0];
    if (oid(digestInfo.value[0].value[0]) !== OID.sha1) return Promise.resolve();
    var salt = bytes(macData.value[1].value), rounds = macData.value[2] ? int(macData.value[2]) : 1;
    var key = pkcs12Kdf(password, salt, rounds, 3, 20);
    return crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['verify'])
      .then(function (k) { return crypto.subtle.verify('HMAC', k, bytes(digestInfo.value[1].value), bytes(authSafe)); })
      .then(function (ok) { if (!ok) throw new Failure('bad-password'); });
  }

  // The bags of every SafeContents, encrypted ones decrypted: [{ id, value }].
  function bags(authSafe, password) {
    return Promise.all(parse(authSafe).value.map(function (info) {
      var type = oid(info.value[0]), content = info.value[1].value[0];
      if (type === OID.data) return Promise.resolve(octets(content));
      if (type !== OID.encryptedData) return Promise.resolve(null);
      var encrypted = content.value[1];
      return decrypt(encrypted.value[1], octets(encrypted.value[2]), password);
    })).then(function (contents) {
      var all = [];
      contents.forEach(function (safe) {
        if (safe !== null) parse(safe).value.forEach(function (bag) { all.push({ id: oid(bag.value[0]), value: bag.value[1].value[0] }); });
      });
      return all;
    });
  }

  // PrivateKeyInfo (binary DER) of each key bag.
  function privateKeys(list, password) {
    return Promise.all(list.map(function (bag) {
      if (bag.id === OID.keyBag) return der(bag.value);
      if (bag.id !== OID.shroudedKeyBag) return null;
      return decrypt(bag.value.value[0], octets(bag.value.value[1]), password);
    })).then(function (keys) { return keys.filter(function (k) { return k !== null; }); });
  }

  function modulus(rsaKeySequence) {
    return forge.util.bytesToHex(rsaKeySequence.value[rsaKeySequence.value.length > 2 ? 1 : 0].value).replace(/^(00)+/, '');
  }

  // The RSA key and the certificate with the same modulus.
  function pair(keys, list) {
    var certs = list.filter(function (b) { return b.id === OID.certBag && oid(b.value.value[0]) === OID.x509; })
      .map(function (b) { return octets(b.value.value[1].value[0]); });
    var sawGost = false;
    for (var i = 0; i < keys.length; i++) {
      var info;
      try { info = parse(keys[i]); } catch (e) { throw new Failure('bad-password'); }
      var algorithm = oid(info.value[1].value[0]);
      if (algorithm.indexOf(OID.gost) === 0) sawGost = true;
      if (algorithm !== OID.rsa) continue;
      var n = modulus(parse(info.value[2].value));
      for (var j = 0; j < certs.length; j++) {
        var spki = parse(certs[j]).value[0].value.filter(function (f) {
          return f.type === forge.asn1.Type.SEQUENCE && f.value.length === 2 && f.value[0].type === forge.asn1.Type.SEQUENCE
            && f.value[1].type === forge.asn1.Type.BITSTRING;
        })[0];
        if (spki && oid(spki.value[0].value[0]) === OID.rsa && modulus(parse(spki.value[1].value.slice(1))) === n)
          return { key: keys[i], cert: certs[j] };
      }
    }
    throw new Failure(sawGost ? 'gost' : 'not-rsa');
  }

  function base64(u8) { return btoa(binary(u8)); }

  /// Opens the file and signs: resolves { sign(bytes) -> Promise<base64>, certificate: base64 }.
  function open(buffer, password) {
    if (!window.crypto || !crypto.subtle) return Promise.reject(new Failure('insecure'));
    var pfx, authSafe;
    try {
      pfx = parse(binary(new Uint8Array(buffer)));
      authSafe = octets(pfx.value[1].value[1].value[0]);
    } catch (e) {
      return Promise.reject(new Failure('bad-password'));
    }
    var list;
    return checkMac(pfx, authSafe, password)
      .then(function () { return bags(authSafe, password); })
      .then(function (found) { list = found; return privateKeys(found, password); })
      .then(function (keys) {
        var chosen = pair(keys, list);
        return crypto.subtle.importKey('pkcs8', bytes(chosen.key), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
          .then(function (key) {
            return {
              certificate: btoa(chosen.cert),
              sign: function (data) { return crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data).then(function (s) { return base64(new Uint8Array(s)); }); }
            };
          }, function () { throw new Failure('bad-password'); });
      })
      .then(null, function (e) { throw e instanceof Failure ? e : new Failure('bad-password'); });
  }

  function sha256Base64(text) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (d) { return base64(new Uint8Array(d)); });
  }

  window.OpenAlmatyKeyFile = { open: open, sha256Base64: sha256Base64, Failure: Failure };
})();
