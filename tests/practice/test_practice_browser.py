"""The practice pages in a real browser (Debian's chromium, driven by playwright), served
on loopback by ``derivations serve``'s server, with every request that leaves loopback
aborted and recorded: the checker loads from the site's own files and gives, in both
languages, the verdicts and words of ``check --json``; what a student types is shown as
text; the pages fit a phone and a desktop; the answers stay folded; an answer over the
time limit says so and the checker comes back; a runtime that does not load says so in
one line."""

import gzip
import json
import threading
import zipfile
from types import SimpleNamespace

import pytest

from derivations.commands import docs, serve
from derivations.messages import text
from derivations.practice import archive, numbers, runtime, snapshot
from tests.conftest import require_tool
from tests.docs.test_browser import ARGS, CHROMIUM, _available
from tests.practice.test_archive import cli_json

LOAD_TIMEOUT_MS = 180_000  # a cold start on a busy 2-core machine
# question -> a right, a conventional, a wrong and an unreadable answer
ANSWERS = {
    "forward-mults": (
        "c_o×c_i×k_h×k_w×m_h×m_w",
        "n*c_o*c_i*k_h*k_w*m_h*m_w",
        "c_i*k_h*k_w*m_h*m_w",
        "c_o*(",
    ),
    "forward-adds": (
        "c_o*(c_i*k_h*k_w-1)*m_h*m_w",
        "c_o c_i k_h k_w m_h m_w",
        "c_o*c_i*k_h*k_w",
        "c_o + + )",
    ),
    "output-height": (
        r"\left\lfloor \frac{h-k_h+p_h+s_h}{s_h} \right\rfloor",
        "floor((h-k_h+2*p_h)/s_h)+1",
        "h-k_h",
        "floor(h-",
    ),
    "forward-memory": (
        "c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w",
        "4*(c_i*h*w + c_o*c_i*k_h*k_w + c_o*m_h*m_w)",
        "c_i*h*w",
        "c_i h w +",
    ),
    "double-channels": (
        "2*(4*c_i*k_h*k_w - 1)/(2*c_i*k_h*k_w - 1)",
        "4",
        "2",
        "4/",
    ),
}
KINDS = ("equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input")
HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 1">'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site as ``docs`` writes it, with the pinned runtime, served on 127.0.0.1."""
    require_tool(
        _available(),
        f"chromium ({CHROMIUM}) and the playwright package (pip install playwright)",
    )
    files, skipped = runtime.runtime_files()
    require_tool(not skipped, f"the Pyodide runtime: {skipped}")
    documents = docs.render_documents()
    saved, unsaved = snapshot.snapshot_files(runtime.locate()[0], documents[archive.ARCHIVE])
    require_tool(not unsaved, f"Pyodide's memory snapshot: {unsaved}")
    out = tmp_path_factory.mktemp("site")
    for name, content in {**documents, **files, **saved}.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content.encode() if isinstance(content, str) else content)
    httpd = serve.server(out, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{httpd.server_address[1]}", folder=out)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def context(site):
    """A browser context where every request outside the site is aborted and recorded."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(site.url + "/"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context()
        ctx.route("**/*", route)
        ctx.outside = outside
        yield ctx
        browser.close()


def _open(context, site, lang, width=1280, init_script=None):
    page = context.new_page()
    if init_script:
        page.add_init_script(init_script)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site.url}/{lang}/practice.html", wait_until="load")
    return page


def _ready(page):
    page.wait_for_function("document.body.dataset.checker !== 'loading'", timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate("document.body.dataset.checker") == "ready", page.text_content(
        "#checker-status"
    )


def _check(page, question, answer, timeout_ms=60_000, at_layer=False) -> dict:
    """Submit ``answer`` in the form of ``question`` (``at_layer``: the one that asks for
    a number at the page's layer) and read the verdict it shows."""
    which = "[data-layer]" if at_layer else ":not([data-layer])"
    form = page.locator(f'form[data-question="{question}"]{which}')
    form.locator('input[name="answer"]').fill(answer)
    form.locator('button[type="submit"]').click()
    form.locator("[data-verdict]").wait_for(timeout=timeout_ms)
    return {
        "verdict": form.locator("[data-verdict]").get_attribute("data-verdict"),
        "feedback": form.locator("[data-feedback]").text_content(),
        "box": form.locator(".feedback").inner_text(),
        "tags": form.locator(".feedback *").evaluate_all("els => els.map(e => e.tagName)"),
    }


@pytest.fixture(scope="module")
def pages(context, site):
    """Both languages' pages, opened and ready (one start of the checker each)."""
    opened = {lang: _open(context, site, lang) for lang in docs.LANGS}
    for page in opened.values():
        _ready(page)
    yield opened
    for page in opened.values():
        page.close()


@pytest.mark.parametrize("lang", docs.LANGS)
def test_verdicts_and_words_equal_check_json(pages, lang):
    page = pages[lang]
    for question, answers in ANSWERS.items():
        for kind, answer in zip(KINDS, answers):
            seen = _check(page, question, answer)
            expected = cli_json(question, answer, lang)
            assert expected["verdict"] == kind, (question, answer, expected["verdict"])
            assert seen["verdict"] == kind, (question, answer, seen)
            assert seen["feedback"] == expected["feedback"], (question, answer)


@pytest.mark.parametrize("lang", docs.LANGS)
def test_numbers_at_the_layer_get_grade_variants_verdicts(pages, lang):
    """A right, a conventional, a wrong and an unreadable number (and a formula) for
    questions at the page's layer: the verdicts and words of ``answer_at``, which
    ``tests/practice/test_numbers.py`` holds to ``grade --variants``."""
    from tests.practice.test_numbers import CASES

    page = pages[lang]
    chosen = [c for c in CASES if c[0] in ("forward-ops", "double-channels", "output-height")]
    chosen.append(("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w"))
    kinds = set()
    for question, answer in chosen:
        expected = json.loads(numbers.answer_at(question, answer, lang))
        seen = _check(page, question, answer, at_layer=True)
        assert seen["verdict"] == expected["verdict"], (question, answer, seen)
        assert seen["feedback"] == expected["feedback"], (question, answer)
        kinds.add(seen["verdict"])
    assert kinds == set(KINDS)


def test_nothing_outside_loopback_was_attempted(pages, context):
    assert context.outside == []
    # the recording works: a request the page makes elsewhere is seen and aborted
    page = pages["en"]
    failed = page.evaluate(
        "() => fetch('https://cdn.jsdelivr.net/pyodide/').then(() => false, () => true)"
    )
    assert failed and context.outside == ["https://cdn.jsdelivr.net/pyodide/"]
    context.outside.clear()


@pytest.mark.parametrize("lang", docs.LANGS)
def test_script_tags_and_a_long_answer_are_shown_as_text(pages, lang):
    page = pages[lang]
    seen = _check(page, "forward-mults", HOSTILE)
    assert HOSTILE in seen["box"] and set(seen["tags"]) <= {"P", "STRONG"}, seen
    assert page.evaluate("window.pwned") is None
    long = "c_o*" * 2_500
    seen = _check(page, "forward-ops", long)
    assert long in seen["box"] and seen["verdict"] in KINDS


def _banner(page, question, answer, at_layer=False) -> dict:
    """The verdict line ``answer`` gets: its text, whether it is marked restricted, and
    its colour."""
    _check(page, question, answer, at_layer=at_layer)
    which = "[data-layer]" if at_layer else ":not([data-layer])"
    line = page.locator(f'form[data-question="{question}"]{which} [data-verdict]')
    return {
        "text": line.text_content(),
        "restricted": line.get_attribute("data-restricted") is not None,
        "colour": line.evaluate("e => getComputedStyle(e).color"),
    }


@pytest.mark.parametrize("lang", docs.LANGS)
def test_a_missing_floor_has_its_own_banner_and_colour(pages, lang):
    """s10exam2 F11: an answer right only where the stride divides keeps its verdict
    (issue 21) but is not shown with the green "Right under a convention" above its own
    counterexample: its own words (practice.verdict.restricted) and colour.  At the
    page's layer, where the stride does not divide (the formula gives 14/3), it is not
    right: the banner of a wrong answer (s14exam E17: it was the restricted one)."""
    from derivations.messages import text

    page = pages[lang]
    plain = _banner(page, "output-height", "floor((h-k_h+2*p_h)/s_h)+1")
    wrong = _banner(page, "output-height", "h-k_h")
    restricted = _banner(page, "output-height", "(h-k_h+p_h)/s_h+1")
    assert restricted["restricted"] and not plain["restricted"], restricted
    assert restricted["text"] == text("practice.verdict.restricted", lang)
    assert plain["text"] == text("practice.verdict.equivalent_under_convention", lang)
    assert restricted["colour"] not in (plain["colour"], wrong["colour"]), restricted
    here = _banner(page, "output-height", "(h-k_h+p_h)/s_h+1", at_layer=True)
    assert not here["restricted"], here
    assert here["text"] == text("practice.verdict.not_equivalent", lang)
    assert here["colour"] == wrong["colour"], here


@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("lang", docs.LANGS)
def test_no_sideways_scrolling_and_the_answers_folded(pages, lang, width):
    page = pages[lang]
    page.set_viewport_size({"width": width, "height": 800})
    seen = page.evaluate(
        """() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          forms: document.querySelectorAll('form[data-question]').length,
          details: document.querySelectorAll('details').length,
          worked: document.querySelectorAll('details.worked').length,
          open: document.querySelectorAll('details[open]').length,
          merror: document.getElementsByTagName('merror').length,
        })"""
    )
    assert seen["overflow"] <= 0 and seen["merror"] == 0, seen
    assert seen["forms"] > 10 and seen["worked"] >= 4 and seen["open"] == 0, seen
    assert seen["details"] == seen["forms"] + seen["worked"], seen
    # opened, the worked answers (tables, figures, wide math) fit too, every image loaded
    opened = page.evaluate(
        """async () => {
          const all = [...document.querySelectorAll('details')];
          all.forEach((d) => { d.open = true; });
          const images = [...document.querySelectorAll('details.worked img')];
          await Promise.all(images.map((i) => i.decode().catch(() => null)));
          const out = {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            images: images.length,
            broken: images.filter((i) => !i.complete || i.naturalWidth === 0).length,
            answers: document.querySelectorAll('details.worked .answer').length,
            merror: document.getElementsByTagName('merror').length,
          };
          all.forEach((d) => { d.open = false; });
          return out;
        }"""
    )
    assert opened["overflow"] <= 0 and opened["broken"] == 0 and opened["merror"] == 0, opened
    assert opened["images"] > 0 and opened["answers"] >= seen["worked"], opened


def test_a_questions_link_opens_its_exercises_worked_answer(context, site):
    page = context.new_page()
    try:
        page.goto(f"{site.url}/en/practice.html", wait_until="load")
        form = page.locator('form[data-question="forward-mults"]:not([data-layer])')
        form.locator("summary").click()
        link = form.locator("a[data-opens]")
        target = link.get_attribute("data-opens")
        assert page.evaluate(f"document.getElementById('{target}').open") is False
        link.click()
        assert page.evaluate(f"document.getElementById('{target}').open") is True
        assert page.locator(f"#{target} .answer").count() > 0
    finally:
        page.close()


def test_the_answers_are_closed_on_load(context, site):
    page = context.new_page()
    try:
        page.goto(f"{site.url}/zh/practice.html", wait_until="load")
        assert page.evaluate("document.querySelectorAll('details[open]').length") == 0
        assert page.evaluate("document.querySelectorAll('details').length") > 10
    finally:
        page.close()


# Before the page's scripts run: while ``window.holdResults`` is true, the page never
# hears a worker's verdict (its other messages pass), so the worker is "still working" for
# as long as the test wants, whatever the machine's load (a race between a 1 ms timer and a
# fast worker was lost on a loaded CI machine).
HOLD_RESULTS = """(() => {
  const own = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    configurable: true,
    get() { return own.get.call(this); },
    set(handler) {
      own.set.call(this, handler && ((event) => {
        const held = window.holdResults && event.data && event.data.kind === "result";
        if (!held) handler.call(this, event);
      }));
    },
  });
})();"""


def test_an_answer_over_the_time_limit_is_timeout_and_the_checker_restarts(context, site):
    page = _open(context, site, "en", init_script=HOLD_RESULTS)
    try:
        _ready(page)
        page.evaluate("window.holdResults = true; document.body.dataset.limitMs = '200'")
        seen = _check(page, "forward-ops", "c_i*k_h*k_w*c_o*m_h*m_w")
        assert seen["verdict"] == "timeout", seen
        page.evaluate("window.holdResults = false; document.body.dataset.limitMs = '60000'")
        _ready(page)
        assert _check(page, "bias-size", "c_o")["verdict"] == "equivalent"
    finally:
        page.close()


def test_the_pages_started_from_the_memory_snapshot(pages, site):
    """... with the archive's files inflated by the worker's own reader (but for the
    modules the snapshot holds imported: its key's ``held``) and the snapshot
    by the browser (``serve`` sends it with Content-Encoding: gzip); the snapshot's
    heap is larger than the memory the wasm defines (the worker grows it before Pyodide
    restores it)."""
    held = json.loads((site.folder / snapshot.KEY).read_text(encoding="utf-8"))["held"]
    with zipfile.ZipFile(site.folder / archive.ARCHIVE) as shipped:
        modules = {n for n in shipped.namelist() if n.endswith(".py")}
    assert "derivations/checking/checker.py" in held and set(held) <= modules, held
    assert not any(name.endswith("/__init__.py") for name in held), held
    for page in pages.values():
        stages = json.loads(page.evaluate("document.body.dataset.stages"))
        assert stages["restored"] == 1 and stages["inflated"] == 1, stages
        assert stages["encoded"] == 1 and stages["fetched"] == 2, stages
        assert "nested" not in stages, stages  # the fetcher the page started
        assert stages["inline"] == 1, stages  # from its copy in the page: no request first
        marks = json.loads(page.evaluate("document.body.dataset.marks"))
        assert 0 < marks["worker"] <= marks["runtime"] <= marks["imports"], marks
        # the archive's files the snapshot holds as imported modules were not written
        assert stages["held"] == len(held), (stages, len(held))
    memory = snapshot.unpacked((site.folder / snapshot.SNAPSHOT).read_bytes())
    assert len(memory) > _wasm_initial_memory(site.folder / runtime.FOLDER / "pyodide.asm.wasm")


def _wasm_initial_memory(path) -> int:
    """The bytes of memory the wasm module at ``path`` defines to start with."""
    data = path.read_bytes()

    def leb(at):
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, at

    at = 8
    while at < len(data):
        section, at = data[at], at + 1
        size, at = leb(at)
        if section == 5:  # the memory section: count, flags, initial pages
            _, inner = leb(at)
            pages, _ = leb(inner + 1)
            return pages * 65536
        at += size
    raise AssertionError("no memory section")


_RESTORE = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [folder, memory, archive, probe, key] = process.argv.slice(2);
const load = (name) => import(pathToFileURL(folder + "/" + name).href);
const { loadPyodide } = await load("pyodide.mjs");
const glue = await load("pyodide.asm.mjs");
const pyodide = await loadPyodide({
  indexURL: folder + "/",
  _loadSnapshot: new Uint8Array(readFileSync(memory)),
  createPyodideModule: async (settings) => {
    const module = await glue.default(settings);  // grown as worker.js grows it
    if (settings.INITIAL_MEMORY > module.HEAP8.length) module.growMemory(settings.INITIAL_MEMORY);
    return module;
  },
  stdout: () => {},
  stderr: () => {},
});
pyodide.unpackArchive(new Uint8Array(readFileSync(archive)), "zip", { extractDir: "/home/pyodide/checker" });
// the files the snapshot holds as imported modules: the worker restoring it never writes them
for (const name of JSON.parse(readFileSync(key, "utf8")).held) pyodide.FS.unlink(`/home/pyodide/checker/${name}`);
console.log(pyodide.runPython(readFileSync(probe, "utf8")));
"""
_PROBE = """
import json, sys
from derivations.checking.deciding import catalogue
from derivations.practice import numbers
from derivations.practice.browser import answer
from derivations.practice.numbers import answer_at
from derivations.registry.questions import QUESTIONS
before = set(sys.modules)
loaded = catalogue.entry.cache_info().currsize
verdicts = [
    json.loads(answer("output-height", "floor((h-k_h+2*p_h)/s_h)+1", "zh"))["verdict"],
    json.loads(answer("double-channels", "4", "en"))["verdict"],
    json.loads(answer("forward-adds", "c_o + + )", "zh"))["verdict"],
    json.loads(answer_at("forward-ops", "7", "en"))["verdict"],
    json.loads(answer("forward-mults", "c_i*dkernel*m_h*m_w", "en"))["verdict"],
    json.loads(answer("backward-ops", "2*c_o*c_i*k_h*k_w*m_h*m_w", "zh"))["verdict"],
]
json.dumps({
    "new": sorted(set(sys.modules) - before),
    "loaded": loaded,
    "questions": len(QUESTIONS),
    "class": bool(numbers._CLASS),
    "verdicts": verdicts,
})
"""


def test_the_snapshot_holds_the_checker_warmed(site, tmp_path):
    """Restored in Node as the worker restores it, without the files its key says it holds
    as imported modules: every question's derivations and the numbers' layer are loaded,
    and answers of each kind import no module more and get the CLI's verdicts."""
    import shutil
    import subprocess

    node = shutil.which("node")
    require_tool(node is not None, "node")
    memory = tmp_path / "memory"
    memory.write_bytes(snapshot.unpacked((site.folder / snapshot.SNAPSHOT).read_bytes()))
    (tmp_path / "restore.mjs").write_text(_RESTORE, encoding="utf-8")
    (tmp_path / "probe.py").write_text(_PROBE, encoding="utf-8")
    folder = site.folder / runtime.FOLDER
    argv = [node, str(tmp_path / "restore.mjs"), str(folder), str(memory)]
    argv += [str(site.folder / archive.ARCHIVE), str(tmp_path / "probe.py")]
    argv += [str(site.folder / snapshot.KEY)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["new"] == [] and seen["class"] is True, seen
    assert seen["loaded"] >= seen["questions"], seen
    from derivations.practice.browser import answer

    expected = [
        json.loads(answer("output-height", "floor((h-k_h+2*p_h)/s_h)+1", "zh"))["verdict"],
        json.loads(answer("double-channels", "4", "en"))["verdict"],
        json.loads(answer("forward-adds", "c_o + + )", "zh"))["verdict"],
        json.loads(numbers.answer_at("forward-ops", "7", "en"))["verdict"],
        json.loads(answer("forward-mults", "c_i*dkernel*m_h*m_w", "en"))["verdict"],
        json.loads(answer("backward-ops", "2*c_o*c_i*k_h*k_w*m_h*m_w", "zh"))["verdict"],
    ]
    assert seen["verdicts"] == expected and len(set(expected)) >= 3, (seen, expected)


def test_a_snapshot_sent_as_it_is_is_inflated_by_the_worker(context, site):
    """A host that sends the snapshot's gzip bytes without Content-Encoding (most static
    hosts): the worker's fetcher inflates it, the worker restores it, and the verdicts are
    the CLI's."""
    body = (site.folder / snapshot.SNAPSHOT).read_bytes()
    page = context.new_page()
    try:
        page.route(f"**/{snapshot.SNAPSHOT}", lambda r: r.fulfill(status=200, body=body))
        page.goto(f"{site.url}/en/practice.html", wait_until="load")
        _ready(page)
        stages = json.loads(page.evaluate("document.body.dataset.stages"))
        assert stages["restored"] == 1 and "encoded" not in stages, stages
        assert stages["fetched"] == 2, stages
        for question in ("forward-mults", "double-channels"):
            answer = ANSWERS[question][1]
            seen = _check(page, question, answer)
            assert seen["verdict"] == cli_json(question, answer, "en")["verdict"], seen
    finally:
        page.close()


@pytest.mark.parametrize("where", ["worker", "itself", "unstarted"])
def test_without_the_pages_fetcher_the_files_still_come(context, site, where):
    """The page could not start the worker's fetcher (no MessageChannel): the worker starts
    one itself (``worker``), or, where a worker cannot start workers either (no Worker in
    its scope), asks for the wasm and the snapshot itself (``itself``); both restore the
    snapshot.  A fetcher that does not load (``unstarted``: fetcher.js answered 404) is
    said to the worker, which asks for the files itself (without fetcher.js to inflate the
    snapshot with, Python starts without it; the page starts it from fetcher.js when it
    cannot make a blob of its own copy).  The verdicts are the CLI's."""
    from derivations.practice.page import FETCHER, WORKER

    script = "self.Worker = undefined;\n" + (site.folder / WORKER).read_text(encoding="utf-8")
    page = context.new_page()
    try:
        if where == "unstarted":
            page.add_init_script("URL.createObjectURL = undefined;")
            page.route(f"**/{FETCHER}", lambda r: r.fulfill(status=404, body="missing"))
        else:
            page.add_init_script("window.MessageChannel = undefined;")
        if where == "itself":
            page.route(
                f"**/{WORKER}",
                lambda r: r.fulfill(status=200, body=script, content_type="text/javascript"),
            )
        page.goto(f"{site.url}/en/practice.html", wait_until="load")
        _ready(page)
        stages = json.loads(page.evaluate("document.body.dataset.stages"))
        if where == "worker":
            assert stages["restored"] == 1 and stages["fetched"] == 2, stages
            assert stages["nested"] == 1 and "inline" not in stages, stages
        elif where == "itself":
            assert stages["restored"] == 1 and stages["encoded"] == 1, stages
            assert "fetched" not in stages, stages
        else:
            assert "restored" not in stages and "fetched" not in stages, stages
        question, answer = "forward-adds", ANSWERS["forward-adds"][1]
        seen = _check(page, question, answer)
        assert seen["verdict"] == cli_json(question, answer, "en")["verdict"], seen
    finally:
        page.close()


def test_a_stale_snapshot_is_refused_and_python_starts_without_it(context, site):
    """A snapshot keyed to another archive is not used; the verdicts are the CLI's."""
    keyed = json.loads((site.folder / snapshot.KEY).read_text(encoding="utf-8"))
    stale = json.dumps({**keyed, "archive": "0" * 64})
    page = context.new_page()
    try:
        page.route(f"**/{snapshot.KEY}", lambda r: r.fulfill(status=200, body=stale))
        page.goto(f"{site.url}/en/practice.html", wait_until="load")
        _ready(page)
        assert "restored" not in json.loads(page.evaluate("document.body.dataset.stages"))
        question, answer = "forward-mults", ANSWERS["forward-mults"][2]
        assert (
            _check(page, question, answer)["verdict"] == cli_json(question, answer, "en")["verdict"]
        )
    finally:
        page.close()


@pytest.mark.parametrize(
    ("served", "body"),
    [
        ("snapshot", b"not gzip at all"),  # a snapshot file that does not inflate
        ("snapshot", gzip.compress(snapshot.sparse(bytes(1 << 16)))),  # Pyodide refuses it
        ("cut", None),  # the real snapshot cut short: it fails after Pyodide set up for it
        ("archive", None),  # an archive the worker's own reader refuses (it has a comment)
    ],
)
def test_a_file_the_worker_cannot_use_falls_back_to_the_normal_start(context, site, served, body):
    """A snapshot that is not one: Python starts without it; an archive with a comment
    (docs never writes one): Pyodide's own unpacker (and no snapshot: another SHA-256)."""
    import io

    if served == "cut":  # read as it streams in: its head is fine, its stretches end early
        whole = gzip.decompress((site.folder / snapshot.SNAPSHOT).read_bytes())
        body = gzip.compress(whole[: len(whole) // 2], 1)
    page = context.new_page()
    try:
        if served == "archive":
            plain = (site.folder / archive.ARCHIVE).read_bytes()
            buffer = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(plain)) as old, zipfile.ZipFile(buffer, "w") as new:
                for info in old.infolist():
                    new.writestr(info, old.read(info))
                new.comment = b"a comment the worker's reader does not expect"
            body = buffer.getvalue()
            page.route(f"**/{archive.ARCHIVE}", lambda r: r.fulfill(status=200, body=body))
        else:
            page.route(f"**/{snapshot.SNAPSHOT}", lambda r: r.fulfill(status=200, body=body))
        page.goto(f"{site.url}/en/practice.html", wait_until="load")
        _ready(page)
        stages = json.loads(page.evaluate("document.body.dataset.stages"))
        assert "restored" not in stages
        assert ("inflated" in stages) is (served != "archive"), stages
        for question in ("forward-mults", "output-height"):
            answer = ANSWERS[question][2]
            seen = _check(page, question, answer)
            assert seen["verdict"] == cli_json(question, answer, "en")["verdict"], seen
    finally:
        page.close()


@pytest.mark.parametrize("lang", docs.LANGS)
def test_a_runtime_that_does_not_load_is_one_line_and_the_page_reads(context, site, lang):
    page = context.new_page()
    try:
        page.route("**/pyodide/pyodide.mjs", lambda r: r.fulfill(status=404, body="missing"))
        page.goto(f"{site.url}/{lang}/practice.html", wait_until="load")
        page.wait_for_function("document.body.dataset.checker === 'failed'", timeout=60_000)
        line = page.text_content("#checker-status")
        # the reason in the page's language (it was the worker's English in zh)
        reason = text("practice.reason.runtime", lang)
        assert line == text("practice.status.failed", lang, reason=reason), line
        # nothing ran on the answer: not "the checker failed on this answer (a bug of ours)"
        seen = _check(page, "bias-size", "c_o")
        assert seen["verdict"] == "unchecked", seen
        assert seen["box"].startswith(text("practice.verdict.unchecked", lang)), seen
        assert seen["feedback"] == line, seen
        questions = len(ANSWERS) + 8 + len(numbers.questions())
        assert page.locator("form[data-question]").count() == questions
    finally:
        page.close()


def test_opened_from_a_file_it_says_it_must_be_served(context, site):
    """Chromium runs no module worker from ``file://``: the page says so in one line."""
    local = context.browser.new_context()
    elsewhere: list[str] = []
    local.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith("file://")
            else (elsewhere.append(r.request.url), r.abort())
        ),
    )
    try:
        page = local.new_page()
        page.goto((site.folder / "en" / "practice.html").as_uri(), wait_until="load")
        page.wait_for_function("document.body.dataset.checker === 'failed'", timeout=60_000)
        line = page.text_content("#checker-status")
        assert "\n" not in line and "derivations serve" in line, line
        assert elsewhere == []
    finally:
        local.close()
