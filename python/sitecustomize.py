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
