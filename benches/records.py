#!/usr/bin/env python3
"""Issue 16's table, in one interleaved run: CPU time (user + sys of the child, from wait4) of
`batch` against a parse-only pass on profiles from three generators, record sizes, the
10M-profile estimate, and how batch and `paths -k 5 --profile` scale with the knowledge base.

    benches/records.py BIN_DIR DATA_DIR        # BIN_DIR holds careergraph and examples/scale

Environment: N (profiles per generator, default 20000), RUNS (interleaved rounds, default 3),
BEFORE (an earlier careergraph binary to run the same batches with, `--top 5`, for before/after),
KB_SIZES (synthetic knowledge bases, default "50 500 5000"). Prints a Markdown table per part;
every ratio is of medians measured in the same run, one command right after the other.
"""
import os, statistics, sys

bin_dir, data = sys.argv[1], sys.argv[2]
B = os.path.join(bin_dir, "careergraph")
S = os.path.join(bin_dir, "examples", "scale")
if not os.path.exists(S):
    S = os.path.join(bin_dir, "scale")
N = int(os.environ.get("N", "20000"))
RUNS = int(os.environ.get("RUNS", "3"))
KB_SIZES = os.environ.get("KB_SIZES", "50 500 5000").split()
os.makedirs(data, exist_ok=True)
devnull = os.open(os.devnull, os.O_WRONLY)


def spawn(cmd, out=devnull):
    """CPU seconds (user + sys) of one run of `cmd`, its standard output to `out`."""
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, ru = os.wait4(pid, 0)
    return ru.ru_utime + ru.ru_stime


def generate(kind, n, path, seed="1"):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        spawn([S, kind, str(n), seed], fd)
        os.close(fd)
    return path


def interleaved(cmds):
    """Median CPU seconds of each command over RUNS interleaved rounds (after one warm-up)."""
    times = [[] for _ in cmds]
    for r in range(RUNS + 1):
        for i, c in enumerate(cmds):
            t = spawn(c)
            if r > 0:
                times[i].append(t)
    return [statistics.median(t) for t in times]


def size(cmd):
    """Bytes `cmd` writes to standard output."""
    path = os.path.join(data, "size.out")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    spawn(cmd, fd)
    os.close(fd)
    n = os.path.getsize(path)
    os.remove(path)
    return n


gens = [
    ("examples/scale profiles (uniform)", generate("profiles", N, f"{data}/scale{N}.jsonl")),
    ("population (many juniors, skewed skills)", generate("population", N, f"{data}/population{N}.jsonl")),
    ("random valid", generate("random", N, f"{data}/random{N}.jsonl")),
]
runs = [
    ("parse-only", lambda f: [S, "parse-only", f]),
    ("batch --brief --jobs 1", lambda f: [B, "batch", f, "--brief", "--jobs", "1", "-o", "/dev/null"]),
    ("batch --jobs 1 (full, top 5)", lambda f: [B, "batch", f, "--jobs", "1", "-o", "/dev/null"]),
    ("batch --jobs 2 (full, top 5)", lambda f: [B, "batch", f, "--jobs", "2", "-o", "/dev/null"]),
]
BEFORE = os.environ.get("BEFORE")
if BEFORE:
    # The same commands with an earlier build (the record format before issue 16: `--top 5`
    # given, texts in both languages, other_certifications).
    runs += [
        ("before: batch --top 5 --brief --jobs 1", lambda f: [BEFORE, "batch", f, "--top", "5", "--brief", "--jobs", "1", "-o", "/dev/null"]),
        ("before: batch --top 5 --jobs 1 (full)", lambda f: [BEFORE, "batch", f, "--top", "5", "--jobs", "1", "-o", "/dev/null"]),
    ]
print(f"## batch against parse-only, {N} profiles a generator, CPU time, medians of {RUNS} interleaved runs")
print(f"load average at start: {open('/proc/loadavg').read().split()[:3]}\n")
print("| generator | command | CPU s | µs/profile | × parse-only | bytes/record |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
cmds = [(g, name, mk(f)) for g, f in gens for name, mk in runs]
medians = interleaved([c for _, _, c in cmds])
floor = {}
full = {}
for (g, name, c), m in zip(cmds, medians):
    if name == "parse-only":
        floor[g] = m
    stdout_cmd = [x for x in c if x not in ("-o", "/dev/null")]
    nbytes = "–" if name == "parse-only" or "--jobs 2" in " ".join(c) else f"{size(stdout_cmd) / N:,.0f}"
    if name.startswith("batch --jobs 1"):
        full[g] = (m, nbytes)
    print(f"| {g} | `{name}` | {m:.2f} | {m / N * 1e6:.1f} | {m / floor[g]:.2f} | {nbytes} |")

print("\n## 10M profiles, full records (top 5, no texts), from the CPU time above")
print("| generator | 1 core | 2 cores (CPU / 2) | output |")
print("| --- | ---: | ---: | ---: |")
for g, (m, nbytes) in full.items():
    per = m / N
    out = float(nbytes.replace(",", "")) * 1e7 / 1e9
    print(f"| {g} | {per * 1e7 / 60:.0f} min | {per * 1e7 / 120:.0f} min | {out:.0f} GB |")

print("\n## knowledge-base scale: `paths -k 5 --profile` and a brief batch against loading the base")
print("(batch: `--brief --jobs 1`, top 5, 2,000 random profiles over the base's ids; its CPU time less one load)\n")
print("| roles | load (`validate`) s | `paths -k 5 --profile` s | × load | brief batch µs/profile | candidates/profile | µs per candidate |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
import json, random


def candidates(cmd):
    """Mean recommendations per ok record of `batch --brief --all`."""
    path = os.path.join(data, "candidates.out")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    spawn(cmd, fd)
    os.close(fd)
    counts = [len(r.get("recommendations", [])) for r in map(json.loads, open(path)) if r["status"] == "ok"]
    os.remove(path)
    return sum(counts) / max(len(counts), 1)


profile = os.path.join(data, "synthetic-profile.json")
with open(profile, "w") as f:
    f.write('{"current_role": "role-17", "years_experience": 5, "skills": {"skill-68": 3, "skill-1": 4}, "workplace": "workplace-1"}\n')
K = 2000
shipped = os.path.join(data, "shipped2000.jsonl")
with open(gens[0][1]) as f, open(shipped, "w") as out:
    for _, line in zip(range(K), f):
        out.write(line)
sizes = [("27 (shipped)", None, shipped)]
for roles in KB_SIZES:
    kb = os.path.join(data, f"kb{roles}")
    if not os.path.exists(os.path.join(kb, "kb.json")):
        spawn([S, "kb", kb, roles])
    path = os.path.join(data, f"kb{roles}-profiles.jsonl")
    rng = random.Random(int(roles))
    n_roles, n_skills = int(roles), int(roles) * 4
    with open(path, "w") as out:
        for _ in range(K):
            skills = {f"skill-{rng.randrange(n_skills)}": rng.randint(1, 5) for _ in range(rng.randint(2, 14))}
            years = round(rng.uniform(0, 25), 1)
            out.write(json.dumps({"current_role": f"role-{rng.randrange(n_roles)}", "years_experience": years, "skills": skills}) + "\n")
    sizes.append((roles, kb, path))
for label, kb, path in sizes:
    rules = ["--rules", kb] if kb else []
    batch = [B, "batch", path, "--brief", "--jobs", "1", "-o", "/dev/null"] + rules
    if kb:
        to = f"role-{int(label) * 4 // 5}"
        load, paths, m = interleaved([
            [B, "validate"] + rules,
            [B, "paths", "--from", "role-17", "--to", to, "-k", "5", "--profile", profile] + rules,
            batch,
        ])
        head = f"| {label} | {load:.3f} | {paths:.3f} | {paths / load:.2f}"
    else:
        load, m = interleaved([[B, "--version"], batch])
        head = f"| {label} | – | – | –"
    c = candidates([B, "batch", path, "--brief", "--all", "--jobs", "1"] + rules)
    per = (m - load) / K * 1e6
    print(f"{head} | {per:.1f} | {c:.1f} | {per / max(c, 1e-9):.2f} |")
