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
  const window = { crypto: globalThis.crypto };
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

const challenge = new TextEncoder().encode("a token challenge for one survey");
const issueArgs = (id, fetch) => ({
  directoryUrl: "https://survey.example/.well-known/private-token-issuer-directory",
  keyId: T.base64url.encode(id),
  challenge: T.base64url.encode(challenge),
  requestUrl: "https://survey.example/token-request",
  fetch,
});

test("issue() fetches the directory, blinds, and returns a token that verifies", async () => {
  const signer = await issuerKey(pssVectors[0]);
  const other = { spki: pkS, segment: "Sales" };
  const { fetch, calls } = fakeIssuer({ published: [other, { spki: signer.spki, segment: "Finance" }], signer });
  const token = T.base64url.decode(await T.issue(issueArgs(signer.id, fetch)));
  assert.equal(calls.length, 2);
  assert.equal(token.length, 2 + 96 + signer.modulusBytes);
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
