#!/usr/bin/env python3
"""Writes the seed corpora (fuzz/corpus/<target>/seed-*) and dictionaries (fuzz/dict/*.dict).

Run once by hand from the repository root (`python3 fuzz/make-seeds.py`); its output is committed.
Needs the `openssl` command for the test tokens of the tally seed. Regression inputs found by
fuzzing (fuzz/corpus/<target>/crash-*) are not touched.

Seeds:
- template: the templates of survey-templates/, the every-type fixture, the smallest valid template
  and one with a syntax error;
- answers: answers from docs/examples/alumni-responses.jsonl (valid for alumni-network-opinion.toml)
  and a few invalid ones;
- token: the RFC 9578 test vector's token, challenge and key, a token request and a response, a
  tally of four tokens (the vector's and three signed with fuzz/keys/issuer-test-2048.der, a key
  made for fuzzing only) with an inclusion proof.
"""

import base64
import hashlib
import json
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUZZ = os.path.join(ROOT, "fuzz")


def write(target, name, data):
    path = os.path.join(FUZZ, "corpus", target, "seed-" + name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


MINIMAL = """id = "pulse"
version = 1
languages = ["ja", "en"]
default_language = "ja"
title = { ja = "パルス調査", en = "Pulse survey" }
anonymity_statement = { ja = "回答は匿名です。", en = "Your answers are anonymous." }

[[sections]]
id = "main"
title = { ja = "質問", en = "Questions" }

[[sections.questions]]
id = "recommend"
type = "rating"
required = true
text = { ja = "友人に勧めますか。", en = "Would you recommend us?" }
low_label = { ja = "勧めない", en = "Not likely" }
high_label = { ja = "勧める", en = "Very likely" }
"""


def templates():
    for name in ["alumni-network-opinion.toml", "alumni-pulse.toml", "alumni-survey.toml"]:
        write("template", name, read("survey-templates/" + name))
    write("template", "every-type.toml", read("crates/design/tests/fixtures/every-type.toml"))
    write("template", "minimal.toml", MINIMAL)
    write("template", "syntax-error.toml", MINIMAL.replace('version = 1', 'version = ').replace("[[sections]]", "[[sections]"))
    schema = json.loads(read("crates/design/src/template/schema.json"))
    words = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.update(value.keys())
                if key in ("enum", "const"):
                    words.update(str(v) for v in (value if isinstance(value, list) else [value]))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    tokens = sorted(words) + ["[[sections]]", "[[sections.questions]]", "[[sections.questions.options]]",
                             "[[sections.questions.items]]", "[scales.", "[[topics]]", " = ", "{ ja = \"", "\", en = \"",
                             '"""', "'''", "true", "false", "inf", "nan", "1979-05-27", "\\u", "ja", "en"]
    write_dict("template", tokens)


def answers():
    lines = read("docs/examples/alumni-responses.jsonl").decode().splitlines()
    picked = {}
    for line in lines:
        a = json.loads(line)["answers"]
        text = json.dumps(a, ensure_ascii=False, separators=(",", ":"))
        # A few different shapes: with "other", with n/a, short, long.
        for key, test in [("other", '{"other"' in text), ("na", '"n/a"' in text), ("en", json.loads(line)["language"] == "en"),
                          ("ja", json.loads(line)["language"] == "ja"), ("short", len(a) <= 6), ("long", len(a) >= 13)]:
            if test and key not in picked:
                picked[key] = text
    for key, text in picked.items():
        write("answers", "valid-" + key + ".json", text)
    write("answers", "empty.json", "{}")
    write("answers", "not-object.json", "[1,2,3]")
    write("answers", "invalid.json", '{"support":9,"awareness":"nope","channels":["website","website"],"join_intent":10.5,"x":1}')
    template = read("survey-templates/alumni-network-opinion.toml").decode()
    ids = set(re.findall(r'^id = "([a-z0-9_]+)"', template, re.M)) | set(re.findall(r'\bid = "([a-z0-9_]+)"', template))
    write_dict("answers", sorted(ids) + ["n/a", "other", "{", "}", "[", "]", ":", ",", '"', "null", "true", "false", "-0.5", "1e3"])


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


# The AlgorithmIdentifier of RFC 9578 §6.5 (crates/token/src/spki.rs).
ALGORITHM = bytes.fromhex(
    "303d06092a864886f70d01010a3030a00d300b0609608648016503040202a11a301806092a864886f70d010108300b0609608648016503040202a203020130"
)


def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def tokens():
    vector = json.loads(read("crates/token/tests/vectors/rfc9578-type2.json"))
    pk = bytes.fromhex(vector["pkS"])
    challenge = bytes.fromhex(vector["token_challenge"])
    token = bytes.fromhex(vector["token"])
    write("token", "token.bin", token)
    write("token", "challenge.bin", challenge)
    write("token", "pks.der", pk)
    key_path = os.path.join(FUZZ, "keys", "issuer-test-2048.der")
    rsa_public = subprocess.run(["openssl", "rsa", "-inform", "DER", "-in", key_path, "-RSAPublicKey_out", "-outform", "DER"],
                                check=True, capture_output=True).stdout
    test_spki = tlv(0x30, ALGORITHM + tlv(0x03, b"\x00" + rsa_public))
    test_key_id = sha256(test_spki)
    # A token request for the test key and an issuer's response: 256 bytes below any 2048-bit modulus.
    blinded = b"\x00" + hashlib.sha512(b"fuzz seed").digest() * 4
    blinded = blinded[:256]
    write("token", "request.bin", b"\x00\x02" + test_key_id[-1:] + blinded)
    write("token", "response.bin", blinded)
    digest = sha256(challenge)
    made = [token]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(3):
            nonce = sha256(b"fuzz nonce", bytes([i]))
            token_input = b"\x00\x02" + nonce + digest + test_key_id
            message = os.path.join(tmp, "input")
            with open(message, "wb") as f:
                f.write(token_input)
            sig = subprocess.run(["openssl", "dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:48",
                                  "-sigopt", "rsa_mgf1_md:sha384", "-keyform", "DER", "-sign", key_path, message],
                                 check=True, capture_output=True).stdout
            made.append(token_input + sig)
    answers_label = b"anonymous-employee-survey/answers/v1"
    receipt_label = b"anonymous-employee-survey/receipt/v1"
    entries = []
    for i, t in enumerate(made):
        answers_digest = sha256(answers_label, b'{"support":%d}' % (i + 1))
        entries.append((sha256(receipt_label, t, answers_digest), t, answers_digest))
    entries.sort()
    leaves = [sha256(b"\x00", r) for r, _, _ in entries]

    def node(a, b):
        return sha256(b"\x01", a, b)

    root = node(node(leaves[0], leaves[1]), node(leaves[2], leaves[3]))
    tally = {
        "survey": "fuzz",
        "challenge": b64(challenge),
        "keys": [{"token-key": b64(pk), "segment": "department=sales"}, {"token-key": b64(test_spki), "segment": "department=support"}],
        "count": len(entries),
        "root": root.hex(),
        "responses": [{"token": b64(t), "answers_digest": d.hex()} for _, t, d in entries],
    }
    write("token", "tally.json", json.dumps(tally, indent=1))
    proof = {"receipt": entries[0][0].hex(), "index": 0, "count": 4, "root": root.hex(),
             "path": [leaves[1].hex(), node(leaves[2], leaves[3]).hex()]}
    write("token", "proof.json", json.dumps(proof, indent=1))
    write_dict("token", ["survey", "challenge", "keys", "token-key", "segment", "count", "root", "responses", "token",
                         "answers_digest", "receipt", "index", "path", "\x00\x02", "\x30\x82\x01\x52", "\x02\x82\x01\x01\x00"])


def write_dict(target, words):
    path = os.path.join(FUZZ, "dict", target + ".dict")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for w in dict.fromkeys(words):
            escaped = "".join(c if 0x20 <= ord(c) < 0x7f and c not in '"\\' else "\\x%02x" % ord(c) if ord(c) < 0x100 else c
                              for c in w)
            if any(ord(c) >= 0x100 for c in escaped):
                escaped = "".join("\\x%02x" % b for b in w.encode())
            f.write('"%s"\n' % escaped)


if __name__ == "__main__":
    templates()
    answers()
    tokens()
