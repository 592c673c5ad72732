"""``python -m derivations serve [--dir output] [--port N] [--open]``: serve the built
site on loopback (127.0.0.1) so the practice pages can start their checker (a Web Worker
and WebAssembly do not load from ``file://``).

A plain static server (the standard library's ``http.server``): any static host serves
the same folder the same way.  It sends ``.mjs`` as JavaScript and ``.wasm`` as
``application/wasm``, a precompressed file (:data:`PRECOMPRESSED`: the practice pages'
memory snapshot, gzip) with ``Content-Encoding: gzip`` to a browser that accepts it (so
the browser inflates it, as nginx's ``gzip_static`` would have it do), answers only on
127.0.0.1, and logs nothing but the address.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run", "server", "accepts_gzip", "TYPES", "PRECOMPRESSED"]

# content types the practice pages need that older Pythons' mimetypes may not know
TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
}
HOST = "127.0.0.1"
# files whose bytes are gzip (docs writes practice/pyodide/checker.snapshot so): sent with
# ``Content-Encoding: gzip`` to a browser that accepts it, so the browser inflates them as
# they arrive (off the page's threads) as nginx's gzip_static would; the practice worker
# inflates such a file itself when a host sends it as it is
PRECOMPRESSED = (".snapshot",)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the built documents and practice pages on 127.0.0.1",
        description="Serve DIR (default: output) on http://127.0.0.1:PORT/ until "
        "interrupted; the practice pages are DIR/en/practice.html and DIR/zh/practice.html.",
    )
    parser.add_argument("--dir", default="output", help="the folder docs wrote (default: output)")
    parser.add_argument(
        "--port", type=_port, default=8000, help="port on 127.0.0.1 (default 8000; 0: any free)"
    )
    parser.add_argument(
        "--open", action="store_true", help="open the English practice page in a browser"
    )
    parser.set_defaults(func=run)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 65535")
    return value


def server(folder, port: int = 0):
    """A threading HTTP server of ``folder`` on 127.0.0.1:``port`` (not yet serving;
    ``server.server_address[1]`` is the port it got)."""
    import functools
    import sys
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012 (as the base class declares it)
            **SimpleHTTPRequestHandler.extensions_map,
            **TYPES,
        }

        def log_message(self, format, *args):  # quiet: a page load is dozens of requests
            pass

        status = 0  # of the response being sent

        def copyfile(self, source, outputfile):
            # the kernel copies the file to the socket (os.sendfile; socket.sendfile writes
            # it in chunks where it cannot): no Python loop waking up per 64 KB, which a busy
            # machine schedules late (the practice page's runtime and snapshot are 20 MB)
            self.connection.sendfile(source)

        def send_response(self, code, message=None):
            self.status = code
            super().send_response(code, message)

        def end_headers(self):
            if self.status == 200 and self._precompressed():
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            super().end_headers()

        def _precompressed(self) -> bool:
            from urllib.parse import urlsplit

            path = urlsplit(self.path).path
            return path.endswith(PRECOMPRESSED) and accepts_gzip(self.headers["Accept-Encoding"])

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # a browser that closes a download it no longer needs (the practice worker
            # does, for a file it already has) is not an error
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    return Server((HOST, port), functools.partial(Handler, directory=str(folder)))


def accepts_gzip(header: str | None) -> bool:
    """Whether an ``Accept-Encoding`` header accepts gzip (named, or ``*``, without
    ``q=0``)."""
    for part in (header or "").split(","):
        name, *params = (item.strip() for item in part.split(";"))
        if name.lower() in ("gzip", "*"):
            refused = any(
                p.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000") for p in params
            )
            return not refused
    return False


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from derivations.errors import DerivationError

    folder = Path(args.dir)
    if not (folder / "en" / "practice.html").is_file():
        raise DerivationError(key="docs.serve_not_built", path=folder)
    try:
        httpd = server(folder, args.port)
    except OSError as error:
        raise DerivationError(
            key="docs.serve_port", port=args.port, reason=error.strerror or error
        ) from None
    url = f"http://{HOST}:{httpd.server_address[1]}/en/practice.html"
    print(f"derivations serve: {folder} on {url} (Ctrl-C stops)", flush=True)
    if not (folder / "practice" / "pyodide" / "pyodide.mjs").is_file():
        from derivations.practice.runtime import VERSION

        print(
            f"derivations serve: no Python runtime in {folder}/practice/pyodide: the checker "
            f"will not load (`npm install --no-save pyodide@{VERSION}`, then `docs` again)",
            file=sys.stderr,
        )
    if args.open:
        import webbrowser

        webbrowser.open(url)
    with httpd:
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("derivations serve: stopped", file=sys.stderr)
    return 0
