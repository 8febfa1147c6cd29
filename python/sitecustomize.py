"""Carnet's network guard for Python loaders (python/ is on PYTHONPATH, so Python imports this at start-up).

Like scripts/no-network.cjs for Node: a connection to any host but this machine raises, so no loader can reach
the internet, by mistake or by a library's telemetry. CARNET_ALLOW_NETWORK=1 lifts it for debugging.
"""
import ipaddress
import os
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host):
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkRefused(OSError):
    pass


def _guard(original):
    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise NetworkRefused(f"carnet: network access refused for {address[0]} (loaders run offline)")
        return original(self, address)

    return connect


def _guard_lookup(original):
    def getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            raise NetworkRefused(f"carnet: network access refused for {host} (loaders run offline)")
        return original(host, *args, **kwargs)

    return getaddrinfo


if os.environ.get("CARNET_ALLOW_NETWORK") != "1":
    socket.socket.connect = _guard(socket.socket.connect)
    socket.socket.connect_ex = _guard(socket.socket.connect_ex)
    socket.getaddrinfo = _guard_lookup(socket.getaddrinfo)


def _duckdb_position(message):
    """DuckDB's "LINE n: ..." and caret lines said as "(line n, column c)", as carnet query says them."""
    lines = message.split("\n")
    for i, line in enumerate(lines):
        match = re.match(r"LINE (\d+): ", line)
        if match:
            caret = lines[i + 1].find("^") - len(match.group(0)) if i + 1 < len(lines) else -1
            shown = line[len(match.group(0)):]
            if caret < 0 or shown.startswith("..."):
                return f" (line {match.group(1)})"
            return f" (line {match.group(1)}, column {caret + 1})"
    return ""


def _one_line(kind, error, trace):
    """A loader's failure in the build: one line naming the loader, its line, and the exception with its message."""
    script = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else "<python>"
    line = None
    for frame in traceback.extract_tb(trace):
        if os.path.abspath(frame.filename) == script:
            line = frame.lineno
    message = str(error)
    first = message.split("\n", 1)[0].strip()
    name = os.path.relpath(script, os.environ.get("CARNET_HOME", os.getcwd()))
    where = f"{name}:{line}" if line else name
    sys.stderr.write(f"carnet: {where}: Python loader failed: {kind.__name__}: {first}{_duckdb_position(message)}\n")


# The build asks for one-line failures (package.json); `carnet loader run` reads the traceback itself.
if os.environ.get("CARNET_LOADER_ERRORS") == "one-line":
    import re
    import sys
    import traceback

    sys.excepthook = _one_line
