#!/usr/bin/env python3
"""CPU time (user + sys of the child, from wait4) of each command, run interleaved RUNS times
(default 200) after 5 warm-up rounds; prints mean, median and the median's ratio to the first
command's. The children are started with posix_spawn, so no fork of this process is counted.

    RUNS=400 benches/cpu.py "target/release/careergraph --version" \
        "target/release/careergraph recommend profiles/infra-4y-ccna.json"
"""
import os, sys, statistics, subprocess
runs = int(os.environ.get("RUNS", "200"))
cmds = [c.split() for c in sys.argv[1:]]
times = [[] for _ in cmds]
devnull = os.open(os.devnull, os.O_WRONLY)
for r in range(runs + 5):
    for i, c in enumerate(cmds):
        pid = os.posix_spawn(c[0], c, os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
        _, status, ru = os.wait4(pid, 0)
        if r >= 5:
            times[i].append((ru.ru_utime + ru.ru_stime) * 1000)
base = statistics.median(times[0])
for c, t in zip(cmds, times):
    m = statistics.median(t)
    print(f"{statistics.mean(t):7.3f} ms mean {m:7.3f} ms median {m/base:5.2f}x  {' '.join(c)}")
