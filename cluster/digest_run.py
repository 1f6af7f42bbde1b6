"""``manage.py send_digests`` started at a set instant, for the cluster test.

Django starts first (a second or more), then the process waits for ``--at`` (a
Unix time) and calls the real command: two of these started together run
``send_digests`` at the same moment, as two schedulers firing at once would,
instead of one after the other as their start-up times would have them.

    python -m cluster.digest_run --at 1790000000.0 --frequency daily
"""

import argparse
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", type=float, required=True)
    parser.add_argument("--frequency", default="daily")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command

    late = time.time() - args.at
    if late < 0:
        time.sleep(-late)
    print(f"started at {time.time():.3f} (late by {max(late, 0):.3f} s)", flush=True)
    call_command("send_digests", "--frequency", args.frequency)
    print(f"finished at {time.time():.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
