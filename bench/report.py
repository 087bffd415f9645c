#!/usr/bin/env python3
"""Turns the raw lines of bench/run.sh (RESULT / RSS / TTFB / ACCESSLOG / '#') into markdown tables.
Usage: python3 bench/report.py bench/out/run/<stamp>/raw.txt"""
import re
import sys

# Targets from the issue; reported as measured, never adjusted.
ADDED_P50_C1_MS = 0.2
C32_JSON_SHARE_OF_NGINX = 0.60
TTFB_OVERHEAD_MS = 1.0
IDLE_RSS_MB = 150.0


def kv(line):
    return dict(re.findall(r'(\w+)=(\S+)', line))


res, rss, ttfb, notes, extra, idle_warm, cpu = {}, {}, {}, [], [], [], {}
for line in open(sys.argv[1]):
    d = kv(line)
    if line.startswith('RESULT') and d['label'] == 'idle-warmup':
        idle_warm.append(d)
    elif line.startswith('RESULT'):
        res[d['label']] = d
    elif line.startswith('CPU'):
        cpu[d['label']] = d['cpu_us_per_req']
    elif line.startswith('RSS'):
        rss[(d['target'], d['phase'])] = float(d['rss_mb'])
    elif line.startswith('TTFB'):
        ttfb[d['target']] = d
    elif line.startswith('ACCESSLOG'):
        extra.append(f"access log: {d['lines']} lines written, {d['dropped']} drop notices")
    elif line.startswith('#'):
        notes.append(line[1:].strip())

for n in notes:
    print(f'> {n}  ')
print()


def errors(d):
    return sum(int(v) for k, v in d.items() if k.startswith('err_'))


targets = [t for t in ['direct', 'nginx', 'warden', 'warden-nolog'] if any(k.startswith(t + '/') for k in res)]
print('RPS; latency in ms (for SSE: until the last byte of the stream). "+p50" is the p50 added over direct; '
      '"vs nginx" is RPS as a share of the nginx proxy floor. "CPU" is Warden\'s own user+system CPU time per '
      'request (from /proc, 10 ms ticks).')
print()
print('| upstream | mode | conns | target | RPS | p50 | p99 | +p50 vs direct | vs nginx | CPU µs/req | errors |')
print('|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|')
for up in ['0ms', '50ms']:
    for mode in ['json', 'sse']:
        for c in ['c1', 'c32']:
            base = res.get(f'direct/{mode}/{up}/{c}')
            floor = res.get(f'nginx/{mode}/{up}/{c}')
            for t in targets:
                d = res.get(f'{t}/{mode}/{up}/{c}')
                if not d:
                    continue
                added = f"{float(d['p50_ms']) - float(base['p50_ms']):+.3f}" if base and t != 'direct' else ''
                share = f"{float(d['rps']) / float(floor['rps']):.0%}" if floor and t not in ('direct', 'nginx') else ''
                print(f"| {up} | {mode} | {c[1:]} | {t} | {float(d['rps']):,.0f} | {float(d['p50_ms']):.3f} | "
                      f"{float(d['p99_ms']):.2f} | {added} | {share} | {cpu.get(d['label'], '')} | {errors(d)} |")
print()

print('| Warden RSS | MB |')
print('|---|---:|')
labels = {'started': 'just started (no request yet)',
          'idle': f"idle: after {sum(int(r['requests']) for r in idle_warm):,} warm-up requests "
                  '(non-streaming + streaming, 1 connection), then ≥ 5 s idle',
          'after-load': 'after all load cells + 5 s pause'}
for (t, phase), mb in rss.items():
    name = labels.get(phase, phase.replace('loaded-', 'max while loaded, ') + ', 32 conns')
    print(f"| {t}: {name} | {mb:.1f} |")
print()


def ttfb_over(target):
    # Runs since 2026-11-24 19:40 interleave the targets and report the paired median (over_p50_ms); older raw
    # files measured each target in its own block, so only the difference of the medians is there.
    d = ttfb[target]
    if 'over_p50_ms' in d:
        return float(d['over_p50_ms'])
    return float(d['p50_ms']) - float(ttfb['direct']['p50_ms'])


if ttfb:
    print('Drip upstream (20 ms before each of 11 events): time to first body byte and to last byte, '
          f"{next(iter(ttfb.values()))['n']} requests per target on one connection each, the targets interleaved; "
          'the overhead is the median of the per-round differences to direct.')
    print()
    print('| target | TTFB p50 ms | p90 | p99 | last byte p50 ms | TTFB p50 over direct |')
    print('|---|---:|---:|---:|---:|---:|')
    for t, d in ttfb.items():
        over = f"{ttfb_over(t):+.2f}" if 'direct' in ttfb and t != 'direct' else ''
        print(f"| {t} | {float(d['p50_ms']):.2f} | {float(d['p90_ms']):.2f} | {float(d['p99_ms']):.2f} | "
              f"{float(d['ttlb_p50_ms']):.2f} | {over} |")
    print()
for e in extra:
    print(f'- {e}')
print()

# --- targets ---
rows = []


def verdict(ok):
    return '**met**' if ok else '**missed**'


for mode in ['json', 'sse']:
    for t in ['warden', 'warden-nolog']:
        d, base = res.get(f'{t}/{mode}/0ms/c1'), res.get(f'direct/{mode}/0ms/c1')
        if d and base:
            added = float(d['p50_ms']) - float(base['p50_ms'])
            rows.append((f'added p50 at 1 connection, {mode}, 0 ms upstream ({t})', f'≤ {ADDED_P50_C1_MS} ms',
                         f'{added:.3f} ms', verdict(added <= ADDED_P50_C1_MS)))
for t in ['warden', 'warden-nolog']:
    d, floor = res.get(f'{t}/json/0ms/c32'), res.get('nginx/json/0ms/c32')
    if d and floor:
        share = float(d['rps']) / float(floor['rps'])
        rows.append((f'non-streaming RPS at 32 connections vs nginx, 0 ms upstream ({t})',
                     f'≥ {C32_JSON_SHARE_OF_NGINX:.0%}', f"{share:.0%} ({float(d['rps']):,.0f} / {float(floor['rps']):,.0f})",
                     verdict(share >= C32_JSON_SHARE_OF_NGINX)))
if 'warden' in ttfb and 'direct' in ttfb:
    over = ttfb_over('warden')
    rows.append(('streaming TTFB overhead (p50, drip upstream)', f'≤ {TTFB_OVERHEAD_MS:g} ms', f'{over:.2f} ms',
                 verdict(over <= TTFB_OVERHEAD_MS)))
if ('warden', 'idle') in rss:
    mb = rss[('warden', 'idle')]
    rows.append(('idle RSS', f'≤ {IDLE_RSS_MB:g} MB', f'{mb:.1f} MB', verdict(mb <= IDLE_RSS_MB)))
print('| target | goal | measured | |')
print('|---|---|---:|---|')
for r in rows:
    print('| ' + ' | '.join(r) + ' |')
