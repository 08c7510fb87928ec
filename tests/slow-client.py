#!/usr/bin/python3
"""Slow and many clients for tests/serve.sh, on loopback only.  Every loop is
bounded in count and time; the caller runs this under timeout(1) as well.

  slow-client.py trickle PORT BOUND
      sends a request one byte a second; prints "closed SECONDS" when the
      server closes the connection, or "open" if it is still open after
      2 x BOUND seconds.
  slow-client.py hold PORT BOUND SRC,SRC,... PROBE_SRC DIR
      opens a connection from each source address and trickles a request on
      each (a byte every 0.25 s); prints "opened K/N"; then opens a probe from
      PROBE_SRC that sends nothing and prints "probe refused" if the server
      closes it within a second, else "probe accepted"; creates DIR/ready and
      waits (at most BOUND seconds) for DIR/done, still trickling; prints
      "held K" (still open then); then waits for the server to close them all
      and prints "cut FIRST LAST" (seconds from their opening), or "still
      open K" after 2 x BOUND seconds.
  slow-client.py many PORT N
      opens N connections from 127.0.0.1, then sends a whole request on the
      last five; prints "served K/5" (answered 200) and "open K/N-5" (the
      others still open)."""
import os
import resource
import select
import socket
import sys
import time

HOST = "127.0.0.1"


def connect(port, src=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if src:
        s.bind((src, 0))
    s.settimeout(2)
    s.connect((HOST, port))
    s.setblocking(False)
    return s


def readable(s, wait):
    p = select.poll()  # not select(): descriptors beyond 1024 in "many"
    p.register(s, select.POLLIN)
    return bool(p.poll(int(wait * 1000)))


def closed(s, wait=0.0):
    """True when the server has closed s (end of file, reset), waiting at most
    `wait` seconds for it."""
    if not readable(s, wait):
        return False
    try:
        while True:
            d = s.recv(65536)
            if not d:
                return True
            if not readable(s, 0):
                return False  # data (a response), still open
    except BlockingIOError:
        return False
    except OSError:
        return True


def send_byte(s, b):
    try:
        s.send(b)
    except BlockingIOError:
        pass
    except OSError:
        pass  # closed: closed() says so


REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000


def trickle(port, bound):
    s = connect(port, "127.0.0.7")
    t0 = time.monotonic()
    for i in range(int(2 * bound) + 1):
        send_byte(s, REQUEST[i:i + 1])
        if closed(s, 1.0):
            print("closed %.2f" % (time.monotonic() - t0))
            return
    print("open")


def hold(port, bound, srcs, probe_src, folder):
    conns = []
    for src in srcs:
        try:
            conns.append(connect(port, src))
        except OSError:
            pass
    t0 = time.monotonic()
    for s in conns:
        send_byte(s, b"G")
    time.sleep(0.2)  # the server accepts them (or closes them) meanwhile
    alive = [s for s in conns if not closed(s)]
    print("opened %d/%d" % (len(alive), len(srcs)))
    try:
        p = connect(port, probe_src)
        print("probe refused" if closed(p, 1.0) else "probe accepted")
        p.close()
    except OSError:
        print("probe refused")
    open(os.path.join(folder, "ready"), "w").close()
    i = 1
    end = time.monotonic() + bound
    while time.monotonic() < end and not os.path.exists(os.path.join(folder, "done")):
        for s in alive:
            send_byte(s, REQUEST[i:i + 1])
        i += 1
        time.sleep(0.25)
    alive = [s for s in alive if not closed(s)]
    print("held %d" % len(alive))
    first = last = None
    end = t0 + 2 * bound
    while alive and time.monotonic() < end:
        for s in alive:
            send_byte(s, REQUEST[i:i + 1])
        i += 1
        time.sleep(0.25)
        still = [s for s in alive if not closed(s)]
        if len(still) < len(alive):
            last = time.monotonic() - t0
            first = first if first is not None else last
        alive = still
    if alive:
        print("still open %d" % len(alive))
    elif first is not None:
        print("cut %.2f %.2f" % (first, last))
    for s in conns:
        s.close()


def many(port, n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < n + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (n + 64, hard))
    conns = [connect(port) for _ in range(n)]
    served = 0
    for s in conns[-5:]:
        s.setblocking(True)
        s.settimeout(5)
        try:
            s.sendall(b"GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            if s.recv(64).startswith(b"HTTP/1.1 404"):
                served += 1
        except OSError:
            pass
    print("served %d/5" % served)
    print("open %d/%d" % (sum(not closed(s) for s in conns[:-5]), n - 5))
    for s in conns:
        s.close()


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "trickle":
        trickle(port, float(sys.argv[3]))
    elif mode == "hold":
        hold(port, float(sys.argv[3]), sys.argv[4].split(","), sys.argv[5], sys.argv[6])
    elif mode == "many":
        many(port, int(sys.argv[3]))
    else:
        sys.exit("slow-client.py: unknown mode " + mode)


main()
