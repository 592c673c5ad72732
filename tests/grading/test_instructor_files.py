"""Issue 26: no instructor file crashes or stalls a grading run.

Each case is a file an instructor may give (a rubric, a class file, an encoding, an
output folder) that crashed or stalled ``grade`` before: now one line from the catalogue
naming the bad value (exit 2) or the right output; never a traceback, never a hang, and
the previous outputs intact when a run fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.errors import DerivationError
from derivations.grading.escape import markdown_text
from derivations.grading.rubric import load_rubric

ROOT = Path(__file__).resolve().parents[2]
CLASS = (
    "student,question,answer\r\nann,bias-size,c_o\r\nbob,forward-mults,c_i*c_o*k_h*k_w*m_h*m_w\r\n"
)
OLD = "the previous report\n"


def _class_dir(tmp_path: Path) -> tuple[Path, Path]:
    answers = tmp_path / "answers.csv"
    answers.write_text(CLASS, encoding="utf-8", newline="")
    report = tmp_path / "report.csv"
    report.write_text(OLD, newline="")
    return answers, report


def _refused(capsys, argv: list[str], *named: str) -> str:
    """Run ``argv``: exit 2, one line on stderr holding every ``named`` text, no traceback."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for text in named:
        assert text in err, err
    return err


def _run(argv: list[str], timeout: float = 120, limits: str = "") -> subprocess.CompletedProcess:
    """``derivations ARGV`` in a child process (``limits``: Python run first, e.g. an
    address-space limit), killed after ``timeout`` seconds: a hang fails, never stalls."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); {limits}\n"
        "from derivations.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


# -- 1. rubric values validated by a schema with bounds, before any is used ---------------

RUBRICS = [
    # (file name, content, what the one line names)
    ("inf.toml", "[points]\ndefault = 1e400\n", "inf is not a finite number"),
    ("nan.yaml", "points:\n  default: .nan\n", "nan is not a finite number"),
    ("digits.toml", "[points]\ndefault = " + "9" * 5000 + "\n", "cannot be read"),
    ("digits.yaml", "points:\n  default: " + "9" * 5000 + "\n", "cannot be read"),
    ("deep.toml", "a = " + "[" * 3000 + "]" * 3000 + "\n", "nested deeper than"),
    ("deep.yaml", "a: " + "[" * 3000 + "]" * 3000 + "\n", "nested deeper than"),
    ("dashes.yaml", "- " * 3000 + "x\n", "nested deeper than"),
    ("tables.toml", "[" + ".".join(["t"] * 3000) + "]\n", "nested deeper than"),
    ("sexagesimal.yaml", "points:\n  default: 1:30\n", "'1:30' is not a number"),
    ("exponent.yaml", 'points:\n  default: "1e999999999"\n', "'1e999999999' is not a number"),
    ("large.toml", "[points]\ndefault = 2000000\n", "2000000 is not between 0 and 1000000"),
    ("credit.toml", "[credit]\nequivalent = 1.5\n", "1.5 is not between 0 and 1"),
    (
        "aliases.yaml",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg")),
        "nested deeper than",
    ),
]


@pytest.mark.parametrize("name, content, named", RUBRICS, ids=[r[0] for r in RUBRICS])
def test_a_bad_rubric_is_one_line_and_the_old_report_stays(tmp_path, capsys, name, content, named):
    answers, report = _class_dir(tmp_path)
    rubric = tmp_path / name
    rubric.write_text(content, encoding="utf-8")
    argv = ["grade", str(answers), "--out", str(report), "--rubric", str(rubric)]
    _refused(capsys, [*argv, "--no-progress"], f"rubric {rubric}", named)
    assert report.read_text() == OLD


def test_yaml_numbers_are_read_as_yaml_1_2_writes_them(tmp_path):
    rubric = tmp_path / "r.yaml"
    rubric.write_text("points:\n  default: 017\n  bias-size: 2.5\nassignment: on\n")
    loaded = load_rubric(rubric)
    assert loaded.points["default"] == 17  # not YAML 1.1's octal 15
    assert str(loaded.points["bias-size"]) == "5/2"
    assert loaded.assignment == "on"  # not YAML 1.1's True


def test_a_bad_rubric_is_one_keyed_error_in_both_languages(tmp_path):
    rubric = tmp_path / "r.yaml"
    rubric.write_text("points:\n  default: 1:30\n")
    with pytest.raises(DerivationError) as raised:
        load_rubric(rubric)
    assert raised.value.key == "grading.bad_rubric"
    assert "'1:30'" in raised.value.text("en") and "不是数字" in raised.value.text("zh")


# -- 3. only text encodings for --encoding --------------------------------------------------

NOT_FILE_ENCODINGS = ["hex", "base64", "zlib", "rot13", "uu", "punycode", "undefined"]
NOT_FILE_ENCODINGS += ["idna", "unicode_escape", "raw_unicode_escape", "utf-7", "bz2"]


@pytest.mark.parametrize("encoding", NOT_FILE_ENCODINGS)
def test_an_encoding_that_is_not_a_text_encoding_is_one_line(tmp_path, capsys, encoding):
    answers, report = _class_dir(tmp_path)
    argv = ["grade", str(answers), "--out", str(report), "--encoding", encoding, "--no-progress"]
    _refused(capsys, argv, f"--encoding {encoding} is not a text encoding")
    assert report.read_text() == OLD


@pytest.mark.parametrize("encoding", ["cp1252", "gb18030", "utf-16", "utf-8", "latin-1", "big5"])
def test_a_text_encoding_is_accepted(tmp_path, encoding):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(CLASS.encode(encoding))
    report = tmp_path / "report.csv"
    argv = ["grade", str(answers), "--out", str(report), "--encoding", encoding, "--no-progress"]
    assert main(argv) == 0
    assert report.read_text(encoding="utf-8").count(",equivalent,") == 2


# -- 4. reading buffers bounded by the file's size ------------------------------------------


def test_a_three_byte_utf16_file_is_one_line_under_an_address_limit(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_bytes(b"\xff\xfe\x00")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))"
    done = _run(["grade", str(answers), "--out", str(tmp_path / "r.csv")], 60, limit)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "is not utf-16" in done.stderr, done.stderr


# -- 7. inputs that are not regular files refused up front ----------------------------------


@pytest.mark.parametrize("which", ["class file", "rubric"])
def test_a_fifo_is_refused_before_it_is_read(tmp_path, which):
    answers, report = _class_dir(tmp_path)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # nobody writes to it: opening it to read would wait for ever
    argv = ["grade", str(answers), "--out", str(report), "--no-progress"]
    if which == "class file":
        argv[1] = str(fifo)
    else:
        argv += ["--rubric", str(fifo)]
    done = _run(argv, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert f"cannot read {fifo}: is not a regular file" in done.stderr
    assert report.read_text() == OLD


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(tmp_path, capsys, device):
    answers, report = _class_dir(tmp_path)
    _refused(capsys, ["grade", device, "--out", str(report)], "is not a regular file")
    _refused(capsys, ["grade", str(answers), "--out", str(report), "--rubric", device], device)
    assert report.read_text() == OLD


# -- 2, 9. a full disk, a file-size limit, a read-only folder: one line naming --out --------


def _big_class(path: Path, rows: int = 6000) -> None:
    lines = ["student,question,answer"] + [f"s{i},bias-size,c_o+{i % 7}" for i in range(rows)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB tmpfs mounted on a folder (root only; skipped, saying why, elsewhere)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root; the file-size-limit case covers it")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_one_line_naming_the_report_and_the_old_one_stays(tmp_path, small_disk):
    answers = tmp_path / "answers.csv"
    _big_class(answers)
    report = small_disk / "report.csv"
    report.write_text(OLD)
    done = _run(["grade", str(answers), "--out", str(report), "--jobs", "1"])
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr == f"derivations grade: error: cannot write {report}: No space left on device\n"
    )
    assert report.read_text() == OLD
    assert sorted(p.name for p in small_disk.iterdir()) == ["report.csv"]


def test_a_file_size_limit_is_one_line_naming_the_report_and_the_old_one_stays(tmp_path):
    answers = tmp_path / "answers.csv"
    _big_class(answers)
    report = tmp_path / "report.csv"
    report.write_text(OLD)
    limit = (
        "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))"
    )
    done = _run(["grade", str(answers), "--out", str(report), "--jobs", "1"], limits=limit)
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"derivations grade: error: cannot write {report}: File too large\n"
    assert report.read_text() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.csv", "report.csv"]


def test_a_read_only_folder_is_one_line_naming_the_report_not_a_temporary(tmp_path, small_disk):
    answers, _ = _class_dir(tmp_path)
    report = small_disk / "report.csv"
    report.write_text(OLD)
    remount = ["mount", "-o", "remount,ro", str(small_disk)]
    assert subprocess.run(remount, capture_output=True).returncode == 0
    done = _run(["grade", str(answers), "--out", str(report)])
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr == f"derivations grade: error: cannot write {report}: Read-only file system\n"
    )
    assert report.read_text() == OLD


# -- 5, 6. letter and sheet file names that cannot collide, on any disk ---------------------


def _colliding_chinese_ids() -> tuple[str, str]:
    """Two all-Chinese ids whose SHA-256 share the first 8 hex digits (the old letter
    names' only difference): a birthday search, about 80,000 ids."""
    import hashlib

    seen: dict[str, str] = {}
    for number in range(2_000_000):
        student = "".join(chr(0x4E00 + int(d) * 37 + i) for i, d in enumerate(str(number)))
        head = hashlib.sha256(student.encode()).hexdigest()[:8]
        if head in seen:
            return seen[head], student
        seen[head] = student
    raise AssertionError("no collision found")


def _letters(tmp_path: Path, students: list[str], folder: Path) -> int:
    answers = tmp_path / "answers.csv"
    lines = ["student,question,answer"] + [f"{s},bias-size,c_o" for s in students]
    answers.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    argv = ["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]
    return main([*argv, "--feedback-dir", str(folder)])


def test_two_students_whose_ids_share_8_hex_digits_get_two_letters(tmp_path):
    first, second = _colliding_chinese_ids()
    folder = tmp_path / "letters"
    assert _letters(tmp_path, [first, second], folder) == 0
    letters = sorted(folder.glob("*.md"))
    assert len(letters) == 2
    assert {first, second} == {s for s in (first, second) for p in letters if s in p.read_text()}


TRICKY_IDS = ["Alice", "alice", "ALICE", "CON", "con.md", "Nul", "com1", "lpt9.txt", "all"]
TRICKY_IDS += ["a b", "a_b", "a_b-2", "...", "", "..hidden", "trailing. ", "王小明", "李华"]


def _variants(tmp_path: Path, out: Path, ids: list[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("id\n" + "".join(f'"{i}"\n' for i in ids if i.strip()), encoding="utf-8")
    argv = ["variants", "--roster", str(roster), "--questions", "forward-mults"]
    assert main([*argv, "--seed", "S", "--out", str(out)]) == 0


def _assert_apart(names: list[str], count: int) -> None:
    """``count`` names, none equal to another ignoring case, none a Windows device."""
    from derivations.file_names import WINDOWS_DEVICES

    assert len(names) == count
    assert len({n.casefold() for n in names}) == count, names
    assert not [n for n in names if n.split(".")[0].upper() in WINDOWS_DEVICES], names
    assert not [n for n in names if n != n.rstrip(". ")], names


def test_sheet_names_are_apart_ignoring_case_and_never_a_windows_device(tmp_path):
    """The case-insensitive disk simulated: every name compared case-folded."""
    import json

    out = tmp_path / "out"
    _variants(tmp_path, out, TRICKY_IDS)
    students = [i.strip() for i in TRICKY_IDS if i.strip()]
    for lang in ("en", "zh"):
        _assert_apart([p.name for p in (out / "sheets" / lang).glob("*.md")], len(students))
    recorded = json.loads((out / "variants.json").read_text(encoding="utf-8"))["students"]
    assert [r["id"] for r in recorded] == students
    for record in recorded:  # each student's sheet is recorded, and is theirs
        sheet = (out / "sheets" / "en" / record["sheet"]).read_text(encoding="utf-8")
        assert markdown_text(record["id"]) in sheet or record["id"] in sheet


def test_letter_names_are_apart_ignoring_case_and_never_a_windows_device(tmp_path):
    folder = tmp_path / "letters"
    students = [i for i in TRICKY_IDS if i.strip()]
    assert _letters(tmp_path, students, folder) == 0
    for suffix in ("md", "txt", "html"):
        _assert_apart([p.name for p in folder.glob(f"*.{suffix}")], len(students))


@pytest.fixture
def case_insensitive_folder(tmp_path):
    """A folder on a real case-insensitive file system: a small vfat image (mkfs.vfat) or
    an ext4 image with casefolding, loop-mounted; skipped, saying why, when this machine
    cannot (not root, no mkfs.vfat, no vfat or casefold support in the kernel): the
    simulated tests above still run."""
    if os.geteuid() != 0:
        pytest.skip("mounting a case-insensitive image needs root")
    image, mount = tmp_path / "disk.img", tmp_path / "disk"
    mount.mkdir()
    reasons = []
    for make, options in (
        (["mkfs.vfat", "-C", str(image), "4096"], ["-o", "loop,utf8"]),
        (
            ["mkfs.ext4", "-q", "-O", "casefold", "-E", "encoding=utf8", str(image), "8M"],
            ["-o", "loop"],
        ),
    ):
        image.unlink(missing_ok=True)
        try:
            made = subprocess.run(make, capture_output=True, text=True)
        except FileNotFoundError:
            reasons.append(f"no {make[0]}")
            continue
        mounted = subprocess.run(
            ["mount", *options, str(image), str(mount)], capture_output=True, text=True
        )
        if made.returncode or mounted.returncode:
            said = (made.stderr or mounted.stderr).strip().splitlines()
            reasons.append(f"{make[0]}: {said[0].strip() if said else 'failed'}")
            continue
        folder = mount / "f"
        folder.mkdir()
        if make[0] == "mkfs.ext4":
            subprocess.run(["chattr", "+F", str(folder)], capture_output=True)
        (folder / "Probe").write_text("x")
        if (folder / "probe").exists():
            yield folder
            subprocess.run(["umount", "-l", str(mount)], check=False)
            return
        subprocess.run(["umount", "-l", str(mount)], check=False)
        reasons.append(f"{make[0]}: the mounted image is case-sensitive")
    pytest.skip("no case-insensitive file system here: " + "; ".join(reasons))


def test_sheets_and_letters_onto_a_case_insensitive_disk(tmp_path, case_insensitive_folder):
    out = case_insensitive_folder / "variants"
    _variants(tmp_path, out, TRICKY_IDS)
    students = [i.strip() for i in TRICKY_IDS if i.strip()]
    for lang in ("en", "zh"):
        assert len(list((out / "sheets" / lang).glob("*.md"))) == len(students)
    letters = case_insensitive_folder / "letters"
    assert _letters(tmp_path, students, letters) == 0
    assert len(list(letters.glob("*.md"))) == len(students)


# -- 8. identity columns normalised (NFC, stripped) before grouping ------------------------


def test_nfc_and_nfd_spellings_of_a_name_are_one_student(tmp_path):
    import csv
    import unicodedata

    nfc, nfd = "Zoë Müller", unicodedata.normalize("NFD", "Zoë Müller")
    assert nfc != nfd
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "student,question,answer\r\n"
        f"{nfc},bias-size,c_o\r\n"
        f" {nfd} ,forward-mults,c_i*c_o*k_h*k_w*m_h*m_w\r\n",
        encoding="utf-8",
    )
    report, book, letters = tmp_path / "r.csv", tmp_path / "g.csv", tmp_path / "letters"
    argv = ["grade", str(answers), "--out", str(report), "--gradebook", str(book)]
    assert main([*argv, "--feedback-dir", str(letters), "--no-progress"]) == 0
    with open(book, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 2  # the header and one student, with both answers
    assert rows[1][-1] == "2"
    assert len(list(letters.glob("*.md"))) == 1
    with open(report, newline="", encoding="utf-8") as stream:
        kept = [row["student"] for row in csv.DictReader(stream)]
    assert kept == [nfc, f" {nfd} "]  # the report keeps each spelling as it was read


# -- 11. ending a run ends its workers -------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    """Ended: no such process, or a zombie nobody reaped (PID 1 in a container)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_ending_a_grade_run_ends_its_workers_and_keeps_the_old_outputs(tmp_path, signal_name):
    import signal
    import time

    answers = tmp_path / "answers.csv"
    lines = ["student,question,answer"]
    lines += [f"s{i},forward-mults,c_i*c_o*k_h*k_w*m_h*m_w+{i}" for i in range(200_000)]
    answers.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    report, book = tmp_path / "report.csv", tmp_path / "book.csv"
    report.write_text(OLD)
    book.write_text(OLD)
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from derivations.cli import main; "
    code += "sys.exit(main(sys.argv[1:]))"
    argv = ["grade", str(answers), "--out", str(report), "--gradebook", str(book)]
    run = subprocess.Popen(
        [sys.executable, "-c", code, *argv, "--jobs", "2", "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
            workers = _children(run.pid)
        assert len(workers) >= 2, "the run never started its workers"
        time.sleep(0.5)  # grading under way
        os.kill(run.pid, getattr(signal, signal_name))
        status = run.wait(timeout=60)
        err = run.stderr.read() if run.stderr else ""
        deadline = time.monotonic() + 30
        while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [w for w in workers if not _gone(w)] == [], "workers left behind"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert status != 0
    if signal_name != "SIGKILL":
        number = getattr(signal, signal_name)
        assert status == 128 + number, err
        assert (
            err
            == f"derivations grade: ended by {signal_name}: nothing written, every earlier output kept\n"
        )
    assert report.read_text() == OLD and book.read_text() == OLD
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".tmp"))
    assert left == ["answers.csv", "book.csv", "report.csv"]
    if signal_name != "SIGKILL":  # a killed run's temporary goes with the next run
        assert not list(tmp_path.glob("*.tmp"))


# -- 10. a wide file: work linear in its columns (the rate itself: `make bench`) ------------


def test_a_wide_file_looks_each_mapped_column_up_once(tmp_path, monkeypatch):
    """Mapping N columns made N searches of the whole header (N² column keys: 25 M for
    5,000 columns); now the header's keys are made once per file."""
    from derivations.grading import shapes

    calls = []
    real = shapes.column_key
    monkeypatch.setattr(shapes, "column_key", lambda name: calls.append(1) or real(name))
    columns = 2000
    answers = tmp_path / "wide.csv"
    header = ["student"] + [f"answer {i}" for i in range(columns)]
    answers.write_text(",".join(header) + "\r\n" + ",".join(["s1"] + ["c_o"] * columns) + "\r\n")
    rubric = tmp_path / "r.toml"
    rubric.write_text(
        "[columns]\n" + "".join(f'"answer {i}" = "bias-size"\n' for i in range(columns))
    )
    report = tmp_path / "r.csv"
    argv = ["grade", str(answers), "--rubric", str(rubric), "--out", str(report), "--no-progress"]
    assert main(argv) == 0
    assert report.read_text(encoding="utf-8").count(",equivalent,") == columns
    assert len(calls) < 50 * columns, len(calls)  # linear: 13 a column; 2,000 before


# -- 7. a --torch model whose forward never ends: a wall-clock limit, in --help ------------

FOREVER = """
import torch


class Forever(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)

    def forward(self, x):
        while True:  # and it swallows what it can
            try:
                x = x + 0
            except Exception:
                pass


def make():
    return Forever()
"""


def test_network_help_states_the_model_reading_limit(capsys):
    with pytest.raises(SystemExit):
        main(["network", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "--time-limit SECONDS wall-clock limit on reading a --torch model" in said


def test_a_torch_model_whose_forward_never_ends_stops_at_the_limit(tmp_path):
    pytest.importorskip("torch")
    (tmp_path / "forever_model.py").write_text(FOREVER)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from derivations.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    argv = ["network", "--torch", "forever_model:make", "--input", "3x8x8", "--time-limit", "2"]
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "derivations network: error: reading the PyTorch model forever_model:make took longer "
        "than --time-limit 2 s (does its forward end?): stopped\n"
    )


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_a_time_limit_that_is_not_a_positive_number_is_one_line(capsys, value):
    pytest.importorskip("torch")
    argv = ["network", "--torch", "x:y", "--input", "3x8x8", f"--time-limit={value}"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"--time-limit {value} is not a positive number" in err and err.count("\n") == 1


# -- issue 24, item 4: encodings ranked by how plausible the decoded text is ----------------

EXCEL_CP1252 = [
    "student,question,answer",
    "Müller,forward-mults,c_i×c_o×k_h×k_w×m_h×m_w",  # × is a letter in cp1251 (Ч)
    "Zoë,bias-size,c_o",
    "Hélène,output-height,(h-k+p)÷s+1",  # ÷ too (ч)
    "Þórður,forward-memory,c_i h² w",
]


def test_a_western_excel_file_suggests_cp1252_before_cp1251(tmp_path, capsys):
    from derivations.grading.encoding import likely_encodings

    data = "\r\n".join(EXCEL_CP1252).encode("cp1252") + b"\r\n"
    assert likely_encodings(data)[0] == "cp1252"
    assert "cp1251" not in likely_encodings(data)[:2]
    answers = tmp_path / "answers.csv"
    answers.write_bytes(data)
    argv = ["grade", str(answers), "--out", str(tmp_path / "r.csv"), "--no-progress"]
    _refused(capsys, argv, "(e.g. --encoding cp1252)")


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("王小明,李华,张伟", "gb18030"),
        ("Jürgen Müller,Élodie Lefèvre,Øyvind Sæther", "cp1252"),
        ("c_i×c_o×k_h, Müller", "cp1252"),
    ],
)
def test_likely_encodings_put_the_right_one_first(text, encoding):
    from derivations.grading.encoding import likely_encodings

    assert likely_encodings(text.encode(encoding))[0] == encoding
