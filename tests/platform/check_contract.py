#!/usr/bin/env python3
"""Contract test: the reference platform's real answers against sync/protocol/openapi.yaml.

Starts relais-platform on port 0 of loopback with a scratch data directory, drives every operation of the document
through its documented answers (successes and refusals), and checks each answer against the document: the status is
one the operation documents, `Relais-Platform: 1` is there, `Tus-Resumable` is on every answer under /v1/uploads/,
each documented header that is present (or required) fits its schema, the Content-Type is a documented one and a
JSON body validates against its schema; an answer documented without content has no body.

Usage: check_contract.py --platform PATH/relais-platform --spec sync/protocol/openapi.yaml
Needs PyYAML and jsonschema (Debian: python3-yaml, python3-jsonschema). Exit 0 when every answer fits, else 1 with
one line per mismatch. Synthetic data only; nothing leaves loopback.
"""

import argparse
import base64
import hashlib
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid

import jsonschema
import yaml


class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)

    def _pointer(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("only local references are supported: " + ref)
        node = self.doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def resolve(self, node, depth=0):
        """The node with every local $ref replaced by what it points to (the document has no cycles)."""
        if depth > 50:
            raise ValueError("reference cycle")
        if isinstance(node, dict):
            if "$ref" in node:
                return self.resolve(self._pointer(node["$ref"]), depth + 1)
            return {k: self.resolve(v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [self.resolve(v, depth + 1) for v in node]
        return node

    def operation(self, template, method):
        item = self.doc["paths"].get(template)
        if item is None or method.lower() not in item:
            return None
        return self.resolve(item[method.lower()])


def to_json_schema(schema):
    """OpenAPI 3.0 schema objects are a JSON Schema draft 4 dialect; drop the keywords draft 4 does not know."""
    if isinstance(schema, dict):
        return {k: to_json_schema(v) for k, v in schema.items() if k not in ("example", "nullable", "readOnly",
                                                                               "writeOnly", "discriminator", "xml",
                                                                               "externalDocs", "deprecated")}
    if isinstance(schema, list):
        return [to_json_schema(v) for v in schema]
    return schema


def header_value_fits(value, schema):
    """A header is text on the wire; an integer schema means decimal digits."""
    schema = to_json_schema(schema)
    instance = value
    if schema.get("type") == "integer":
        if not re.fullmatch(r"-?[0-9]+", value):
            return False
        instance = int(value)
    try:
        jsonschema.Draft4Validator(schema).validate(instance)
        return True
    except jsonschema.ValidationError:
        return False


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Platform:
    def __init__(self, binary, workdir):
        self.data = os.path.join(workdir, "data")
        os.mkdir(self.data)
        self.binary = binary
        self.log = open(os.path.join(workdir, "platform.log"), "w+b")
        self.process = subprocess.Popen([binary, "--data-dir", self.data, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=self.log)
        self.port = None
        self.code = None
        deadline = time.monotonic() + 20
        text = ""
        while time.monotonic() < deadline and (self.port is None or self.code is None):
            line = self.process.stdout.readline().decode("utf-8", "replace")
            if not line:
                break
            text += line
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", text)
            if m:
                self.port = int(m.group(1))
            m = re.search(r"enrolment code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", text)
            if m:
                self.code = m.group(1)
        if self.port is None or self.code is None:
            self.stop()
            raise RuntimeError("relais-platform did not start: " + text.strip())

    def new_code(self):
        out = subprocess.run([self.binary, "code", "--data-dir", self.data], capture_output=True, check=True,
                             timeout=30).stdout.decode("utf-8")
        return re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", out).group(0)

    def revoke(self, device):
        subprocess.run([self.binary, "revoke-device", "--data-dir", self.data, "--device", device], check=True,
                       capture_output=True, timeout=30)

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            payload = response.read()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, payload)
        finally:
            connection.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class Contract:
    def __init__(self, spec, platform):
        self.spec = spec
        self.platform = platform
        self.failures = []
        self.checked = 0
        self.operations = set()

    def fail(self, where, why):
        self.failures.append("%s: %s" % (where, why))

    def call(self, method, template, path, expected, body=None, headers=None):
        """Sends the request, checks the answer has the status the scenario expects and fits the document."""
        answer = self.platform.request(method, path, body, headers)
        where = "%s %s -> %d" % (method, template, answer.status)
        self.checked += 1
        self.operations.add((method.lower(), template))
        if answer.status != expected:
            self.fail(where, "the scenario expected %d (body %r)" % (expected, answer.body[:200]))
        self.check(method, template, answer, where)
        return answer

    def check(self, method, template, answer, where):
        operation = self.spec.operation(template, method)
        if operation is None:
            self.fail(where, "operation not in the document")
            return
        response = operation["responses"].get(str(answer.status)) or operation["responses"].get("default")
        if response is None:
            self.fail(where, "status not documented for this operation")
            return
        if answer.header("Relais-Platform") != "1":
            self.fail(where, "no Relais-Platform: 1")
        if template.startswith("/v1/uploads/") and answer.header("Tus-Resumable") != "1.0.0":
            self.fail(where, "no Tus-Resumable: 1.0.0 under /v1/uploads/")
        for name, header in (response.get("headers") or {}).items():
            value = answer.header(name)
            if value is None:
                if header.get("required"):
                    self.fail(where, "required header %s missing" % name)
                continue
            if "schema" in header and not header_value_fits(value, header["schema"]):
                self.fail(where, "header %s: %r does not fit its schema" % (name, value))
        content = response.get("content") or {}
        if method == "HEAD" or answer.status in (204, 304):
            if answer.body:
                self.fail(where, "a body where none may be")
            return
        if not content:
            if answer.body:
                self.fail(where, "a %s body where the document has no content" % answer.header("Content-Type"))
            return
        media = (answer.header("Content-Type") or "").split(";")[0].strip().lower()
        if media not in content:
            self.fail(where, "Content-Type %r is not one of %s" % (media, sorted(content)))
            return
        schema = content[media].get("schema")
        if schema is None:
            return
        if not (media == "application/json" or media.endswith("+json")):
            return
        try:
            document = answer.json()
        except ValueError as e:
            self.fail(where, "body is not JSON: %s" % e)
            return
        validator = jsonschema.Draft4Validator(to_json_schema(schema), format_checker=jsonschema.FormatChecker())
        for error in validator.iter_errors(document):
            self.fail(where, "body does not fit its schema at /%s: %s" % ("/".join(str(p) for p in error.path),
                                                                          error.message))

    def uncovered(self):
        missing = []
        for template, item in self.spec.doc["paths"].items():
            for method in item:
                if method in ("get", "put", "post", "delete", "options", "head", "patch") and \
                        (method, template) not in self.operations:
                    missing.append("%s %s" % (method.upper(), template))
        return missing


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def metadata(filename, sha256_hex, submission):
    return "filename %s,content_type %s,sha256 %s,submission %s" % (b64(filename), b64("application/pdf"),
                                                                    b64(sha256_hex), b64(submission))


def scenario(c):
    p = c.platform
    json_type = {"Content-Type": "application/json; charset=utf-8"}

    c.call("GET", "/v1/health", "/v1/health", 204)
    c.call("GET", "/", "/", 200)

    # Enrolment: a wrong code, a body that is not JSON, then the right code.
    c.call("POST", "/v1/enrolments", "/v1/enrolments", 400,
           json.dumps({"code": "AAAA-BBBB-CCCC", "device_name": "Kiosque contrat"}), json_type)
    c.call("POST", "/v1/enrolments", "/v1/enrolments", 400, "pas du JSON", json_type)
    enrolled = c.call("POST", "/v1/enrolments", "/v1/enrolments", 201,
                      json.dumps({"code": p.code, "device_name": "Kiosque contrat"}), json_type).json()
    token = enrolled["token"]
    auth = {"Authorization": "Bearer " + token}
    tus = dict(auth, **{"Tus-Resumable": "1.0.0"})

    # tus uploads.
    c.call("OPTIONS", "/v1/uploads/", "/v1/uploads/", 204)
    submission = str(uuid.uuid4())
    data = b"%PDF-1.4\n" + bytes(range(256)) * 8
    digest = hashlib.sha256(data).hexdigest()
    create = dict(tus, **{"Upload-Length": str(len(data)), "Upload-Metadata": metadata("a.pdf", digest, submission)})
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 401, None,
           {"Tus-Resumable": "1.0.0", "Upload-Length": "10"})
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 412, None,
           dict(auth, **{"Upload-Length": "10", "Upload-Metadata": metadata("a.pdf", digest, submission)}))
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 400, None, dict(tus, **{"Upload-Length": "10"}))
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 413, None,
           dict(create, **{"Upload-Length": str((1 << 30) + 1)}))
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 460, None, dict(create, **{"Upload-Length": "0"}))
    location = c.call("POST", "/v1/uploads/", "/v1/uploads/", 201, None, create).header("Location")
    item = "/v1/uploads/{id}"
    c.call("HEAD", item, location, 200, None, tus)
    c.call("HEAD", item, "/v1/uploads/" + "0" * 32, 404, None, tus)
    c.call("HEAD", item, location, 412, None, auth)
    c.call("OPTIONS", item, location, 204)
    chunk = {"Content-Type": "application/offset+octet-stream"}
    half = len(data) // 2
    c.call("PATCH", item, location, 409, data[:half], dict(tus, **chunk, **{"Upload-Offset": "5"}))
    c.call("PATCH", item, location, 415, data[:half],
           dict(tus, **{"Content-Type": "text/plain", "Upload-Offset": "0"}))
    c.call("PATCH", item, location, 460, data[:half],
           dict(tus, **chunk, **{"Upload-Offset": "0",
                                 "Upload-Checksum": "sha256 " + base64.b64encode(b"\0" * 32).decode()}))
    c.call("PATCH", item, location, 400, data + b"x", dict(tus, **chunk, **{"Upload-Offset": "0"}))
    c.call("PATCH", item, location, 204, data[:half], dict(tus, **chunk, **{"Upload-Offset": "0"}))
    c.call("PATCH", item, location, 204, data[half:], dict(tus, **chunk, **{"Upload-Offset": str(half)}))
    abandoned = c.call("POST", "/v1/uploads/", "/v1/uploads/", 201, None, create).header("Location")
    c.call("DELETE", item, abandoned, 204, None, tus)
    c.call("HEAD", item, abandoned, 410, None, tus)
    c.call("DELETE", item, "/v1/uploads/" + "0" * 32, 404, None, tus)

    # Submissions.
    upload_id = location.rsplit("/", 1)[-1]
    value = {"filename": "a.pdf", "content_type": "application/pdf", "size": len(data), "sha256": digest,
             "upload": upload_id}
    body = {"demarche": "caf-changement-adresse", "demarche_version": 3, "queued_at": "2026-11-23T10:00:00Z",
            "answers": {"motif": "déménagement", "justificatif": value},
            "attachments": [dict(value, field="justificatif")]}
    path = "/v1/submissions/" + submission
    sub = "/v1/submissions/{uuid}"
    c.call("PUT", sub, path, 401, json.dumps(body), json_type)
    c.call("PUT", sub, "/v1/submissions/pas-un-uuid", 400, json.dumps(body), dict(auth, **json_type))
    missing = dict(body, attachments=[dict(value, field="justificatif", upload="f" * 32)])
    c.call("PUT", sub, "/v1/submissions/" + str(uuid.uuid4()), 422, json.dumps(missing), dict(auth, **json_type))
    c.call("PUT", sub, path, 201, json.dumps(body), dict(auth, **json_type))
    c.call("PUT", sub, path, 200, json.dumps(body), dict(auth, **json_type))
    c.call("PUT", sub, path, 409, json.dumps(dict(body, demarche_version=4)), dict(auth, **json_type))
    c.call("PUT", sub, path, 413, json.dumps(dict(body, answers={"x": "y" * (3 << 20)})), dict(auth, **json_type))
    c.call("DELETE", item, location, 409, None, tus)

    # Status feed, catalogue.
    status = "/v1/submissions/status"
    c.call("GET", status, status, 200, None, auth)
    c.call("GET", status, status + "?cursor=pas-un-curseur", 400, None, auth)
    c.call("GET", status, status, 401)
    etag = c.call("GET", "/v1/catalogue", "/v1/catalogue", 200, None, auth).header("ETag")
    c.call("GET", "/v1/catalogue", "/v1/catalogue", 304, None, dict(auth, **{"If-None-Match": etag}))
    c.call("GET", "/v1/catalogue", "/v1/catalogue", 401)

    # Journal heads.
    heads = "/v1/journal-heads/{seq}"
    head = {"seq": 7, "hash": "ab" * 32, "at": "2026-11-23T10:00:00Z"}
    c.call("PUT", heads, "/v1/journal-heads/7", 201, json.dumps(head), dict(auth, **json_type))
    c.call("PUT", heads, "/v1/journal-heads/7", 200, json.dumps(head), dict(auth, **json_type))
    c.call("PUT", heads, "/v1/journal-heads/7", 409, json.dumps(dict(head, hash="cd" * 32)), dict(auth, **json_type))
    c.call("PUT", heads, "/v1/journal-heads/6", 409, json.dumps(dict(head, seq=6)), dict(auth, **json_type))
    c.call("PUT", heads, "/v1/journal-heads/8", 400, json.dumps(head), dict(auth, **json_type))
    c.call("PUT", heads, "/v1/journal-heads/8", 401, json.dumps(dict(head, seq=8)), json_type)

    # Activity.
    activity = "/v1/activity/{uuid}"
    period = "/v1/activity/" + str(uuid.uuid4())
    counts = {"period": "2026-11", "counts": {"demarches_envoyees": 3}}
    c.call("PUT", activity, period, 201, json.dumps(counts), dict(auth, **json_type))
    c.call("PUT", activity, period, 200, json.dumps(counts), dict(auth, **json_type))
    c.call("PUT", activity, period, 409, json.dumps(dict(counts, counts={"demarches_envoyees": 4})),
           dict(auth, **json_type))
    c.call("PUT", activity, "/v1/activity/" + str(uuid.uuid4()), 400, json.dumps({"period": "novembre"}),
           dict(auth, **json_type))
    c.call("PUT", activity, period, 401, json.dumps(counts), json_type)

    # A revoked device: 403 on every authenticated operation.
    other = c.call("POST", "/v1/enrolments", "/v1/enrolments", 201,
                   json.dumps({"code": p.new_code(), "device_name": "Kiosque révoqué"}), json_type).json()
    p.revoke(other["device_id"])
    revoked = {"Authorization": "Bearer " + other["token"]}
    c.call("GET", status, status, 403, None, revoked)
    c.call("GET", "/v1/catalogue", "/v1/catalogue", 403, None, revoked)
    c.call("POST", "/v1/uploads/", "/v1/uploads/", 403, None,
           dict(revoked, **{"Tus-Resumable": "1.0.0", "Upload-Length": "10",
                            "Upload-Metadata": metadata("a.pdf", digest, submission)}))
    c.call("PUT", sub, "/v1/submissions/" + str(uuid.uuid4()), 403, json.dumps(body), dict(revoked, **json_type))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", required=True)
    parser.add_argument("--spec", required=True)
    args = parser.parse_args()
    spec = Spec(args.spec)
    with tempfile.TemporaryDirectory(prefix="relais-contract-") as workdir:
        platform = Platform(args.platform, workdir)
        try:
            contract = Contract(spec, platform)
            scenario(contract)
        finally:
            platform.stop()
    for line in contract.failures:
        print("MISMATCH " + line)
    uncovered = contract.uncovered()
    for operation in uncovered:
        print("UNCOVERED " + operation)
    failed = len(contract.failures) + len(uncovered)
    print("%d passed, %d failed" % (contract.checked - len(contract.failures), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
