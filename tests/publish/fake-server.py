#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""fake-server.py MODE LOG - a misbehaving HTTP server on 127.0.0.1 for the
publish tests.  Prints its port on the first line of standard output, then
serves until killed.  Every request line, and the password of a Basic
Authorization header, is appended to LOG.

MODE:
  ok       401 asking for Basic auth without credentials, else 201
  silent   reads the request, never answers
  slow     sends the status line one byte every 2 seconds
  endless  200 and a body that never ends
  hostile  403 with a body full of terminal escape sequences
"""
import base64
import socket
import sys
import threading
import time


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None, b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    if headers.get("expect", "").lower() == "100-continue" and length:
        conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return (lines[0], headers), body


def log(path, text):
    with open(path, "a") as f:
        f.write(text + "\n")


def answer(conn, status, body=b"", extra=""):
    conn.sendall(("HTTP/1.1 %s\r\nContent-Length: %d\r\n%s\r\n"
                  % (status, len(body), extra)).encode() + body)


def serve(conn, mode, logfile):
    try:
        while True:
            request, body = read_request(conn)
            if request is None:
                return
            line, headers = request
            log(logfile, "request %s (%d bytes)" % (line, len(body)))
            auth = headers.get("authorization", "")
            if auth.startswith("Basic "):
                user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
                log(logfile, "password %s" % password)
            if mode == "ok":
                if not auth:
                    answer(conn, "401 Unauthorized",
                           extra='WWW-Authenticate: Basic realm="test"\r\n')
                    continue
                answer(conn, "201 Created")
            elif mode == "silent":
                time.sleep(3600)
            elif mode == "slow":
                for byte in b"HTTP/1.1 200 OK\r\n":
                    conn.sendall(bytes([byte]))
                    time.sleep(2)
            elif mode == "endless":
                conn.sendall(b"HTTP/1.1 200 OK\r\n\r\n")
                while True:
                    conn.sendall(b"x" * 65536)
            elif mode == "hostile":
                answer(conn, "403 Forbidden",
                       b"\x1b]0;owned\x07\x1b[2J\x1b[31mdenied\x1b[0m\x9b1m")
    except OSError:
        pass
    finally:
        conn.close()


def main():
    mode, logfile = sys.argv[1], sys.argv[2]
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    print(server.getsockname()[1], flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn, mode, logfile),
                         daemon=True).start()


main()
