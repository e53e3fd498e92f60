"""Grade a batch of submissions: in parallel, resumable, one writer to the gradebook.

- `JOBS=n`: n submissions are graded at once, each by its own ``nbgrader autograde`` process with a
  *private* copy of the gradebook (one per worker slot). Only the main process writes the course's
  gradebook: it copies each finished submission's grades in (`merge_submission`), one at a time.
- Resumable: after a submission's grades are in the gradebook, one line goes to the journal
  ``autograder/grading-journal.jsonl`` (flushed and fsynced). A later run skips every submission whose
  journal line matches the submission, the source notebook and the limits (a digest of the three), so an
  interrupted ``make grade`` (Ctrl-C, kill) loses no finished grade and grades only the rest.
  `force=True` (``FORCE=1``) regrades everything.
- ``STUDENT=... ASSIGNMENT=...``: only the matching submissions are (re)graded; the CSV still lists
  every journaled grade.

`run_batch` is independent of how one submission is graded: it calls ``grade_one(student, aid, db)``.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, fields
from pathlib import Path
from typing import Callable, Iterable

JOURNAL = "grading-journal.jsonl"

# Process groups of the nbgrader processes now running (killed on Ctrl-C or SIGTERM).
_RUNNING: set[int] = set()
_LOCK = threading.Lock()


def popen(cmd: list[str], **kwargs) -> subprocess.Popen:
    """Start `cmd` in its own process group and remember it, so that an interrupted batch can stop it."""
    proc = subprocess.Popen(cmd, start_new_session=True, **kwargs)
    with _LOCK:
        _RUNNING.add(proc.pid)
    return proc


def forget(proc: subprocess.Popen) -> None:
    with _LOCK:
        _RUNNING.discard(proc.pid)


def stop_all() -> None:
    """Kill every nbgrader process group (and the sandboxed kernels in them) this batch started."""
    with _LOCK:
        groups = list(_RUNNING)
    for pgid in groups:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def digest(paths: Iterable[Path], extra: str = "") -> str:
    """sha256 over the files under `paths` (names and contents) and `extra`."""
    h = hashlib.sha256(extra.encode())
    for top in paths:
        files = sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [top] if top.exists() else []
        for p in files:
            h.update(str(p.relative_to(top.parent)).encode() + b"\0")
            with open(p, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()


def read_journal(path: Path) -> dict[tuple[str, str], dict]:
    """Latest journal entry per (student, assignment); a torn last line (a crash while writing) is ignored."""
    entries: dict[tuple[str, str], dict] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            try:
                entry = json.loads(line)
                entries[(entry["row"]["student"], entry["row"]["assignment"])] = entry
            except (ValueError, KeyError, TypeError):
                continue
    return entries


def append_journal(path: Path, row, key: str) -> None:
    with open(path, "a") as f:
        f.write(json.dumps({"key": key, "row": asdict(row)}) + "\n")
        f.flush()
        os.fsync(f.fileno())


def merge_submission(src_db: Path, dst_db: Path, aid: str, student: str) -> None:
    """Copy one autograded submission's grades from a worker's gradebook into the course's (the one writer)."""
    import warnings

    from nbgrader.api import Gradebook, MissingEntry

    with warnings.catch_warnings(), Gradebook(f"sqlite:///{src_db}") as src, Gradebook(f"sqlite:///{dst_db}") as dst:
        warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes about nbgrader's own relationships
        sub = src.find_submission(aid, student)
        who = src.find_student(student)
        dst.update_or_create_student(student, first_name=who.first_name, last_name=who.last_name,
                                     email=who.email, lms_user_id=who.lms_user_id)
        try:
            dst_sub = dst.find_submission(aid, student)
        except MissingEntry:
            dst_sub = dst.add_submission(aid, student)
        dst_sub.timestamp = sub.timestamp
        for nb in sub.notebooks:
            for grade in nb.grades:
                mine = dst.find_grade(grade.name, nb.name, aid, student)
                mine.auto_score = grade.auto_score
                mine.needs_manual_grade = mine.manual_score is not None or grade.auto_score is None
            for comment in nb.comments:
                dst.find_comment(comment.name, nb.name, aid, student).auto_comment = comment.auto_comment
        dst.db.commit()


def run_batch(pairs: list[tuple[str, str]], grade_one: Callable, db: Path, journal: Path,
              key_of: Callable[[str, str], str], row_type: type, jobs: int = 1, force: bool = False,
              selected: Callable[[str, str], bool] | None = None, report: Callable = print) -> list:
    """Grade `pairs` (student, assignment) with `jobs` workers; return one row per pair (graded or journaled).

    ``grade_one(student, aid, private_db) -> (row, merged)`` grades one submission with the gradebook
    copy `private_db`; ``merged`` says whether nbgrader recorded grades there (then they are merged
    into `db` here). A pair is graded unless its journal entry's key still matches; with `selected`,
    exactly the pairs it accepts are (re)graded; `force` regrades every pair.
    """
    done = read_journal(journal)
    rows: dict[tuple[str, str], object] = {}
    todo = []
    names = {f.name for f in fields(row_type)}
    for pair in pairs:
        entry = done.get(pair)
        in_scope = selected is None or selected(*pair)
        regrade = force or selected is not None or not entry or entry["key"] != key_of(*pair)
        if in_scope and regrade:
            todo.append(pair)
        elif entry:
            rows[pair] = row_type(**{k: v for k, v in entry["row"].items() if k in names})
    if len(todo) < len(pairs):
        report(f"{len(pairs) - len(todo)} submissions already graded (journal {journal.name}); grading {len(todo)}")
    slots = tempfile.mkdtemp(prefix="grade-slots-")
    free = []
    for i in range(max(1, jobs)):
        private = Path(slots) / f"gradebook-{i}.db"
        if db.exists():
            shutil.copy(db, private)
        free.append(private)
    old_term = signal.signal(signal.SIGTERM, _raise_interrupt) if threading.current_thread() is threading.main_thread() else None
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    running: dict[Future, tuple[tuple[str, str], Path]] = {}
    try:
        queue = list(todo)
        while queue or running:
            while queue and free:
                pair, private = queue.pop(0), free.pop()
                running[pool.submit(grade_one, pair[0], pair[1], private)] = (pair, private)
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                pair, private = running.pop(fut)
                free.append(private)
                row, merged = fut.result()
                if merged:
                    merge_submission(private, db, pair[1], pair[0])  # the one writer
                append_journal(journal, row, key_of(*pair))
                rows[pair] = row
                report(row)
    except BaseException:
        stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
        pool.shutdown(wait=True)
        shutil.rmtree(slots, ignore_errors=True)
    return [rows[p] for p in pairs if p in rows]


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")
