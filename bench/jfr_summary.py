#!/usr/bin/env python3
"""Summarises `jfr print --json --events jdk.CPUTimeSample,jdk.ExecutionSample,jdk.ObjectAllocationSample` output (bench/profile.sh):
CPU self/inclusive top frames, self CPU by component, allocation by allocating frame."""
import json, sys, collections
events = json.load(open(sys.argv[1]))['recording']['events']
def name(f):
    m = f['method']
    return f"{m['type']['name'].split('.')[-1] if m['type']['name'].startswith('java.') else m['type']['name']}.{m['name']}"
# CPU-time samples (JDK 25, Linux: every thread's CPU time, native frames' Java callers included) when recorded,
# else the wall-clock execution samples, which see only threads running Java code at the tick.
cpu = [e for e in events if e['type'] == 'jdk.CPUTimeSample'] or [e for e in events if e['type'] == 'jdk.ExecutionSample']
alloc = [e for e in events if e['type'] == 'jdk.ObjectAllocationSample']
self_c, incl = collections.Counter(), collections.Counter()
def frames_of(e):
    st = e['values'].get('stackTrace')
    return (st or {}).get('frames') or []
for e in cpu:
    frames = frames_of(e)
    if not frames: continue
    self_c[name(frames[0])] += 1
    for n in {name(f) for f in frames}: incl[n] += 1
n = len(cpu) or 1
print(f"CPU samples: {len(cpu)}")
print("\n-- top 25 self (top of stack) --")
for k, v in self_c.most_common(25): print(f"{v / n:6.1%}  {k}")
print("\n-- top 40 inclusive, dev.warden / helidon / jackson / java.net.http frames --")
shown = 0
for k, v in incl.most_common():
    if any(p in k for p in ('dev.warden', 'helidon', 'jackson', 'jdk.internal.net.http', 'HttpClient')):
        print(f"{v / n:6.1%}  {k}"); shown += 1
        if shown == 40: break
# Self time by component: the nearest frame to the top of the stack that belongs to a known library or a Warden
# package decides; JDK frames (collections, strings, locks) are charged to their caller.
def component(frames):
    for f in frames:
        t = f['method']['type']['name'].replace('/', '.')
        if t.startswith('jdk.internal.net.http') or t.startswith('java.net.http'): return 'JDK HttpClient (upstream)'
        if t.startswith('com.fasterxml.jackson'): return 'Jackson'
        if t.startswith('io.helidon'): return 'Helidon (server)'
        if t.startswith('dev.warden.'): return 'Warden ' + '.'.join(t.split('.')[2:3])
        if t.startswith('jdk.jfr') or t.startswith('jdk.internal.event'): return 'JFR itself'
    return 'JDK other (virtual-thread scheduling, ...): ' + (frames[0]['method']['type']['name'].split('/')[-1] if frames else '?')
comp = collections.Counter(component(frames_of(e)) for e in cpu)
print("\n-- self CPU by component --")
other = 0
for k, v in comp.most_common():
    if k.startswith('JDK other') and v / n < 0.01: other += v; continue
    print(f"{v / n:6.1%}  {k}")
print(f"{other / n:6.1%}  JDK other, each < 1%")
w = collections.Counter()
for e in alloc:
    frames = frames_of(e)
    # first frame in our code or a library, skipping JDK collection/string internals
    top = next((name(f) for f in frames if not name(f).split('.')[0] in ('Arrays', 'String', 'StringBuilder', 'AbstractStringBuilder', 'StringLatin1', 'StringUTF16', 'ArrayList', 'HashMap', 'Object', 'StringConcatHelper', 'DirectMethodHandle$Holder', 'Invokers$Holder', 'LambdaForm$MH')), name(frames[0]) if frames else '?')
    w[top] += e['values']['weight']
total = sum(w.values()) or 1
print(f"\n-- allocation (sampled weight), top 25 allocating frames; total {total / 1e6:.0f} MB sampled --")
for k, v in w.most_common(25): print(f"{v / total:6.1%}  {k}")
