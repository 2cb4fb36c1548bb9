// Tests of the browser token client against the RFC 9474 and RFC 9578 vectors, and of its whole
// issuance flow against a fake issuer. Run with `node --test crates/server/static/tests/`.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const T = require("../token.js");

const VECTORS = path.join(__dirname, "../../../token/tests/vectors");
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(VECTORS, name), "utf8"));

// Vector fields are hex, some with a 0x prefix and an odd number of digits.
function hex(s) {
  s = s.replace(/^0x/, "");
  if (s.length % 2) s = "0" + s;
  return Uint8Array.from(Buffer.from(s, "hex"));
}
const big = (s) => BigInt("0x" + (s.replace(/^0x/, "") || "0"));
const toHex = (b) => Buffer.from(b).toString("hex");
const bitLen = (v) => v.toString(2).length;
const bytesOf = (v, len) => hex(v.toString(16).padStart(len * 2, "0"));

function modPow(b, e, m) {
  let r = 1n;
  for (b %= m; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

// The issuer's private operation, here only to play the server.
function signBlinded(key, blindedMsg) {
  const len = Math.ceil(bitLen(key.n) / 8);
  return bytesOf(modPow(BigInt("0x" + toHex(blindedMsg)), key.d, key.n), len);
}

// DER of a key in the RFC 9578 §6.5 encoding (what the issuer's directory publishes).
function derLen(len) {
  if (len < 0x80) return [len];
  const bytes = [];
  for (; len > 0; len >>= 8) bytes.unshift(len & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
const tlv = (tag, content) => Uint8Array.from([tag, ...derLen(content.length), ...content]);
function derInt(v) {
  let b = hex(v.toString(16));
  if (b[0] & 0x80) b = Uint8Array.from([0, ...b]);
  return tlv(0x02, b);
}
const PSS_ALG = hex(
  "303d06092a864886f70d01010a3030a00d300b0609608648016503040202a11a301806092a864886f70d010108300b0609608648016503040202a203020130",
);
function pssSpki(n, e) {
  const rsaKey = tlv(0x30, [...derInt(n), ...derInt(e)]);
  return tlv(0x30, [...PSS_ALG, ...tlv(0x03, [0, ...rsaKey])]);
}

test("token.js loads as a classic script and defines SurveyToken", () => {
  const vm = require("node:vm");
  const source = fs.readFileSync(path.join(__dirname, "../token.js"), "utf8");
  const window = { crypto: globalThis.crypto, TextEncoder }; // what a browser window offers
  window.self = window;
  vm.runInNewContext(source, window);
  assert.deepEqual(Object.keys(window.SurveyToken).sort(), Object.keys(T).sort());
  assert.equal(typeof window.SurveyToken.issue, "function");
});

const rfc9474 = readJson("rfc9474.json");
// The variants with a 48-byte salt; the PSSZERO ones use no salt and are not this protocol.
const pssVectors = rfc9474.filter((v) => hex(v.salt).length === 48);

function vectorKey(v) {
  const n = big(v.n);
  return { n, e: big(v.e), d: big(v.d), modulusBytes: Math.ceil(bitLen(n) / 8) };
}

test("the vector file holds the two salted PSS variants", () => {
  assert.equal(rfc9474.length, 4);
  assert.deepEqual(
    pssVectors.map((v) => v.name).sort(),
    ["RSABSSA-SHA384-PSS-Deterministic", "RSABSSA-SHA384-PSS-Randomized"],
  );
});

for (const v of pssVectors) {
  test(`RFC 9474 ${v.name}: encode, blind and finalize reproduce the vector`, async () => {
    const pk = vectorKey(v);
    // The client signs messages as given; input_msg is the vector's message after its prepare step.
    const msg = hex(v.input_msg);
    const salt = hex(v.salt);
    if (v.encoded_msg) {
      const encoded = await T.emsaPssEncode(msg, bitLen(pk.n) - 1, salt);
      assert.equal(toHex(encoded), toHex(hex(v.encoded_msg)));
    }
    const { blindedMsg, inv } = await T.blind(pk, msg, { salt, inv: big(v.inv) });
    assert.equal(toHex(blindedMsg), toHex(hex(v.blinded_msg)));
    assert.equal(inv, big(v.inv));
    assert.equal(toHex(signBlinded(pk, blindedMsg)), toHex(hex(v.blind_sig)), "the test's signer agrees");
    const key = await T.importKey(pk);
    const sig = await T.finalize(pk, key, msg, hex(v.blind_sig), inv);
    assert.equal(toHex(sig), toHex(hex(v.sig)));
  });

  test(`RFC 9474 ${v.name}: a random blind with the vector key round-trips`, async () => {
    const pk = vectorKey(v);
    const msg = new TextEncoder().encode("a fresh message");
    const b1 = await T.blind(pk, msg);
    const b2 = await T.blind(pk, msg);
    assert.notEqual(toHex(b1.blindedMsg), toHex(b2.blindedMsg), "fresh salt and blind every time");
    const key = await T.importKey(pk);
    const sig = await T.finalize(pk, key, msg, signBlinded(pk, b1.blindedMsg), b1.inv);
    assert.equal(sig.length, pk.modulusBytes);
    await assert.rejects(T.finalize(pk, key, msg, signBlinded(pk, b2.blindedMsg), b1.inv), /does not verify/);
  });
}

const rfc9578 = readJson("rfc9578-type2.json");
const pkS = hex(rfc9578.pkS);
const vectorToken = hex(rfc9578.token);

test("RFC 9578 A.2: key, key id, challenge digest and token", async () => {
  const pk = T.parseSpki(pkS);
  assert.equal(pk.modulusBytes, 256);
  assert.equal(pk.e, 65537n);
  const id = await T.keyId(pkS);
  const digest = await T.challengeDigest(hex(rfc9578.token_challenge));
  const nonce = vectorToken.subarray(2, 34);
  assert.equal(toHex(vectorToken.subarray(34, 66)), toHex(digest));
  assert.equal(toHex(vectorToken.subarray(66, 98)), toHex(id));
  const input = T.tokenInput(nonce, digest, id);
  assert.equal(toHex(input), toHex(vectorToken.subarray(0, 98)));
  const authenticator = vectorToken.subarray(98);
  assert.equal(toHex(T.token(nonce, digest, id, authenticator)), toHex(vectorToken));

  const key = await T.importKey(pk);
  const verify = (msg) => crypto.subtle.verify({ name: "RSA-PSS", saltLength: 48 }, key, authenticator, msg);
  assert.equal(await verify(input), true);
  const changed = input.slice();
  changed[5] ^= 1;
  assert.equal(await verify(changed), false);

  // The vector file carries no blind, salt or TokenRequest, so only the layout can be checked here.
  const request = T.tokenRequest(id, new Uint8Array(256).fill(7));
  assert.equal(request.length, 259);
  assert.deepEqual([...request.subarray(0, 3)], [0, 2, id[31]]);
});

test("parseSpki also reads the rsaEncryption encoding of the same key", () => {
  const pk = T.parseSpki(pkS);
  const { createPublicKey } = require("node:crypto");
  const jwk = { kty: "RSA", n: T.base64url.encode(bytesOf(pk.n, 256)), e: "AQAB" };
  const plain = new Uint8Array(createPublicKey({ key: jwk, format: "jwk" }).export({ type: "spki", format: "der" }));
  const again = T.parseSpki(plain);
  assert.equal(again.n, pk.n);
  assert.equal(again.e, pk.e);
  assert.equal(toHex(pssSpki(pk.n, pk.e)), toHex(pkS), "the test's DER writer matches the RFC's encoding");
});

// A fake issuer: a key directory and a token endpoint, recording what the client sent.
function fakeIssuer({ published, signer, sign = signBlinded, status = 200, errorBody }) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    assert.equal(init.credentials, "omit");
    assert.equal(init.referrerPolicy, "no-referrer");
    assert.equal(init.cache, "no-store");
    if (url === "https://survey.example/.well-known/private-token-issuer-directory") {
      return Response.json({
        "issuer-request-uri": "/token-request",
        "token-keys": published.map((p) => ({
          "token-type": p.tokenType ?? 2,
          "token-key": T.base64url.encode(p.spki),
          segment: p.segment,
          "key-id": p.claimedId,
        })),
      });
    }
    assert.equal(url, "https://survey.example/token-request");
    assert.equal(init.method, "POST");
    assert.equal(init.headers["Content-Type"], "application/private-token-request");
    if (status !== 200) return new Response(errorBody, { status, headers: { "Content-Type": "application/json" } });
    const body = init.body;
    assert.deepEqual([...body.subarray(0, 2)], [0, 2]);
    assert.equal(body[2], signer.id[31]);
    return new Response(sign(signer, body.subarray(3)), {
      headers: { "Content-Type": "application/private-token-response" },
    });
  };
  return { fetch, calls };
}

async function issuerKey(v) {
  const pk = vectorKey(v);
  const spki = pssSpki(pk.n, pk.e);
  return { ...pk, spki, id: await T.keyId(spki) };
}

const SURVEY_ID = "00112233-4455-6677-8899-aabbccddeeff";
const HOST = "survey.example";
const issueArgs = (id, fetch, extra = {}) => ({
  directoryUrl: "https://survey.example/.well-known/private-token-issuer-directory",
  keyId: T.base64url.encode(id),
  surveyId: SURVEY_ID,
  host: HOST,
  requestUrl: "https://survey.example/token-request",
  fetch,
  ...extra,
});

test("issue() fetches the directory, blinds, and returns a token that verifies", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const other = { spki: pkS, segment: "Sales" };
  const { fetch, calls } = fakeIssuer({ published: [other, { spki: signer.spki, segment: "Finance" }], signer });
  const token = T.base64url.decode(await T.issue(issueArgs(signer.id, fetch)));
  assert.equal(calls.length, 2);
  assert.equal(token.length, 2 + 96 + signer.modulusBytes);
  const challenge = await T.surveyChallenge(HOST, SURVEY_ID);
  assert.equal(toHex(token.subarray(34, 66)), toHex(await T.challengeDigest(challenge)));
  assert.equal(toHex(token.subarray(66, 98)), toHex(signer.id));
  const key = await T.importKey(signer);
  const ok = await crypto.subtle.verify({ name: "RSA-PSS", saltLength: 48 }, key, token.subarray(98), token.subarray(0, 98));
  assert.equal(ok, true);
});

test("issue() works with an RSA-2048 key, the production size (Nk = 256)", async () => {
  const { generateKeyPairSync } = require("node:crypto");
  const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const num = (b64) => BigInt("0x" + toHex(T.base64url.decode(b64)));
  const n = num(jwk.n), e = num(jwk.e);
  const spki = pssSpki(n, e);
  const signer = { n, e, d: num(jwk.d), modulusBytes: 256, spki, id: await T.keyId(spki) };
  const { fetch, calls } = fakeIssuer({ published: [{ spki }], signer });
  const token = T.base64url.decode(await T.issue(issueArgs(signer.id, fetch)));
  assert.equal(calls[1].init.body.length, 3 + 256);
  assert.equal(token.length, 2 + 96 + 256);
});

test("issue() refuses a key id that is not in the published directory", async () => {
  const signer = await issuerKey(pssVectors[0]);
  // The directory's own "key-id" claim must not be believed.
  const published = [{ spki: pkS, segment: "Sales", claimedId: T.base64url.encode(signer.id) }];
  const { fetch, calls } = fakeIssuer({ published, signer });
  await assert.rejects(T.issue(issueArgs(signer.id, fetch)), /published key directory/);
  assert.equal(calls.length, 1, "no token request is sent");
});

test("issue() ignores a published key of another token type", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const { fetch } = fakeIssuer({ published: [{ spki: signer.spki, tokenType: 1 }], signer });
  await assert.rejects(T.issue(issueArgs(signer.id, fetch)), /published key directory/);
});

test("issue() rejects a wrong blind signature", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const sign = (key, blinded) => {
    const good = signBlinded(key, blinded);
    good[good.length - 1] ^= 1;
    return good;
  };
  const { fetch } = fakeIssuer({ published: [{ spki: signer.spki }], signer, sign });
  await assert.rejects(T.issue(issueArgs(signer.id, fetch)), /does not verify/);
});

test("issue() reports the server's error message and status", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const errorBody = JSON.stringify({ error: "this invitation has already been used" });
  const { fetch } = fakeIssuer({ published: [{ spki: signer.spki }], signer, status: 409, errorBody });
  await assert.rejects(T.issue(issueArgs(signer.id, fetch)), (err) => {
    assert.equal(err.status, 409);
    assert.equal(err.message, "this invitation has already been used");
    return true;
  });
});

test("base64url encodes without padding and decodes with or without it", () => {
  const bytes = Uint8Array.from([0xfb, 0xff, 0x01, 0x02]);
  assert.equal(T.base64url.encode(bytes), "-_8BAg");
  assert.deepEqual(T.base64url.decode("-_8BAg"), bytes);
  assert.deepEqual(T.base64url.decode("-_8BAg=="), bytes);
  assert.deepEqual(T.base64url.decode(""), new Uint8Array(0));
  for (const bad of ["+/8BAg", "-_8BA", "-_8BAg=", "-_8BAg===", "ab c", "abcd==", "=", 7]) {
    assert.throws(() => T.base64url.decode(bad), /invalid base64url/, String(bad));
  }
});

test("parseSpki refuses malformed keys", () => {
  assert.throws(() => T.parseSpki(pkS.subarray(0, pkS.length - 1)), /malformed/);
  assert.throws(() => T.parseSpki(new Uint8Array(0)), /malformed/);
  assert.throws(() => T.parseSpki(Uint8Array.from([...pkS, 0])), /malformed/);
  const otherAlg = pkS.slice();
  otherAlg[10] ^= 1;
  assert.throws(() => T.parseSpki(otherAlg), /algorithm/);
  const small = pssSpki((big(rfc9474[0].p) >> 1024n) | 1n, 65537n); // 1024 bits
  assert.throws(() => T.parseSpki(small), /too small/);
});

test("wire formats refuse wrong lengths", async () => {
  const pk = T.parseSpki(pkS);
  assert.throws(() => T.parseTokenResponse(new Uint8Array(255), 256), /256 bytes/);
  assert.throws(() => T.parseTokenResponse(new Uint8Array(257), 256), /256 bytes/);
  assert.equal(T.parseTokenResponse(new Uint8Array(256), 256).length, 256);
  assert.throws(() => T.tokenRequest(new Uint8Array(31), new Uint8Array(256)), /key id/);
  assert.throws(() => T.tokenInput(new Uint8Array(31), new Uint8Array(32), new Uint8Array(32)), /nonce/);
  const key = await T.importKey(pk);
  await assert.rejects(T.finalize(pk, key, new Uint8Array(1), new Uint8Array(10), 1n), /256 bytes/);
  await assert.rejects(T.blind(pk, new Uint8Array(1), { salt: new Uint8Array(32) }), /salt/);
});

test("tokens are stored per survey", () => {
  const map = new Map();
  const storage = {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
  T.storeToken(storage, "s1", "abc");
  assert.equal(map.get("survey-token:s1"), "abc");
  assert.equal(T.loadToken(storage, "s1"), "abc");
  assert.equal(T.loadToken(storage, "s2"), null);
  T.forgetToken(storage, "s1");
  assert.equal(T.loadToken(storage, "s1"), null);
});

// --- the challenge the browser derives itself ---

test("surveyChallenge derives survey_token::wire::survey_challenge byte for byte", async () => {
  // The same hex as crates/token/tests/browser_vectors.rs.
  const challenge = await T.surveyChallenge("survey.example.com", "00112233-4455-6677-8899-aabbccddeeff");
  assert.equal(toHex(challenge),
    "000200127375727665792e6578616d706c652e636f6d20f6c64358700f1b5bc4f57f1234763fb8180cd9bc454b" +
    "ce08c2db4cde553d95f200127375727665792e6578616d706c652e636f6d");
  assert.equal(toHex(await T.surveyChallenge("survey.example.com", "00112233445566778899AABBCCDDEEFF")), toHex(challenge));
  await assert.rejects(T.surveyChallenge("survey.example.com", "not-a-uuid"), /UUID/);
  await assert.rejects(T.surveyChallenge("", SURVEY_ID), /host/);
});

test("issue() takes a page's challenge only when it is the derived one", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const { fetch, calls } = fakeIssuer({ published: [{ spki: signer.spki }], signer });
  const derived = T.base64url.encode(await T.surveyChallenge(HOST, SURVEY_ID));
  const token = T.base64url.decode(await T.issue(issueArgs(signer.id, fetch, { pageChallenge: derived })));
  assert.equal(toHex(token.subarray(34, 66)), toHex(await T.challengeDigest(T.base64url.decode(derived))));
  assert.equal(calls.length, 2);
});

test("issue() refuses a page that supplies another challenge, before sending anything", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const { fetch, calls } = fakeIssuer({ published: [{ spki: signer.spki }], signer });
  // A challenge of the same survey on another host, one of another survey, and one that is not base64url.
  const foreign = [
    T.base64url.encode(await T.surveyChallenge("tagging.example", SURVEY_ID)),
    T.base64url.encode(await T.surveyChallenge(HOST, "00112233-4455-6677-8899-aabbccddeef0")),
    "not base64!",
  ];
  for (const pageChallenge of foreign) {
    await assert.rejects(T.issue(issueArgs(signer.id, fetch, { pageChallenge })), (err) => {
      assert.equal(err.code, "challenge-mismatch");
      assert.match(err.message, /survey\.example/);
      return true;
    });
  }
  assert.equal(calls.length, 0, "neither the directory nor the issuer was asked");
});

// --- the salted receipt ---

const SALT = T.base64url.encode(Uint8Array.from({ length: 32 }, (_, i) => i));

test("the salted answers digest and receipt match survey_token::tally's", async () => {
  // The same hex as crates/token/tests/browser_vectors.rs.
  assert.equal(SALT, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
  const digest = await T.answersDigest(T.base64url.decode(SALT), new TextEncoder().encode('{"support":4}'));
  assert.equal(toHex(digest), "ce9d322b5df358c08560ab4521d13ab599bd0f6983274ac1915abf84ac91c1a3");
  const receipt = await T.receiptOf(T.base64url.encode(vectorToken), SALT, '{"support":4}');
  assert.equal(receipt, "b0b2a8904f7376d27f6102af2e724086f32712f84f603d984140746db00122db");
  const otherSalt = await T.receiptOf(T.base64url.encode(vectorToken), T.newSalt(), '{"support":4}');
  assert.notEqual(otherSalt, receipt, "another salt, another receipt");
  await assert.rejects(T.answersDigest(new Uint8Array(31), new Uint8Array(0)), /salt must be 32 bytes/);
});

test("a salt is 32 fresh random bytes, one per ballot, kept until forgotten", () => {
  const a = T.newSalt(), b = T.newSalt();
  assert.equal(T.base64url.decode(a).length, 32);
  assert.notEqual(a, b);
  const map = new Map();
  const storage = {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
  const first = T.saltFor(storage, "s1");
  assert.equal(T.saltFor(storage, "s1"), first, "a resend carries the same salt");
  assert.notEqual(T.saltFor(storage, "s2"), first, "each survey's ballot has its own");
  T.forgetSalt(storage, "s1");
  assert.notEqual(T.saltFor(storage, "s1"), first);
});

const TYPES = { support: "likert", reasons: "multiple_choice", comment: "long_text", years: "number",
  dept: "single_choice", grid: "matrix", rank: "ranking" };
const SENT = {
  support: 4, reasons: ["news", { other: " 友人と " }, "boomerang"], comment: "  Cafe\u0301 please\n",
  years: 12.5, dept: { other: "Ｒ＆Ｄ" }, grid: { b: "n/a", a: 2 }, rank: ["x", "y"], blank: "   ",
};
// What survey_design stores for SENT: ids in byte order, choices sorted, text trimmed and NFC.
const CANONICAL = '{"comment":"Café please","dept":{"other":"Ｒ＆Ｄ"},"grid":{"a":2,"b":"n/a"},' +
  '"rank":["x","y"],"reasons":["boomerang","news",{"other":"友人と"}],"support":4,"years":12.50}';

async function acknowledgement(token, canonical = CANONICAL, salt = SALT) {
  return { receipt: await T.receiptOf(token, salt, canonical), check: "/s/x/receipt", salt, canonical_answers: canonical };
}

test("checkStored accepts an honest acknowledgement of what was sent", async () => {
  const token = T.base64url.encode(vectorToken);
  const stored = await acknowledgement(token);
  assert.deepEqual(T.answersDiffer(SENT, CANONICAL, TYPES), []);
  assert.equal(await T.checkStored({ token, salt: SALT, sent: SENT, types: TYPES, stored }), null);
  stored.receipt = stored.receipt.toUpperCase();
  assert.equal(await T.checkStored({ token, salt: SALT, sent: SENT, types: TYPES, stored }), null);
});

test("checkStored refuses a receipt, salt or answers that do not match", async () => {
  const token = T.base64url.encode(vectorToken);
  const check = (stored) => T.checkStored({ token, salt: SALT, sent: SENT, types: TYPES, stored });

  const forged = await acknowledgement(token);
  forged.receipt = "ab".repeat(32);
  assert.deepEqual(await check(forged), { problem: "receipt", questions: [] });

  // A receipt honestly computed, but for another token (one the server chose) is not this ballot's.
  const otherToken = vectorToken.slice();
  otherToken[5] ^= 1;
  assert.equal((await check(await acknowledgement(T.base64url.encode(otherToken)))).problem, "receipt");

  const resalted = await acknowledgement(token, CANONICAL, T.newSalt());
  assert.deepEqual(await check(resalted), { problem: "salt", questions: [] });

  const changed = await acknowledgement(token, CANONICAL.replace('"support":4', '"support":5'));
  assert.deepEqual(await check(changed), { problem: "answers", questions: ["support"] });
  const dropped = await acknowledgement(token, CANONICAL.replace('"rank":["x","y"],', ""));
  assert.deepEqual((await check(dropped)).questions, ["rank"]);
  const added = await acknowledgement(token, CANONICAL.replace("{", '{"added":"yes",'));
  assert.deepEqual((await check(added)).questions, ["added"]);
  const reordered = await acknowledgement(token, CANONICAL.replace('["x","y"]', '["y","x"]'));
  assert.deepEqual((await check(reordered)).questions, ["rank"], "a ranking's order counts");
  assert.equal((await check(await acknowledgement(token, "not json"))).problem, "answers");
  assert.equal((await check({ receipt: forged.receipt })).problem, "receipt", "no canonical answers echoed");
  assert.equal((await check(undefined)).problem, "receipt");
});
