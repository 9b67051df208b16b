"""The Celery application that spreads a plan's documents over several machines (Redis broker and results).

Clients (`vanban batch --executor celery`, `vanban dossier --executor celery`) and workers (`vanban worker`)
build the same app from one broker URL: `--broker`, else VANBAN_BROKER, else redis://127.0.0.1:6379/0.
Every output path a task receives is absolute and must mean the same folder on every machine (a shared
folder mounted at the same path): the worker writes the files there, the client merges and zips them.

Reliability: a task is acknowledged only when done (`task_acks_late`), a task whose worker process dies is
put back (`task_reject_on_worker_lost`), each worker reserves one task at a time, a task has a soft and a
hard time limit, a worker process is replaced after `worker_max_tasks_per_child` tasks. Messages whose
whole worker was killed come back after the broker's visibility timeout (VANBAN_VISIBILITY_TIMEOUT). Task
ids are derived from the plan, and every file is written atomically, so a task delivered twice writes the
same file once. Messages are JSON that keeps Markup and vanban's dataclasses (`celery_codec`), never
pickle; still, whoever can write to Redis can make the workers write files: keep it on a private network.
"""

from __future__ import annotations

import os
from typing import Any

from celery import Celery
from vanban.pipeline import celery_codec

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_QUEUE = "vanban"
TASK_NAME = "vanban.render_document"
SOFT_TIME_LIMIT = 120.0  # seconds for one document (render and PDF); the task is told, closes LibreOffice, fails
TIME_LIMIT = 180.0  # then the worker process is killed and replaced
MAX_TASKS_PER_CHILD = 500
VISIBILITY_TIMEOUT = 900  # seconds before a message whose worker vanished is delivered again


def broker_url(broker: str | None = None) -> str:
    """Return the broker URL: the one given, else VANBAN_BROKER, else the local Redis."""
    return broker or os.environ.get("VANBAN_BROKER") or DEFAULT_BROKER


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def make_app(broker: str | None = None, *, worker: bool = False) -> Celery:
    """Return a Celery app on `broker` (Redis as broker and result backend); `worker` registers the task."""
    url = broker_url(broker)
    visibility = int(_env_number("VANBAN_VISIBILITY_TIMEOUT", VISIBILITY_TIMEOUT))
    celery_codec.register()
    app = Celery("vanban", broker=url, backend=url, set_as_current=False)
    app.conf.update(
        task_serializer=celery_codec.NAME,
        result_serializer="json",
        accept_content=[celery_codec.CONTENT_TYPE, "json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=SOFT_TIME_LIMIT,
        task_time_limit=TIME_LIMIT,
        worker_max_tasks_per_child=int(_env_number("VANBAN_WORKER_MAX_TASKS", MAX_TASKS_PER_CHILD)),
        task_default_queue=DEFAULT_QUEUE,
        result_expires=24 * 3600,
        broker_connection_timeout=3,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": visibility,
            # look for abandoned messages often enough that a short visibility timeout takes effect
            "unacked_restore_interval": max(1, min(10, visibility // 4)),
            "unacked_restore_throttle": 1,
        },
        redis_socket_connect_timeout=3,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
    )
    if worker:
        from vanban.pipeline.celery_task import register

        register(app)
    return app


def task_options(soft_time_limit: float, time_limit: float, queue: str) -> dict[str, Any]:
    """Return the per-message options every document task is sent with."""
    return {"soft_time_limit": soft_time_limit, "time_limit": time_limit, "queue": queue}
