"""An executor that sends a plan's documents to `vanban worker` processes on other machines (Celery, Redis).

The writer stays here and runs once: it hands this executor the documents and the (absolute) folders
of the run, which must be a shared folder every worker reaches at the same path; the workers render and
convert into it; the Outcomes come back in plan order as results arrive, and the writer merges, zips and
records. A document that fails (its data, its conversion, its time limit) is reported and the others go on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from vanban.errors import ConversionError, VanbanError
from vanban.pipeline.celery_app import (
    DEFAULT_QUEUE,
    SOFT_TIME_LIMIT,
    TASK_NAME,
    TIME_LIMIT,
    broker_url,
    make_app,
    task_options,
)
from vanban.pipeline.celery_results import worker_outcome
from vanban.pipeline.convert.protocol import ConversionResult, Converter
from vanban.pipeline.execute import Outcome
from vanban.pipeline.plan import DocumentFailure, DocumentStep

__all__ = ["CeleryExecutor", "RemoteConversion", "task_id"]

WAIT_MARGIN = 120.0  # seconds on top of time limits and visibility timeout before a silent cluster is an error
POLL_SECONDS = 2.0  # how often the wait for a result looks whether Redis is still the same server
REDIS_DOWN_LIMIT = 60.0  # seconds without Redis before the run gives up
WITHDRAW_WAIT = 30.0  # seconds a stopped run waits for its documents already on a worker to end
MAX_RESENDS = 3  # times a document whose worker lost Redis while reporting is sent again


@dataclass
class _Sent:
    """A document of the plan: sent to the cluster (task id, arguments, pending result) or failed here."""

    position: int
    step: DocumentStep | None
    failure: DocumentFailure | None = None
    task_id: str = ""
    args: tuple[Any, ...] = ()
    result: Any = None
    resends: int = 0


def _lost_connection(value: object) -> bool:
    """Tell whether a task failed because the worker lost Redis (not because of the document)."""
    names = {cls.__name__ for cls in type(value).__mro__}
    return bool(names & {"ConnectionError", "TimeoutError", "OperationalError", "ConnectionResetError"})


def _ready(sent: _Sent) -> bool:
    """Tell whether the document's result is in (a failure planned here always is)."""
    if sent.step is None:
        return True
    try:
        return bool(sent.result.ready())
    except Exception:  # Redis unreachable for a moment: not ready yet
        return False


class RemoteConversion:
    """The converter a client hands the writer when the workers convert: it only says PDF or PDF/A."""

    def __init__(self, *, pdfa: bool = False) -> None:
        self.pdfa = pdfa

    def start(self) -> Self:
        return self

    def close(self) -> None:
        return None

    def submit(self, docx: Path, target: Path) -> Future[ConversionResult]:
        raise ConversionError("Chuyển PDF do các máy chạy (vanban worker) làm, không làm ở máy này.")

    def to_pdf(self, docx_paths: Sequence[Path], out_dir: Path | None = None) -> list[ConversionResult]:
        raise ConversionError("Chuyển PDF do các máy chạy (vanban worker) làm, không làm ở máy này.")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def task_id(step: DocumentStep, docx: Path, pdf: Path | None, pdfa: bool) -> str:
    """Return the task id of a document: the same plan gives the same id, so a redelivery is the same task."""
    context = json.dumps(step.context, sort_keys=True, ensure_ascii=False, default=repr)
    key = "\0".join([str(docx), str(pdf or ""), str(pdfa), str(step.template.path), step.title, context])
    return "vanban-" + hashlib.sha256(key.encode("utf-8")).hexdigest()


class CeleryExecutor:
    """Send each document to the cluster on `broker` (queue `queue`); yield Outcomes in plan order."""

    def __init__(
        self,
        broker: str | None = None,
        *,
        queue: str = DEFAULT_QUEUE,
        soft_time_limit: float = SOFT_TIME_LIMIT,
        time_limit: float = TIME_LIMIT,
    ) -> None:
        self.broker = broker_url(broker)
        self.queue = queue
        self.soft_time_limit = soft_time_limit
        self.time_limit = time_limit
        self._app: Any = None
        self._server: str | None = None

    def converter(self, *, pdfa: bool = False) -> Converter:
        """Return the stand-in converter to give the writer, so that no LibreOffice starts here."""
        return RemoteConversion(pdfa=pdfa)

    @property
    def app(self) -> Any:
        if self._app is None:
            self._app = make_app(self.broker)
        return self._app

    def check(self) -> None:
        """Raise a VanbanError when the broker cannot be reached or no worker listens on the queue."""
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=3)
            # The first worker to answer usually listens on the queue: no need to wait for every reply.
            replies = self.app.control.inspect(timeout=1.5, limit=1).active_queues() or {}
            if not self._listened(replies):
                replies = self.app.control.inspect(timeout=1.5).active_queues() or {}
        except Exception as err:  # kombu and redis raise many kinds of connection errors
            raise VanbanError(
                f"Không kết nối được hàng đợi Redis tại {self._shown()}: {str(err).rstrip('.')}. "
                "Kiểm tra redis-server đang chạy và tùy chọn --broker (hoặc biến VANBAN_BROKER); chưa ghi tệp nào."
            ) from err
        if not self._listened(replies):
            raise VanbanError(
                f"Không có máy chạy nào nhận việc ở hàng đợi '{self.queue}' của {self._shown()}. Chạy "
                f"'vanban worker --broker {self._shown()}' trên ít nhất một máy; chưa ghi tệp nào."
            )

    def _listened(self, replies: dict[str, Any]) -> bool:
        return any(q.get("name") == self.queue for queues in replies.values() for q in queues)

    def _shown(self) -> str:
        """Return the broker URL without its password, for messages."""
        head, at, tail = self.broker.rpartition("@")
        return f"{head.split('//')[0]}//***@{tail}" if at else self.broker

    def run(
        self,
        documents: Iterable[DocumentStep | DocumentFailure],
        docx_dir: Path,
        pdf_dir: Path | None,
        converter: Converter | None,
    ) -> Iterator[Outcome]:
        self.check()
        self._server = self._server_id()
        pdfa = bool(converter is not None and converter.pdfa)
        convert = converter is not None and pdf_dir is not None
        pending: deque[_Sent] = deque()
        try:
            for position, step in enumerate(documents, start=1):
                if isinstance(step, DocumentFailure):
                    pending.append(_Sent(position, None, failure=step))
                else:
                    pending.append(self._send(position, step, docx_dir, pdf_dir if convert else None, pdfa))
                while pending and _ready(pending[0]):
                    yield self._outcome(pending.popleft(), pending)
            while pending:
                yield self._outcome(pending.popleft(), pending)
        except BaseException:  # the run stopped (a lazily planned document failed, the writer gave up, ^C)
            self._withdraw(pending)
            raise

    def _withdraw(self, pending: deque[_Sent]) -> None:
        """Revoke the documents sent and not done, and wait (at most WITHDRAW_WAIT) for those already
        running, so that no worker writes into the work folder once the writer has removed it."""
        waiting = [sent for sent in pending if sent.step is not None and not _ready(sent)]
        if not waiting:
            return
        with suppress(Exception):  # Redis gone: the tasks then fail on their missing folder, nothing more
            self.app.control.revoke([sent.task_id for sent in waiting])
        deadline = time.monotonic() + WITHDRAW_WAIT
        while waiting and time.monotonic() < deadline:  # a revoked task is marked done when a worker drops it
            waiting = [sent for sent in waiting if not _ready(sent)]
            time.sleep(0.1)

    def _send(self, position: int, step: DocumentStep, docx_dir: Path, pdf_dir: Path | None, pdfa: bool) -> _Sent:
        docx = Path(docx_dir).absolute() / step.file_name
        pdf = None if pdf_dir is None else Path(pdf_dir).absolute() / f"{docx.stem}.pdf"
        sent = _Sent(position, step, task_id=task_id(step, docx, pdf, pdfa))
        sent.args = (step, str(docx), None if pdf is None else str(pdf), pdfa)
        try:
            self.app.AsyncResult(sent.task_id).forget()  # a result of an earlier run of the same plan is not ours
            self._publish(sent)
        except Exception as err:
            raise VanbanError(
                f"Mất kết nối tới hàng đợi Redis {self._shown()} khi gửi '{step.file_name}': {err}."
            ) from err
        return sent

    def _publish(self, sent: _Sent) -> None:
        options = task_options(self.soft_time_limit, self.time_limit, self.queue)
        sent.result = self.app.send_task(TASK_NAME, args=sent.args, task_id=sent.task_id, **options)

    def _server_id(self) -> str | None:
        """Return the Redis server's run id (new after every restart), or None when it cannot be reached."""
        try:
            return str(self.app.backend.client.info("server")["run_id"])
        except Exception:  # redis raises connection errors of several kinds
            return None

    def _wait_seconds(self) -> float:
        visibility = self.app.conf.broker_transport_options.get("visibility_timeout", 3600)
        return float(visibility) + 4 * self.time_limit + WAIT_MARGIN

    def _wait(self, sent: _Sent, others: deque[_Sent]) -> Any:
        """Return the result of `sent`; if Redis restarted meanwhile (queue and results lost), send again
        every document not back yet — the same task ids, so a document already done is written once more,
        the same bytes. Redis gone for REDIS_DOWN_LIMIT seconds, or no answer at all: VanbanError."""
        deadline = time.monotonic() + self._wait_seconds()
        down_since: float | None = None
        while True:
            try:
                return sent.result.get(timeout=POLL_SECONDS, propagate=False)
            except Exception:  # not yet (TimeoutError), or the result backend lost its connection
                pass
            server = self._server_id()
            now = time.monotonic()
            if server is None:
                down_since = down_since or now
                if now - down_since > REDIS_DOWN_LIMIT:
                    raise VanbanError(
                        f"Mất kết nối tới Redis {self._shown()} quá {REDIS_DOWN_LIMIT:g} giây khi chờ "
                        f"'{sent.step.file_name if sent.step else ''}'. Các văn bản đã xong vẫn nguyên vẹn, không có "
                        "tệp ghi dở; kiểm tra Redis rồi chạy lại lệnh."
                    )
                time.sleep(POLL_SECONDS / 2)
                continue
            down_since = None
            if server != self._server:
                try:
                    for again in (sent, *others):
                        if again.step is not None and not _ready(again):
                            self._publish(again)
                except Exception:  # Redis went away again: try once more on the next turn
                    continue
                self._server, deadline = server, now + self._wait_seconds()
            if now > deadline:
                raise VanbanError(
                    f"Không nhận được kết quả của '{sent.step.file_name if sent.step else ''}' từ các máy chạy "
                    f"({self._shown()}) sau {self._wait_seconds():g} giây. Kiểm tra các máy chạy rồi chạy lại lệnh."
                )

    def _outcome(self, sent: _Sent, others: deque[_Sent]) -> Outcome:
        position, step = sent.position, sent.step
        if step is None:
            return Outcome(position, None, failure=sent.failure)
        value = self._wait(sent, others)
        state = sent.result.state
        while state != "SUCCESS" and _lost_connection(value) and sent.resends < MAX_RESENDS:
            # The worker lost Redis while reporting (the document itself is written or not at all): ask again.
            sent.resends += 1
            with suppress(Exception):
                sent.result.forget()
                self._publish(sent)
            value = self._wait(sent, others)
            state = sent.result.state
        with suppress(Exception):  # only frees Redis memory early; results expire anyway
            sent.result.forget()
        return worker_outcome(position, step, state, value)
