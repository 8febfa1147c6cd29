/**
 * Fetch guard: loaded with `NODE_OPTIONS=--require ./scripts/no-network.cjs` by the build, it makes every Node
 * process of the build (prebuild, `observable build`, the data loaders it spawns) refuse any network connection to
 * a host other than this machine. A refused request throws and also marks the process as failed (exit code 1), so a
 * library that swallows the error still cannot turn an outside request into a green build.
 * Set CARNET_ALLOW_NETWORK=1 to disable it (for instance to debug a missing vendored library).
 */
"use strict";

if (process.env.CARNET_ALLOW_NETWORK !== "1") {
  const LOCAL = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", ""]);

  const isLocal = (host) => {
    const name = String(host ?? "")
      .toLowerCase()
      .replace(/\.$/, "");
    return LOCAL.has(name) || name.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(name);
  };

  const refuse = (what) => {
    const error = new Error(`no-network guard: refused ${what} (the build must not reach the network)`);
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return error;
  };

  // fetch (undici): Framework downloads npm packages, DuckDB extensions and fonts with it.
  if (typeof globalThis.fetch === "function") {
    const originalFetch = globalThis.fetch;
    globalThis.fetch = function guardedFetch(input, init) {
      let url;
      try {
        url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
      } catch {
        return originalFetch.call(this, input, init);
      }
      if (
        (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") &&
        !isLocal(url.hostname)
      ) {
        return Promise.reject(refuse(`fetch ${url.href}`));
      }
      return originalFetch.call(this, input, init);
    };
  }

  // http/https/net/tls: everything else that opens a socket (http.get, websockets, database drivers...).
  const http = require("node:http");
  const https = require("node:https");
  const net = require("node:net");
  const tls = require("node:tls");

  const hostOf = (args) => {
    const [first, second] = args;
    if (typeof first === "string" || first instanceof URL) {
      try {
        return new URL(String(first)).hostname;
      } catch {
        return typeof second === "object" && second ? (second.hostname ?? second.host) : "";
      }
    }
    if (first && typeof first === "object") return first.hostname ?? first.host ?? "";
    return "";
  };

  for (const [name, module] of [
    ["http", http],
    ["https", https]
  ]) {
    for (const method of ["request", "get"]) {
      const original = module[method];
      module[method] = function guarded(...args) {
        const host = hostOf(args);
        if (!isLocal(host)) throw refuse(`${name}.${method} to ${host}`);
        return original.apply(this, args);
      };
    }
  }

  const socketTarget = (args) => {
    const [first, second] = args;
    if (first && typeof first === "object") return first.path ? null : (first.host ?? "localhost");
    if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first)))
      return typeof second === "string" ? second : "localhost";
    return null; // a Unix socket path: local by definition
  };

  for (const [name, module, methods] of [
    ["net", net, ["connect", "createConnection"]],
    ["tls", tls, ["connect"]]
  ]) {
    for (const method of methods) {
      const original = module[method];
      module[method] = function guarded(...args) {
        const host = socketTarget(args);
        if (host !== null && !isLocal(host)) throw refuse(`${name}.${method} to ${host}`);
        return original.apply(this, args);
      };
    }
  }

  // ESM code importing named bindings (`import {request} from "node:https"`) sees the guarded functions too.
  require("node:module").syncBuiltinESMExports();
}
