#!/usr/bin/env python3
"""Markdown summary of a JMH JSON result (bench/jmh/run.sh): µs/op and B/op (gc.alloc.rate.norm)."""
import json, sys
rows = json.load(open(sys.argv[1]))
print(f"> JMH {rows[0]['jmhVersion']}, {rows[0]['vmName']} {rows[0]['vmVersion']}, "
      f"{' '.join(rows[0]['jvmArgs'])}; forks {rows[0]['forks']}, {rows[0]['warmupIterations']}x{rows[0]['warmupTime']} "
      f"warm-up, {rows[0]['measurementIterations']}x{rows[0]['measurementTime']} measured  ")
print()
print('| benchmark | µs/op | ± (99.9%) | B/op |')
print('|---|---:|---:|---:|')
for r in rows:
    name = r['benchmark'].replace('dev.warden.', '')
    if r.get('params'):
        name += ' (' + ', '.join(f'{k}={v}' for k, v in r['params'].items()) + ')'
    p = r['primaryMetric']
    alloc = r['secondaryMetrics'].get('gc.alloc.rate.norm', {}).get('score')
    err = p['scoreError']
    print(f"| {name} | {p['score']:.3f} | {err:.3f} | {alloc:,.0f} |" if alloc is not None
          else f"| {name} | {p['score']:.3f} | {err:.3f} | - |")
