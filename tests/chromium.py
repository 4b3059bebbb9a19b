"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
no port is opened), for the report's browser tests.

``load(path)`` opens a local file and returns what a person's browser would have done: console
messages and uncaught exceptions, every network request the page made, the DOM after the
page's scripts ran, and a PNG screenshot. ``png_pixels`` decodes such a PNG (8-bit RGB/RGBA,
the kind Chromium writes) for pixel statistics.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars"]


def find() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageRun:
    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dom: str = ""
    ready: bool = False
    screenshot: bytes = b""
    thumbnail: bytes = b""  # the same view at a quarter of the size (fast pixel statistics)
    evaluated: dict[str, object] = field(default_factory=dict)

    @property
    def errors(self) -> list[str]:
        return self.exceptions + [text for level, text in self.console if level in ("error", "assert")]


def _above(fd: int, low: int) -> int:
    new = fcntl.fcntl(fd, fcntl.F_DUPFD, low)
    os.close(fd)
    return new


class _Pipe:
    def __init__(self, browser: str, profile: str):
        to_r, self._to_w = os.pipe()
        self._from_r, from_w = os.pipe()
        # Chromium reads fd 3 and writes fd 4: move both pipes above 4 first, so that mapping
        # one cannot overwrite the other, then map them in the child just before exec.
        to_r, from_w = (_above(fd, 10) for fd in (to_r, from_w))

        def child_fds():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        self.log = open(Path(profile) / "chromium.log", "w+b")
        self.proc = subprocess.Popen(cmd, close_fds=False, preexec_fn=child_fds, stdout=self.log,
                                     stderr=self.log)
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_r, 1 << 20)
            if not chunk:
                self.log.seek(0)
                tail = self.log.read().decode("utf-8", "replace")[-2000:]
                raise RuntimeError(f"chromium closed the DevTools pipe; its log ends:\n{tail}")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 60) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_w, self._from_r):
            os.close(fd)
        self.log.close()


def _evaluate(pipe: _Pipe, session: str, expression: str):
    res = pipe.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                         "awaitPromise": True}, session)
    return res.get("result", {}).get("value")


def load(path: Path, width: int = 1200, height: int = 1600, ready_attr: str | None = "data-ready",
         scripts: dict[str, str] | None = None, timeout: float = 90) -> PageRun:
    """Open ``path``; wait for the load event and (when given) ``<body ready_attr="true">``;
    then run each of ``scripts`` (name → JavaScript expression) and keep its value."""
    browser = find()
    if browser is None:
        raise RuntimeError("no chromium")
    run = PageRun()
    with tempfile.TemporaryDirectory(prefix="airwar-chromium-") as profile:
        pipe = _Pipe(browser, profile)
        try:
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Network", "Page"):
                pipe.call(f"{domain}.enable", {}, session)
            pipe.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                             "deviceScaleFactor": 1, "mobile": False}, session)
            pipe.call("Page.navigate", {"url": Path(path).resolve().as_uri()}, session)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                state = _evaluate(pipe, session, "document.readyState + ' ' + (document.body ? "
                                  f"document.body.getAttribute({json.dumps(ready_attr or '')}) : '')")
                if state and state.startswith("complete") and (not ready_attr or state.endswith("true")):
                    run.ready = True
                    break
                time.sleep(0.2)
            time.sleep(0.3)
            for name, expression in (scripts or {}).items():
                run.evaluated[name] = _evaluate(pipe, session, expression)
            run.dom = _evaluate(pipe, session, "document.documentElement.outerHTML") or ""
            shot = pipe.call("Page.captureScreenshot", {"format": "png"}, session)
            run.screenshot = base64.b64decode(shot["data"])
            clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 0.25}
            thumb = pipe.call("Page.captureScreenshot", {"format": "png", "clip": clip}, session)
            run.thumbnail = base64.b64decode(thumb["data"])
            _collect(pipe.events, run)
        finally:
            pipe.close()
    return run


def _collect(events: list[dict], run: PageRun) -> None:
    for ev in events:
        method, p = ev.get("method"), ev.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            run.console.append((p.get("type", ""), text))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            run.exceptions.append(d.get("exception", {}).get("description") or d.get("text", ""))
        elif method == "Log.entryAdded":
            entry = p.get("entry", {})
            run.console.append((entry.get("level", ""), f"[{entry.get('source')}] {entry.get('text')}"))
        elif method == "Network.requestWillBeSent":
            run.requests.append(p.get("request", {}).get("url", ""))


def png_pixels(png: bytes) -> np.ndarray:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG into an ``(h, w, channels)`` array."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    w, h, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0, f"unsupported PNG {header}"
    bpp = 3 if color == 2 else 4
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(h, 1 + w * bpp)
    out = np.zeros((h, w * bpp), dtype=np.uint8)
    prev = np.zeros(w * bpp, dtype=np.int32)
    for y in range(h):
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int32)
        if kind == 0:
            cur = line
        elif kind == 2:
            cur = (line + prev) % 256
        else:
            cur = _unfilter_sequential(kind, line, prev, bpp)
        out[y] = cur
        prev = cur.astype(np.int32)
    return out.reshape(h, w, bpp)


def _unfilter_sequential(kind: int, line: np.ndarray, prev: np.ndarray, bpp: int) -> np.ndarray:
    cur = np.zeros_like(line)
    if kind == 1:  # Sub: a running sum per channel
        for c in range(bpp):
            cur[c::bpp] = np.cumsum(line[c::bpp]) % 256
        return cur
    cur_l = [0] * len(line)
    line_l, prev_l = line.tolist(), prev.tolist()
    for i in range(len(line_l)):
        a = cur_l[i - bpp] if i >= bpp else 0
        b = prev_l[i]
        if kind == 3:
            cur_l[i] = (line_l[i] + (a + b) // 2) % 256
        else:  # 4, Paeth
            c = prev_l[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
            cur_l[i] = (line_l[i] + pred) % 256
    return np.array(cur_l, dtype=np.int32)


def pixel_stats(png: bytes) -> dict[str, float]:
    """Grey-level standard deviation, share of pixels unlike the most common colour, and the
    number of distinct colours (a blank page: ~0, ~0, 1)."""
    px = png_pixels(png)[:, :, :3].reshape(-1, 3).astype(np.int64)
    keys = (px[:, 0] << 16) | (px[:, 1] << 8) | px[:, 2]
    values, counts = np.unique(keys, return_counts=True)
    grey = px.mean(axis=1)
    return {"std": float(grey.std()), "non_background": float(1 - counts.max() / len(keys)),
            "colours": int(len(values))}
