#!/usr/bin/env python3
"""Measures where an element of a report ends on screen, in headless Chromium driven by chromedriver.

Usage: measure-screen.py PAGE.html ELEMENT-ID WIDTH HEIGHT
Prints "<bottom> <viewport height>" in CSS pixels and exits 1 when the element ends below the first
screen. Talks the W3C WebDriver protocol with the standard library only; the page itself runs no script
(the measurement is the driver's, not the page's).
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}")


def main():
    page, element, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                call(port, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        options = {"args": ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--proxy-server=127.0.0.1:9", f"--window-size={width},{height}"]}
        session = call(port, "POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})["value"]["sessionId"]
        try:
            call(port, "POST", f"/session/{session}/url", {"url": "file://" + os.path.abspath(page)})
            script = ("var e = document.getElementById(arguments[0]);"
                      "return e ? [e.getBoundingClientRect().bottom + window.scrollY, window.innerHeight] : null;")
            value = call(port, "POST", f"/session/{session}/execute/sync", {"script": script, "args": [element]})["value"]
        finally:
            call(port, "DELETE", f"/session/{session}")
    finally:
        driver.terminate()
        driver.wait(timeout=10)
    if value is None:
        print(f"no element #{element}")
        return 1
    bottom, viewport = value
    print(f"{bottom:.0f} {viewport}")
    return 0 if bottom <= viewport else 1


if __name__ == "__main__":
    sys.exit(main())
