#!/usr/bin/env python3
"""Top frames of a CPU profile in speedscope format (what BenchmarkDotNet's `--profiler EP` writes).

    python3 tests/perf/speedscope-top.py FILE.speedscope.json [--root TEXT] [--match TEXT] [--top 40]

Prints, per frame, the share of sampled time spent in it and below it (inclusive) and in it alone
(self: the deepest managed frame, with the CPU_TIME / UNMANAGED_CODE_TIME leaves counted to it).
`--root` counts only time whose stack holds a frame containing TEXT, and gives shares of that time
(for example `EngineBenchmarks.Read()`: the benchmark's own calls, without BenchmarkDotNet's setup or
other threads). `--match` lists only frames whose name contains TEXT (for example `PhaseTracker` or
`EntityFrameworkCore`). No dependencies beyond the standard library.
"""
import argparse
import collections
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--match", default="")
    parser.add_argument("--root", default="")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8") as handle:
        profile = json.load(handle)
    frames = [frame["name"] for frame in profile["shared"]["frames"]]
    leaves = {i for i, name in enumerate(frames) if name in ("CPU_TIME", "UNMANAGED_CODE_TIME", "READY_TIME", "BLOCKED_TIME")}
    roots = {i for i, name in enumerate(frames) if args.root and args.root in name}

    inclusive = collections.Counter()
    self_time = collections.Counter()
    total = 0.0
    for thread in profile["profiles"]:
        if thread.get("type") != "evented":
            continue
        stack = []
        on_stack = collections.Counter()
        last = thread.get("startValue", 0)
        for event in thread["events"]:
            at = event["at"]
            delta = at - last
            if delta > 0 and stack and (not args.root or any(r in on_stack for r in roots)):
                total += delta
                managed = [f for f in stack if f not in leaves]
                if managed:
                    self_time[managed[-1]] += delta
                for frame in on_stack:
                    inclusive[frame] += delta
            last = at
            frame = event["frame"]
            if event["type"] == "O":
                stack.append(frame)
                on_stack[frame] += 1
            else:
                # Close events name the frame on top of the stack.
                while stack:
                    top = stack.pop()
                    on_stack[top] -= 1
                    if on_stack[top] == 0:
                        del on_stack[top]
                    if top == frame:
                        break

    if total == 0:
        print("no samples", file=sys.stderr)
        return 1

    def keep(index: int) -> bool:
        return args.match in frames[index]

    print(f"{'incl %':>7} {'self %':>7}  frame")
    for index, value in [(i, v) for i, v in inclusive.most_common() if keep(i)][: args.top]:
        print(f"{100 * value / total:7.1f} {100 * self_time[index] / total:7.1f}  {frames[index][:160]}")
    print()
    print(f"{'self %':>7}  frame (by self time)")
    for index, value in [(i, v) for i, v in self_time.most_common() if keep(i)][: args.top]:
        print(f"{100 * value / total:7.1f}  {frames[index][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
