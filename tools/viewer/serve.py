#!/usr/bin/env python3
"""Serve the built viewer (tools/viewer/dist) on 127.0.0.1 and open a result file in it.

    python3 tools/viewer/serve.py [FILE] [--compare FILE2] [--port N] [--no-browser]

The page and the files are served from a temporary folder of symbolic links (the dist
files and the result files), bound to the loopback address only, so nothing but the page
and the files named is reachable and nothing leaves the machine. Prints the address;
Ctrl-C stops it.
"""
import argparse
import functools
import http.server
import os
import re
import sys
import tempfile
import urllib.parse
import webbrowser

DIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dist")


def link_tree(folder, files):
    """The dist files and the result files (under data/), as links in `folder`."""
    for name in os.listdir(DIST):
        os.symlink(os.path.join(DIST, name), os.path.join(folder, name))
    os.mkdir(os.path.join(folder, "data"))
    urls = []
    for i, path in enumerate(files):
        name = f"{i}-{os.path.basename(path)}"
        os.symlink(os.path.abspath(path), os.path.join(folder, "data", name))
        urls.append("data/" + urllib.parse.quote(name))
    return urls


def page_address(port, urls):
    query = {}
    if urls:
        query["file"] = urls[0]
    if len(urls) > 1:
        query["compare"] = urls[1]
    suffix = ("?" + urllib.parse.urlencode(query)) if query else ""
    return f"http://127.0.0.1:{port}/index.html{suffix}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder, answering `Range: bytes=A-B` with those bytes (206), so the page
    reads a large result file a block at a time, only the blocks it needs (src/lazy_file.js)."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def do_GET(self):
        match = re.fullmatch(r"bytes=(\d+)-(\d+)", self.headers.get("Range", ""))
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path):
            return super().do_GET()
        size = os.path.getsize(path)
        first, last = int(match[1]), min(int(match[2]), size - 1)
        if first > last:
            self.send_error(416, "range not satisfiable")
            return
        with open(path, "rb") as f:
            f.seek(first)
            body = f.read(last - first + 1)
        self.send_response(206)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", help="run or sweep file (.h5) to open")
    ap.add_argument("--compare", help="a second file, drawn beside the first")
    ap.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    ap.add_argument("--no-browser", action="store_true", help="only print the address")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(DIST, "index.html")):
        sys.exit(f"{DIST} is not built: run `make viewer` (npm ci && npm run build in tools/viewer)")
    files = [f for f in (args.file, args.compare) if f]
    for f in files:
        if not os.path.isfile(f):
            sys.exit(f"no such file: {f}")
    with tempfile.TemporaryDirectory(prefix="eiisim-view-") as folder:
        urls = link_tree(folder, files)
        handler = functools.partial(QuietHandler, directory=folder)
        with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
            address = page_address(server.server_address[1], urls)
            print(f"eiisim viewer at {address}  (Ctrl-C stops it)", flush=True)
            if not args.no_browser:
                webbrowser.open(address)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
