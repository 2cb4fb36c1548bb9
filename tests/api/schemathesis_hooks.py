"""Schemathesis hooks for the respondent's media types (loaded by run_schemathesis.py through
SCHEMATHESIS_HOOKS): a token request is raw bytes, and the key directory is JSON under the media
type RFC 9578 gives it."""

import json

import schemathesis

schemathesis.serializer.alias("application/private-token-request", "application/octet-stream")


@schemathesis.deserializer("application/private-token-issuer-directory")
def key_directory(ctx, response):
    return json.loads(response.content)
