// Anonymous survey token client: RFC 9474 RSABSSA-SHA384-PSS-Deterministic blind signatures in the
// Privacy Pass token format of RFC 9578 (token type 0x0002). One plain file with no dependencies, so
// the copy a browser receives can be compared byte for byte with the published one.
(function (root) {
  "use strict";

  const TOKEN_TYPE = 2;
  const SALT_LEN = 48; // the SHA-384 length, which RFC 9474 fixes as the salt length of this variant
  const MIN_MODULUS_BITS = 2048; // the same floor as the server's token crate
  // AlgorithmIdentifiers compared whole, as a reader of every PSS parameter set would be far larger:
  // RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt (RFC 9578 §6.5), and rsaEncryption.
  const ALG_PSS = hex("303d06092a864886f70d01010a3030a00d300b0609608648016503040202a11a3018"
    + "06092a864886f70d010108300b0609608648016503040202a203020130");
  const ALG_RSA = hex("300d06092a864886f70d0101010500");
  const TYPE_BYTES = new Uint8Array([0, TOKEN_TYPE]);

  function hex(s) {
    return new Uint8Array(s.match(/../g).map((b) => parseInt(b, 16)));
  }
  const subtle = () => globalThis.crypto.subtle;
  const randomBytes = (len) => globalThis.crypto.getRandomValues(new Uint8Array(len));
  const sha = async (name, bytes) => new Uint8Array(await subtle().digest(name, bytes));

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((len, p) => len + p.length, 0));
    let off = 0;
    for (const p of parts) { out.set(p, off); off += p.length; }
    return out;
  }

  function equal(a, b) {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }

  function need(bytes, len, what) {
    if (!(bytes instanceof Uint8Array) || bytes.length !== len) throw new Error(`${what} must be ${len} bytes`);
    return bytes;
  }

  const base64url = {
    encode(bytes) {
      const bin = Array.from(bytes, (b) => String.fromCharCode(b)).join("");
      return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    },
    // atob alone would take the standard alphabet, spaces and bad lengths; tokens and keys must not.
    decode(text) {
      if (typeof text !== "string" || !/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error("invalid base64url");
      const body = text.replace(/=+$/, "");
      if (body.length % 4 === 1 || (body !== text && text.length % 4 !== 0)) throw new Error("invalid base64url");
      const bin = atob(body.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((body.length + 3) % 4));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0));
    },
  };

  function toInt(bytes) {
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    return v;
  }

  function toBytes(v, len) {
    const out = new Uint8Array(len);
    for (let i = len - 1; i >= 0; i--) { out[i] = Number(v & 0xffn); v >>= 8n; }
    if (v !== 0n) throw new Error("integer too large");
    return out;
  }

  const bitLen = (v) => v.toString(2).length;

  function modPow(b, e, m) {
    let r = 1n;
    for (b %= m; e > 0n; e >>= 1n) {
      if (e & 1n) r = (r * b) % m;
      b = (b * b) % m;
    }
    return r;
  }

  // 0n when there is no inverse, which is how callers learn that a value is not coprime with m.
  function modInv(a, m) {
    let [r0, r1, t0, t1] = [m, ((a % m) + m) % m, 0n, 1n];
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
    }
    return r0 === 1n ? (t0 + m) % m : 0n;
  }

  function check(ok) { if (!ok) throw new Error("malformed public key"); }

  // One DER element with the expected tag, its length checked against what is left.
  function derTake(buf, pos, tag) {
    check(pos + 2 <= buf.length && buf[pos] === tag);
    let len = buf[pos + 1], start = pos + 2;
    if (len & 0x80) {
      let count = len & 0x7f;
      check(count > 0 && count < 4 && start + count <= buf.length);
      for (len = 0; count > 0; count--) len = len * 256 + buf[start++];
    }
    check(start + len <= buf.length);
    return { start, end: start + len };
  }

  function derInt(buf, pos) {
    const el = derTake(buf, pos, 0x02);
    check(el.end > el.start && !(buf[el.start] & 0x80)); // a negative modulus or exponent is nonsense
    return { value: toInt(buf.subarray(el.start, el.end)), end: el.end };
  }

  function parseSpki(der) {
    check(der instanceof Uint8Array);
    const outer = derTake(der, 0, 0x30);
    check(outer.end === der.length);
    const alg = derTake(der, outer.start, 0x30);
    const algBytes = der.subarray(outer.start, alg.end);
    if (!equal(algBytes, ALG_PSS) && !equal(algBytes, ALG_RSA)) throw new Error("unsupported public key algorithm");
    const bits = derTake(der, alg.end, 0x03);
    check(bits.end === outer.end && der[bits.start] === 0);
    const seq = derTake(der, bits.start + 1, 0x30);
    const n = derInt(der, seq.start), e = derInt(der, n.end);
    check(seq.end === bits.end && e.end === seq.end);
    if (bitLen(n.value) < MIN_MODULUS_BITS || !(n.value & 1n)) throw new Error("RSA modulus too small or even");
    if (e.value < 3n || !(e.value & 1n)) throw new Error("bad RSA public exponent");
    return { n: n.value, e: e.value, modulusBytes: Math.ceil(bitLen(n.value) / 8) };
  }

  const keyId = (spkiDer) => sha("SHA-256", spkiDer);

  // WebCrypto refuses the RSASSA-PSS SPKI of RFC 9578, but takes the same key as JWK.
  function importKey({ n, e }) {
    const b64 = (v) => base64url.encode(toBytes(v, Math.ceil(bitLen(v) / 8)));
    const jwk = { kty: "RSA", n: b64(n), e: b64(e), alg: "PS384", ext: true };
    return subtle().importKey("jwk", jwk, { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]);
  }

  // RFC 8017 §9.1.1 with SHA-384 and MGF1-SHA-384, by hand: blinding needs the encoded message
  // itself, which WebCrypto never exposes.
  async function emsaPssEncode(msg, emBits, salt) {
    const emLen = Math.ceil(emBits / 8), hLen = 48, dbLen = emLen - hLen - 1;
    if (emLen < hLen + salt.length + 2) throw new Error("message too long for this key");
    const h = await sha("SHA-384", concat(new Uint8Array(8), await sha("SHA-384", msg), salt));
    const db = new Uint8Array(dbLen);
    db[dbLen - salt.length - 1] = 1;
    db.set(salt, dbLen - salt.length);
    let mask = new Uint8Array(0);
    for (let c = 0; mask.length < dbLen; c++) {
      const counter = new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
      mask = concat(mask, await sha("SHA-384", concat(h, counter)));
    }
    for (let i = 0; i < dbLen; i++) db[i] ^= mask[i];
    db[0] &= 0xff >> (8 * emLen - emBits);
    return concat(db, h, new Uint8Array([0xbc]));
  }

  // RFC 9474 §4.2. salt and r (or its inverse inv) can be given only so test vectors can be replayed.
  async function blind(pk, msg, { salt = randomBytes(SALT_LEN), r, inv: givenInv } = {}) {
    const n = pk.n, modBits = bitLen(n);
    need(salt, SALT_LEN, "salt");
    const m = toInt(await emsaPssEncode(msg, modBits - 1, salt));
    if (modInv(m, n) === 0n) throw new Error("invalid input: message not coprime with the modulus");
    if (givenInv !== undefined) r = modInv(givenInv, n);
    while (r === undefined) {
      const bytes = randomBytes(pk.modulusBytes);
      bytes[0] &= 0xff >> (8 * pk.modulusBytes - modBits); // then reject values >= n: r stays uniform
      const candidate = toInt(bytes);
      if (candidate > 0n && candidate < n && modInv(candidate, n) !== 0n) r = candidate;
    }
    const inv = typeof r === "bigint" && r > 0n && r < n ? modInv(r, n) : 0n;
    if (inv === 0n) throw new Error("blinding error: r not invertible");
    const z = (m * modPow(r, pk.e, n)) % n;
    return { blindedMsg: toBytes(z, pk.modulusBytes), inv };
  }

  // RFC 9474 §4.3. Verifying here means a wrong, or deliberately marked, signature is never kept.
  async function finalize(pk, cryptoKey, msg, blindSig, inv) {
    const z = toInt(need(blindSig, pk.modulusBytes, "blind signature"));
    if (z >= pk.n) throw new Error("blind signature out of range");
    const sig = toBytes((z * inv) % pk.n, pk.modulusBytes);
    const ok = await subtle().verify({ name: "RSA-PSS", saltLength: SALT_LEN }, cryptoKey, sig, msg);
    if (!ok) throw new Error("the issuer's signature does not verify");
    return sig;
  }

  // RFC 9578 §6.1: the issuer sees only the last byte of the key id, enough to pick its key.
  const tokenRequest = (id, blindedMsg) => concat(TYPE_BYTES, need(id, 32, "key id").subarray(31), blindedMsg);
  const parseTokenResponse = (bytes, modulusBytes) => need(bytes, modulusBytes, "token response").slice();
  const tokenInput = (nonce, digest, id) =>
    concat(TYPE_BYTES, need(nonce, 32, "nonce"), need(digest, 32, "challenge digest"), need(id, 32, "key id"));
  const token = (nonce, digest, id, authenticator) => concat(tokenInput(nonce, digest, id), authenticator);
  const challengeDigest = (challengeBytes) => sha("SHA-256", challengeBytes);

  // No cookies or referrer: they would tie the requests to more than requestUrl carries. No cache:
  // a stale directory could hide a key change, and a stored token response helps no one.
  const QUIET = { credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store" };

  async function httpError(res, what) {
    const text = await res.text().catch(() => "");
    let message = text;
    try { message = JSON.parse(text).error || text; } catch (_) { /* not JSON: keep the text */ }
    const err = new Error(message || `${what} failed with HTTP ${res.status}`);
    err.status = res.status;
    err.text = text;
    return err;
  }

  async function issue({ directoryUrl, keyId: pageKeyId, challenge, requestUrl, fetch }) {
    fetch = fetch || ((...a) => globalThis.fetch(...a)); // unbound window.fetch can throw "Illegal invocation"
    const id = need(base64url.decode(pageKeyId), 32, "key id");
    const dirRes = await fetch(directoryUrl, { method: "GET", ...QUIET });
    if (!dirRes.ok) throw await httpError(dirRes, "key directory");
    const dir = await dirRes.json();
    // The page's key id counts only if that key is published, so the issuer cannot single out a
    // respondent with an unpublished key. The directory's own "key-id" is not believed.
    let spki = null;
    for (const entry of (dir && dir["token-keys"]) || []) {
      if (!entry || entry["token-type"] !== TOKEN_TYPE || typeof entry["token-key"] !== "string") continue;
      let der;
      try { der = base64url.decode(entry["token-key"]); } catch (_) { continue; }
      if (equal(await keyId(der), id)) { spki = der; break; }
    }
    if (!spki) throw new Error("this survey's token key is not in the published key directory; no token requested");
    const pk = parseSpki(spki);
    const cryptoKey = await importKey(pk);
    const nonce = randomBytes(32);
    const digest = await challengeDigest(base64url.decode(challenge));
    const input = tokenInput(nonce, digest, id);
    const { blindedMsg, inv } = await blind(pk, input);
    const res = await fetch(requestUrl, {
      method: "POST",
      headers: { "Content-Type": "application/private-token-request" },
      body: tokenRequest(id, blindedMsg),
      ...QUIET,
    });
    if (!res.ok) throw await httpError(res, "token request");
    const type = (res.headers.get("Content-Type") || "").toLowerCase();
    if (!type.startsWith("application/private-token-response")) throw new Error(`unexpected response type ${type}`);
    const blindSig = parseTokenResponse(new Uint8Array(await res.arrayBuffer()), pk.modulusBytes);
    const sig = await finalize(pk, cryptoKey, input, blindSig, inv);
    return base64url.encode(token(nonce, digest, id, sig));
  }

  const storageKey = (surveyId) => "survey-token:" + surveyId;
  const storeToken = (storage, surveyId, tokenB64) => storage.setItem(storageKey(surveyId), tokenB64);
  const loadToken = (storage, surveyId) => storage.getItem(storageKey(surveyId));
  const forgetToken = (storage, surveyId) => storage.removeItem(storageKey(surveyId));

  const api = {
    base64url, parseSpki, keyId, importKey, emsaPssEncode, blind, finalize, tokenRequest, parseTokenResponse,
    tokenInput, token, challengeDigest, issue, storeToken, loadToken, forgetToken,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SurveyToken = api;
})(typeof self !== "undefined" ? self : this);
