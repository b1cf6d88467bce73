"""Serve the product as production does and measure its pages with wrk, in one run.

    python bench/run.py [--duration 10]        (make bench)

Needs PostgreSQL, Redis at BENCH_CACHE_URL and ``wrk``. Makes the data sets of
``bench/generate.py`` in BENCH_LARGE_URL and BENCH_SMALL_URL when they are missing.
Starts gunicorn (2 sync workers, production settings: DEBUG off, manifest static files,
the Redis cache) on BENCH_PORT over the large set, and on BENCH_PORT + 1 over the small
one for the admin comparison; when ``make bench-peer`` has prepared pretalx, serves it
on BENCH_PORT + 2 and measures its schedule in the same run. Each
scenario is warmed up, then run for ``--duration`` seconds with 8 connections; it
reports requests per second, p50 and p99 latency, the size of the answer and how much
the workers' memory grew. Writes ``bench/results/latest.json`` and prints a table with
each target. See bench/README.md.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8110"))
SMALL_PORT, PEER_PORT = PORT + 1, PORT + 2
PEER_VENV = ROOT / "bench" / ".peer-venv"
CONNECTIONS, THREADS = 8, 2
STATIC_COPY = "bench/seed-agenda.html"
SEED = "/en/bodies/cosp-wg4/sessions/11/annotated-agenda/"
# The first body's latest agenda has 50 items, the others 250 (bench/generate.py).
FIFTY = "/en/bodies/wg-1/sessions/{last}/annotated-agenda/"
TWO_FIFTY = "/en/bodies/wg-2/sessions/{last}/annotated-agenda/"
SEARCHES = {
    "search, common word (en)": "implementation",
    "search, rare word (en)": "ombudsperson",
    "search, common word (zh)": "执行",
    "search, rare word (zh)": "监察员",
}


def env_for(database_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/11"),
        SECURE_COOKIES="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    ).stdout


def in_django(env, code):
    """Run ``code`` in a fresh interpreter with Django set up; return its last line."""
    script = "import django; django.setup()\n" + code
    done = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    return done.stdout.strip().splitlines()[-1]


class Server:
    def __init__(
        self, env, port, *, gunicorn=None, app="config.wsgi", ready="/static/public/site.css"
    ):
        self.env, self.port, self.ready = env, port, ready
        self.process = subprocess.Popen(
            [
                gunicorn or str(Path(PYTHON).parent / "gunicorn"),
                app,
                "--bind", f"127.0.0.1:{port}",
                "--workers", "2",
                "--worker-class", "sync",
                "--log-level", "warning",
            ],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        self.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait(self):
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url(self.ready), timeout=5)
                if len(self.workers()) == 2:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn on {self.port} did not start")

    def workers(self):
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        ).stdout
        return [int(pid) for pid in out.split()]

    def memory(self):
        """Resident memory of each worker, in MB."""
        sizes = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes

    def reload(self):
        self.process.send_signal(signal.SIGHUP)
        time.sleep(2)
        self.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, headers=()):
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))

    def ms(value):
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return round(float(number) * UNITS[unit], 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms(latency["50"]),
        "p99_ms": ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    """Status and body of ``url``, redirects not followed (a redirect is no page)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def measure(server, name, path, duration, headers=(), *, results):
    url = server.url(path)
    status, body = fetch(url, dict(h.split(": ", 1) for h in headers))
    assert status == 200, (url, status)
    # Warm-up: caches, connections, imports; a worker's memory grows to a plateau over
    # its first hundred-odd admin pages, so those are warmed up for a whole run.
    wrk(url, duration if "/admin/" in path else 2, headers)
    before = server.memory()
    result = wrk(url, duration, headers)
    after = server.memory()
    result.update(
        name=name,
        path=path,
        bytes=len(body),
        worker_growth_mb=round(
            max((a - b for a, b in zip(after, before, strict=True)), default=0), 1
        ),
        worker_rss_mb=[round(size, 1) for size in after],
    )
    results.append(result)
    print(
        f"  {name:<34} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:8.2f} ms  "
        f"p99 {result['p99_ms']:8.2f} ms  {len(body) / 1024:8.1f} KB  "
        f"+{result['worker_growth_mb']} MB",
        flush=True,
    )
    return result


def publish_timing(env):
    """Publish a 250-item agenda in six languages: the first publish of a new process
    (templates and catalogues load), then five more as a worker that has published
    before makes them: seconds of the first, best and median of the five."""
    code = (
        "import statistics, time\n"
        "from agendas.models import Agenda\n"
        "from publishing.services import publish_agenda\n"
        "agenda = Agenda.objects.filter(session__body__slug='wg-3', versions__isnull=False)"
        ".order_by('-session__number').first()\n"
        "assert agenda.items.count() == 250\n"
        "start = time.perf_counter(); publish_agenda(agenda)\n"
        "first = time.perf_counter() - start\n"
        "times = []\n"
        "for _ in range(5):\n"
        "    start = time.perf_counter(); publish_agenda(agenda)\n"
        "    times.append(time.perf_counter() - start)\n"
        "print(first, min(times), statistics.median(times))\n"
    )
    first, best, median = in_django(env, code).split()
    return {
        "first_s": round(float(first), 3),
        "best_s": round(float(best), 3),
        "median_s": round(float(median), 3),
    }


def staff_cookie(env):
    """A logged-in superuser's session cookie (made directly in the session store)."""
    code = (
        "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "user, _ = get_user_model().objects.get_or_create(username='bench',\n"
        "    defaults={'is_staff': True, 'is_superuser': True})\n"
        "user.set_password('bench-only'); user.save()\n"
        "s = SessionStore(); s[SESSION_KEY] = str(user.pk)\n"
        "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "s[HASH_SESSION_KEY] = user.get_session_auth_hash(); s.save()\n"
        "print(s.session_key)\n"
    )
    return f"Cookie: sessionid={in_django(env, code)}"


def ensure_data(env, size):
    """Make the data set ``size`` in the environment's database unless it is there."""
    check = (
        "from publishing.models import PublishedVersion\n"
        "print(PublishedVersion.objects.filter(body_slug='wg-2').count())"
    )
    try:
        if int(in_django(env, check)) > 0:
            return
    except subprocess.CalledProcessError:
        pass
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True)
    print(f"Making the {size} data set in {name} (bench/generate.py)", flush=True)
    subprocess.run([PYTHON, "bench/generate.py", size], cwd=ROOT, env=env, check=True)


def peer_server():
    """pretalx, as bench/peer-setup.sh prepared it, or None."""
    gunicorn = PEER_VENV / "bin" / "gunicorn"
    if not gunicorn.exists():
        return None
    env = dict(os.environ)
    env.update(
        PRETALX_CONFIG_FILE="bench/pretalx.cfg",
        PRETALX_DB_NAME=os.environ.get("PRETALX_DB_NAME", "agendas_bench_pretalx"),
        PRETALX_REDIS=os.environ.get("PRETALX_REDIS", "redis://127.0.0.1:6379/1"),
    )
    return Server(env, PEER_PORT, gunicorn=str(gunicorn), app="pretalx.wsgi",
                  ready="/bench/schedule/nojs")  # fmt: skip


def programme_date(env):
    return in_django(
        env,
        "from publishing.models import PublishedSlot\n"
        "print(PublishedSlot.objects.filter(version__is_current=True, "
        "version__body_slug='wg-2').order_by('-date').values_list('date', flat=True)[0])",
    )


TARGETS = """
Targets (the issue's table):
  seed agenda page / static file of its size   ratio >= 0.7
  50-item agenda / peer's 50-entry schedule     >= 10x
  search                                        p99 <= 100 ms, memory flat
  sitemap index and one sitemap                 <= 100 ms per file (p99)
  home                                          <= 20 ms (p99), a page that stays small
  admin item list, large set                    within 1.5x of the small set (p50)
  publishing a 250-item agenda in six languages <= 1 s
  memory                                        no scenario grows a worker by more than 5 MB
"""


def verdicts(by_name, publish, peer):
    def get(name):
        return by_name.get(name)

    checks = []
    static, seed = get("static file (seed page's bytes)"), get("agenda page, seed (en)")
    ratio = seed["rps"] / static["rps"]
    checks.append(("seed agenda / static file", f"ratio {ratio:.2f}", ratio >= 0.7))
    if peer:
        fifty, other = get("agenda page, 50 items (en)"), get("peer: pretalx schedule, 50 talks")
        times = fifty["rps"] / other["rps"]
        checks.append(("50-item agenda / pretalx 50 entries", f"{times:.1f}x", times >= 10))
    else:
        checks.append(
            ("50-item agenda / pretalx 50 entries", "peer not run (make bench-peer)", None)
        )
    for name in SEARCHES:
        p99 = get(name)["p99_ms"]
        checks.append((name, f"p99 {p99:.1f} ms", p99 <= 100))
    for name in ("sitemap index", "sitemap file (3,000 addresses)"):
        p99 = get(name)["p99_ms"]
        checks.append((name, f"p99 {p99:.1f} ms", p99 <= 100))
    home = get("home (en)")
    checks.append(("home", f"p99 {home['p99_ms']:.1f} ms, {home['bytes'] / 1024:.0f} KB",
                   home["p99_ms"] <= 20 and home["bytes"] <= 100 * 1024))  # fmt: skip
    big, small = get("admin item list, large set"), get("admin item list, small set")
    factor = big["p50_ms"] / small["p50_ms"]
    checks.append(("admin item list large / small", f"{factor:.2f}x (p50)", factor <= 1.5))
    checks.append(("publish 250 items x 6 languages", f"median {publish['median_s']} s "
                   f"(first {publish['first_s']} s)", publish["median_s"] <= 1.0))  # fmt: skip
    growth = max(r["worker_growth_mb"] for name, r in by_name.items() if "pretalx" not in name)
    checks.append(("worker memory growth, any scenario", f"max +{growth} MB", growth <= 5))
    return checks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--no-peer", action="store_true", help="leave pretalx out")
    args = parser.parse_args()
    large = os.environ.get(
        "BENCH_LARGE_URL", "postgres://postgres@127.0.0.1:5432/agendas_bench_large"
    )
    small = os.environ.get(
        "BENCH_SMALL_URL", "postgres://postgres@127.0.0.1:5432/agendas_bench_small"
    )
    env, small_env = env_for(large), env_for(small)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    ensure_data(env, "large")
    ensure_data(small_env, "small")
    print("Preparing: migrations, static files, an empty cache, publishing timings", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(small_env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    publish = publish_timing(env)
    print(
        f"  publish 250 items x 6 languages: first {publish['first_s']} s, then best "
        f"{publish['best_s']} s, median {publish['median_s']} s"
    )
    in_django(env, "from django.core.cache import cache; cache.clear(); print('cleared')")
    cookie = staff_cookie(env)
    small_cookie = staff_cookie(small_env)
    day = programme_date(env)
    last = in_django(
        env,
        "from agendas.models import Session\n"
        "print(Session.objects.filter(body__slug='wg-1').order_by('-number')[0].number)",
    )
    fifty, two_fifty = FIFTY.format(last=last), TWO_FIFTY.format(last=last)

    server = Server(env, PORT)
    small_server = None
    results = []
    try:
        # The baseline: the seed page's own bytes as a static file through the same server.
        _status, page = fetch(server.url(SEED))
        static_path = ROOT / "staticfiles" / STATIC_COPY
        static_path.parent.mkdir(parents=True, exist_ok=True)
        static_path.write_bytes(page)
        server.reload()

        print(f"Measuring, {args.duration} s each, {CONNECTIONS} connections, 2 sync workers:")

        def run(name, path, **kw):
            return measure(server, name, path, args.duration, results=results, **kw)

        run("static file (seed page's bytes)", f"/static/{STATIC_COPY}")
        run("agenda page, seed (en)", SEED)
        run("agenda page, 50 items (en)", fifty)
        run("agenda page, 250 items (en)", two_fifty)
        run("agenda page, 250 items (zh-hans)", two_fifty.replace("/en/", "/zh-hans/", 1))
        run("home (en)", "/en/")
        run("body page (en)", "/en/bodies/wg-2/")
        run("daily programme (en)", f"/en/programme/{day}/")
        for name, words in SEARCHES.items():
            run(name, "/en/search/?q=" + urllib.request.quote(words))
        # Two visitors searching for a common word all the time, and the others reading.
        common = "/en/search/?q=" + urllib.request.quote(SEARCHES["search, common word (en)"])
        searchers = subprocess.Popen(
            ["wrk", "-t1", "-c2", f"-d{args.duration + 3}s", server.url(common)],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(1)
        run("agenda page, seed, 2 searchers busy", SEED)
        searchers.wait()
        run("sitemap index", "/sitemap.xml")
        run("sitemap file (3,000 addresses)", "/sitemap-agendas-1.xml")
        peer = None if args.no_peer else peer_server()
        if peer:
            measure(peer, "peer: pretalx schedule, 50 talks", "/bench/schedule/nojs",
                    args.duration, headers=("Accept: text/html",), results=results)  # fmt: skip
            peer.stop()
        else:
            print("  (pretalx not measured: run make bench-peer first)")
        run("admin item list, large set", "/admin/agendas/agendaitem/", headers=(cookie,))
        server.stop()
        server = None
        small_server = Server(small_env, SMALL_PORT)
        measure(small_server, "admin item list, small set", "/admin/agendas/agendaitem/",
                args.duration, headers=(small_cookie,), results=results)  # fmt: skip
    finally:
        for running in (server, small_server):
            if running:
                running.stop()

    by_name = {result["name"]: result for result in results}
    checks = verdicts(by_name, publish, "peer: pretalx schedule, 50 talks" in by_name)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores",
        "setup": {
            "workers": 2,
            "worker_class": "sync",
            "connections": CONNECTIONS,
            "threads": THREADS,
            "duration_s": args.duration,
        },  # fmt: skip
        "publish_250_items": publish,
        "scenarios": results,
        "targets": [{"target": t, "measured": m, "met": ok} for t, m, ok in checks],
    }
    out = ROOT / "bench" / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(TARGETS)
    print(f"{'target':<42} {'measured':<34} met")
    for target, measured, ok in checks:
        print(f"{target:<42} {measured:<34} {'-' if ok is None else 'yes' if ok else 'NO'}")
    print(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
