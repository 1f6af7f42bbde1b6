"""`python -m bench`: generate, time the key pages, print a table, save JSON.

    python -m bench --engine sqlite --scales 1 10
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_bench \\
        python -m bench --engine postgresql --scales 1 10

Fails (exit 1) when a GET writes to the database or when a page's query count
grows with the data. The p95 goal (50 ms) is reported, not enforced: timings
depend on the machine and on what else runs on it.
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_P95_MS = 50


def run_scale(engine: str, scale: str, runs: int, regenerate: bool) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", BENCH_SCALE=scale)
    if engine == "sqlite":
        env.pop("BENCH_DATABASE_URL", None)
    elif not env.get("BENCH_DATABASE_URL"):
        sys.exit("Set BENCH_DATABASE_URL to benchmark PostgreSQL.")
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--engine",
        engine,
        "--runs",
        str(runs),
    ]
    if regenerate:
        command.append("--regenerate")
    print(f"[{engine} x{scale}] generating if needed, then timing...", flush=True)
    result = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"Benchmark run failed:\n{result.stdout}\n{result.stderr}")
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def table(engine: str, runs: list[dict], cores: int) -> tuple[str, list[str]]:
    problems = []
    scales = [r["scale"] for r in runs]
    header = ["page"] + [
        f"x{s} {col}" for s in scales for col in ("median", "p95", "queries")
    ]
    rows = []
    for index, page in enumerate(runs[0]["pages"]):
        row = [page["page"]]
        for run in runs:
            measured = run["pages"][index]
            flag = " !" if measured["p95_ms"] > GOAL_P95_MS else ""
            row += [
                f"{measured['median_ms']:.1f} ms",
                f"{measured['p95_ms']:.1f} ms{flag}",
                str(measured["queries"]),
            ]
            if measured["writes"]:
                problems.append(f"{page['page']}: GET wrote {measured['writes']}")
            if len(seen := measured["query_counts_seen"]) > 1:
                problems.append(f"{page['page']}: query count varies {seen}")
        counts = {run["pages"][index]["queries"] for run in runs}
        if len(counts) > 1:
            problems.append(f"{page['page']}: query count grows with data {counts}")
        rows.append(row)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        f"Maillage benchmark — {engine}, {cores} cores, median and p95 of server time "
        f"(in-process client), SQL queries per page; ! = p95 over {GOAL_P95_MS} ms",
    ]
    for run in runs:
        before, after = run["load_average"]
        lines.append(
            f"x{run['scale']}: {run['data']['rows']}; "
            f"1-minute load average {before} before, {after} after"
        )
    lines.append(
        "| "
        + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
        + " |"
    )
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = (c.ljust(w) for c, w in zip(row, widths, strict=True))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines), problems


def main():
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--scales", nargs="+", default=["1", "10"])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--regenerate", action="store_true", help="rebuild the saved databases"
    )
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    runs = [run_scale(args.engine, s, args.runs, args.regenerate) for s in args.scales]
    text, problems = table(args.engine, runs, cores)
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = out / f"{args.engine}-{stamp}.json"
    path.write_text(
        json.dumps({"cores": cores, "goal_p95_ms": GOAL_P95_MS, "runs": runs}, indent=2)
    )
    print(f"Saved {path.relative_to(ROOT)}")
    if problems:
        print("FAILED:\n" + "\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
