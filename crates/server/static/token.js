// Anonymous survey token client: RFC 9474 RSABSSA-SHA384-PSS-Deterministic blind signatures in the
// Privacy Pass token format of RFC 9578 (token type 0x0002), with the survey's token challenge derived
// here from the host and the survey id (never taken from the page), and the salted receipt that the
// answer page recomputes from what the server echoes. One plain file with no dependencies, so the copy
// a browser receives can be compared byte for byte with the published one (`survey client verify`).
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
  // The labels of survey_token (wire.rs and tally.rs), byte for byte.
  const utf8 = (text) => new TextEncoder().encode(text);
  const REDEMPTION_CONTEXT_LABEL = utf8("anonymous-employee-survey/redemption-context/v1");
  const ANSWERS_LABEL = utf8("anonymous-employee-survey/answers/v2");
  const RECEIPT_LABEL = utf8("anonymous-employee-survey/receipt/v1");
  const ANSWER_SALT_LEN = 32;

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

  // The survey id (a UUID, with or without hyphens) as its 16 bytes.
  function surveyIdBytes(surveyId) {
    const digits = typeof surveyId === "string" ? surveyId.replace(/-/g, "") : "";
    if (!/^[0-9a-fA-F]{32}$/.test(digits)) throw new Error("the survey id is not a UUID");
    return hex(digits.toLowerCase());
  }

  // The RFC 9577 TokenChallenge every token of a survey is bound to, as survey_token::wire::
  // survey_challenge builds it: type 0x0002, issuer name and origin both the host the browser shows
  // (`location.host`), and the redemption context SHA-256(label || survey id bytes). Derived here,
  // never taken from the page, so a page cannot bind one respondent's token to a challenge of its own.
  async function surveyChallenge(host, surveyId) {
    if (typeof host !== "string" || host === "") throw new Error("no host to derive the token challenge from");
    const name = utf8(host);
    if (name.length > 0xffff) throw new Error("host too long");
    const context = await sha("SHA-256", concat(REDEMPTION_CONTEXT_LABEL, surveyIdBytes(surveyId)));
    const len16 = new Uint8Array([name.length >> 8, name.length & 0xff]);
    return concat(TYPE_BYTES, len16, name, new Uint8Array([32]), context, len16, name);
  }

  // The challenge this browser derives; a challenge the page also supplies must be the same, or no
  // token is requested at all (err.code "challenge-mismatch").
  async function checkedChallenge(host, surveyId, pageChallenge) {
    const derived = await surveyChallenge(host, surveyId);
    if (pageChallenge !== undefined && pageChallenge !== null && pageChallenge !== "") {
      let given = null;
      try { given = base64url.decode(pageChallenge); } catch (_) { /* refused below */ }
      if (!given || !equal(given, derived)) {
        const err = new Error("the page supplies a token challenge other than the one derived from " + host +
          " and the survey id; no token was requested");
        err.code = "challenge-mismatch";
        throw err;
      }
    }
    return derived;
  }

  async function issue({ directoryUrl, keyId: pageKeyId, surveyId, host, pageChallenge, requestUrl, fetch }) {
    fetch = fetch || ((...a) => globalThis.fetch(...a)); // unbound window.fetch can throw "Illegal invocation"
    const id = need(base64url.decode(pageKeyId), 32, "key id");
    const challenge = await checkedChallenge(host, surveyId, pageChallenge);
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
    const digest = await challengeDigest(challenge);
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

  // --- the receipt (survey_token::tally) ---

  // A fresh salt for one response: 32 random bytes, base64url. It goes with the submission and into
  // the answers digest, so the published tally cannot confirm guessed answers.
  const newSalt = () => base64url.encode(randomBytes(ANSWER_SALT_LEN));

  // SHA-256(ANSWERS_LABEL || salt || canonical answer bytes).
  const answersDigest = async (salt, canonical) =>
    sha("SHA-256", concat(ANSWERS_LABEL, need(salt, ANSWER_SALT_LEN, "salt"), canonical));

  // SHA-256(RECEIPT_LABEL || token || answers digest), as lower-case hex.
  async function receiptOf(tokenB64, saltB64, canonicalText) {
    const digest = await answersDigest(base64url.decode(saltB64), utf8(canonicalText));
    const r = await sha("SHA-256", concat(RECEIPT_LABEL, base64url.decode(tokenB64), need(digest, 32, "digest")));
    return Array.from(r, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // What the server keeps of a sent answer, by the rules of survey_design's validation and canonical
  // encoding: text trimmed (Rust's White_Space) and NFC, multiple choices in any order, numbers as
  // numbers; an empty value is no answer.
  const trimmed = (text) => text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "").normalize("NFC");
  function isEmpty(v) {
    if (v === null || v === undefined) return true;
    if (typeof v === "string") return trimmed(v) === "";
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === "object") return Object.keys(v).length === 0;
    return false;
  }
  function normalised(v, type) {
    if (typeof v === "string") return type === "short_text" || type === "long_text" ? trimmed(v) : v;
    if (Array.isArray(v)) {
      const items = v.map((x) => normalised(x, type));
      return type === "multiple_choice" ? items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : items;
    }
    if (v && typeof v === "object") {
      const out = {};
      for (const k of Object.keys(v).sort()) {
        out[k] = k === "other" && typeof v[k] === "string" ? trimmed(v[k]) : normalised(v[k], type);
      }
      return out;
    }
    return v;
  }
  function same(a, b) {
    if (typeof a === "number" && typeof b === "number") {
      return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)); // the server's decimal rounding
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      const ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
    }
    return a === b;
  }

  // The questions whose stored (canonical) answer is not what was sent; [] when all are.
  function answersDiffer(sent, canonicalText, types) {
    let stored;
    try { stored = JSON.parse(canonicalText); } catch (_) { return ["*"]; }
    if (!stored || typeof stored !== "object" || Array.isArray(stored)) return ["*"];
    const differ = [];
    const asked = Object.keys(sent || {}).filter((id) => !isEmpty(sent[id]));
    for (const id of asked) {
      const type = (types || {})[id];
      if (!(id in stored) || !same(normalised(sent[id], type), normalised(stored[id], type))) differ.push(id);
    }
    for (const id of Object.keys(stored)) if (asked.indexOf(id) < 0) differ.push(id);
    return differ;
  }

  // The browser's check of the server's acknowledgement: it must echo the salt sent, answers that are
  // the ones sent, and a receipt recomputed from the token, the salt and those canonical answers.
  // Returns null when everything matches, else { problem: "salt" | "answers" | "receipt", questions }.
  async function checkStored({ token: tokenB64, salt, sent, types, stored }) {
    if (!stored || typeof stored.receipt !== "string" || typeof stored.canonical_answers !== "string") {
      return { problem: "receipt", questions: [] };
    }
    if (stored.salt !== salt) return { problem: "salt", questions: [] };
    const questions = answersDiffer(sent, stored.canonical_answers, types);
    if (questions.length) return { problem: "answers", questions };
    let expected;
    try { expected = await receiptOf(tokenB64, salt, stored.canonical_answers); } catch (_) { expected = null; }
    if (expected === null || expected !== stored.receipt.toLowerCase()) return { problem: "receipt", questions: [] };
    return null;
  }

  const storageKey = (surveyId) => "survey-token:" + surveyId;
  const storeToken = (storage, surveyId, tokenB64) => storage.setItem(storageKey(surveyId), tokenB64);
  const loadToken = (storage, surveyId) => storage.getItem(storageKey(surveyId));
  const forgetToken = (storage, surveyId) => storage.removeItem(storageKey(surveyId));
  // One salt per ballot, kept until the response is acknowledged, so a resend carries the same one
  // (and gets the same receipt back).
  const saltKey = (surveyId) => "survey-salt:" + surveyId;
  function saltFor(storage, surveyId) {
    const kept = storage.getItem(saltKey(surveyId));
    if (kept) return kept;
    const salt = newSalt();
    storage.setItem(saltKey(surveyId), salt);
    return salt;
  }
  const forgetSalt = (storage, surveyId) => storage.removeItem(saltKey(surveyId));

  const api = {
    base64url, parseSpki, keyId, importKey, emsaPssEncode, blind, finalize, tokenRequest, parseTokenResponse,
    tokenInput, token, challengeDigest, surveyChallenge, issue, storeToken, loadToken, forgetToken,
    newSalt, answersDigest, receiptOf, answersDiffer, checkStored, saltFor, forgetSalt,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SurveyToken = api;
})(typeof self !== "undefined" ? self : this);
