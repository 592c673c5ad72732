"""``python -m derivations serve [--dir output] [--port N] [--open]``: serve the built
site on loopback (127.0.0.1) so the practice pages can start their checker (a Web Worker
and WebAssembly do not load from ``file://``).

A plain static server (the standard library's ``http.server``): any static host serves
the same folder the same way.  It sends ``.mjs`` as JavaScript and ``.wasm`` as
``application/wasm``, answers only on 127.0.0.1, and logs nothing but the address.
"""

from __future__ import annotations

import argparse

__all__ = ["register", "run", "server", "TYPES"]

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

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # a browser that closes a download it no longer needs (the practice worker
            # does, for a file it already has) is not an error
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    return Server((HOST, port), functools.partial(Handler, directory=str(folder)))


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
