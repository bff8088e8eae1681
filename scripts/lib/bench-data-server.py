#!/usr/bin/env python3
"""A recorded data set for scripts/bench-console: a loopback server answering the Keystone and
Glance v2 calls the console makes at start-up with N images (default 10,000), 100 members per
image and 100 shares offered to the project, in Glance's own shapes and pagination. It is not a
test double for the tests (they use real Keystone and Glance); it only feeds the benchmark a
large cloud that the reference stack cannot hold quickly. Usage: bench-data-server.py PORT [N]"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
PROJECT = "0f7c45d9dc6347c5be251ba6814ee9e5"
NAMES = ["ubuntu-24.04-golden", "debian-12", "rocky-9 (hardened)", "windows-2022", "テスト画像", "fedora-41"]


def image(index, owner):
    return {"id": "%08x-0000-4000-8000-%012x" % (index, index), "name": "%s-%d" % (NAMES[index % len(NAMES)], index),
            "status": "active", "visibility": "shared", "owner": owner, "size": 1024 * index, "disk_format": "raw",
            "container_format": "bare", "protected": False, "tags": [], "min_disk": 0, "min_ram": 0,
            "created_at": "2026-11-%02dT10:00:00Z" % (1 + index % 28), "updated_at": "2026-11-21T10:00:00Z"}


OWNED = [image(i, PROJECT) for i in range(COUNT)]
SHARED = {status: [image(COUNT + 100 * k + i, "%032x" % (k + 1)) for i in range(33 + (k == 0))]
          for k, status in enumerate(["pending", "accepted", "rejected"])}


def member(image_id, member_id, status="pending"):
    return {"image_id": image_id, "member_id": member_id, "status": status, "created_at": "2026-11-20T10:00:00Z",
            "updated_at": "2026-11-21T10:00:00Z", "schema": "/v2/schemas/member"}


POSITIONS = {}


def position(rows, image_id):
    """The index of image_id in rows, from an index built once per list (100,000 images, 100 pages)."""
    if id(rows) not in POSITIONS:
        POSITIONS[id(rows)] = (rows, {row["id"]: i for i, row in enumerate(rows)})
    return POSITIONS[id(rows)][1][image_id]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_json(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        catalog = [{"type": "image", "name": "glance", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "http://127.0.0.1:%d" % PORT, "id": "1"}]}]
        self.send_json(201, {"token": {"expires_at": "2099-01-01T00:00:00.000000Z", "methods": ["password"],
                                       "user": {"id": "u1", "name": "bench", "domain": {"name": "Default"}},
                                       "project": {"id": PROJECT, "name": "bench", "domain": {"name": "Default"}},
                                       "roles": [{"name": "member"}, {"name": "reader"}], "catalog": catalog}},
                       [("X-Subject-Token", "bench-token")])

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        parts = [p for p in url.path.split("/") if p]
        if parts == ["v2", "images"]:
            if query.get("owner") == PROJECT:
                rows = OWNED
            elif query.get("visibility") == "shared":
                status = query.get("member_status", "accepted")
                rows = sum(SHARED.values(), []) if status == "all" else SHARED.get(status, [])
            else:
                rows = OWNED + sum(SHARED.values(), [])
            limit = min(int(query.get("limit", 25)), 1000)
            start = 0
            if "marker" in query:
                start = position(rows, query["marker"]) + 1
            page = rows[start:start + limit]
            body = {"images": page, "schema": "/v2/schemas/images", "first": "/v2/images"}
            if len(page) == limit:
                rest = "&".join("%s=%s" % (k, v) for k, v in query.items() if k != "marker")
                body["next"] = "/v2/images?%s&marker=%s" % (rest, page[-1]["id"])
            return self.send_json(200, body)
        if len(parts) == 4 and parts[:2] == ["v2", "images"] and parts[3] == "members":
            return self.send_json(200, {"members": [member(parts[2], "%032x" % (1000 + i)) for i in range(100)],
                                        "schema": "/v2/schemas/members"})
        if len(parts) == 5 and parts[3] == "members":
            return self.send_json(200, member(parts[2], parts[4]))
        self.send_json(404, {"message": "not found", "code": "404 Not Found", "title": "Not Found"})


class Server(ThreadingHTTPServer):
    # socketserver's listen backlog is 5: the console's listings, page prefetches, members and inbox
    # at once overflow it, and each dropped SYN costs a one-second retransmit that the benchmark would
    # then count as memberdeck's time. Glance behind uwsgi or Apache listens with a backlog of 100+.
    request_queue_size = 128


Server(("127.0.0.1", PORT), Handler).serve_forever()
