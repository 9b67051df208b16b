"""Office profiles kept in the database (the `offices` table), so an office is set up by form, without a restart.

Each row holds one profile as JSON in the shape of schemas/co-quan.schema.json (the YAML file's shape), under
the office key (Office.key: `ma`, else `viet_tat`) that the register, record and web tables use. A profile is
validated with the same schema and rules as a file before it is saved; its problems name field paths
(`nguoi_ky[2].quyen_han`) so the form can show each one beside its input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import exc, func, insert, select, update
from vanban.errors import DataValidationError, Problem, VanbanError
from vanban.pipeline.load import from_data
from vanban.profile import STORED_PREFIX, Office, office_from_source
from vanban.store import schema as t
from vanban.store.database import Store, StoreError


@dataclass(frozen=True)
class StoredOffice:
    """One office of the table, as a list shows it."""

    key: str
    ten: str
    cap_nhat_luc: dt.datetime


def check_profile(profile: dict[str, Any]) -> tuple[dict[str, Any], Office]:
    """Validate a profile as a file's would be; return it normalised and its Office, or raise with field paths."""
    source = from_data(profile)
    office = office_from_source(source)
    problems = []
    if "thu_muc_mau" in source.data:  # a folder on the server: only a profile file may name one
        problems.append(
            Problem("Hồ sơ lưu trong cơ sở dữ liệu không dùng thư mục mẫu riêng; bỏ trường này.", field="thu_muc_mau")
        )
    for index, person in enumerate(office.nguoi_ky, 1):
        try:
            office.signer(person.ho_ten, source=source)
        except VanbanError as err:  # e.g. a head who signs KT., or TM. without the collective's name
            problems.extend(
                dataclasses.replace(p, file=None, row=None, field=f"nguoi_ky[{index}]") for p in err.problems
            )
    if problems:
        raise DataValidationError(problems)
    return source.data, dataclasses.replace(office, stored=True)


def save_office(store: Store, profile: dict[str, Any], *, replacing: str | None = None) -> Office:
    """Save a profile (a new office, or the one whose key is `replacing`); return its Office.

    Refused, with the problem at field `ma`: a key another office already has, and a changed key when the
    register or record already files documents under the old one.
    """
    data, office = check_profile(profile)
    row = {"co_quan": office.key, "ten": office.ten, "ho_so": json.dumps(data, ensure_ascii=False, sort_keys=False)}
    now = dt.datetime.now(dt.UTC)
    try:
        with store.write() as conn:
            if office.key != replacing and _exists(conn, office.key):
                raise _taken(office.key)
            if replacing is None:
                conn.execute(insert(t.offices).values(**row, tao_luc=now, cap_nhat_luc=now))
                return office
            if office.key != replacing and _in_use(conn, replacing):
                raise DataValidationError(
                    [
                        Problem(
                            f"Sổ và văn bản đã ghi theo mã cơ quan '{replacing}': không đổi được mã (trường ma, "
                            f"hoặc viết tắt khi không có mã). Ghi lại ma: {replacing}.",
                            field="ma",
                        )
                    ]
                )
            done = conn.execute(
                update(t.offices).where(t.offices.c.co_quan == replacing).values(**row, cap_nhat_luc=now)
            )
            if done.rowcount != 1:
                raise StoreError(f"Không có hồ sơ cơ quan '{replacing}' trong cơ sở dữ liệu {store.label}.")
    except exc.IntegrityError as err:  # another clerk saved the same key a moment earlier
        raise _taken(office.key) from err
    return office


def _taken(key: str) -> DataValidationError:
    return DataValidationError(
        [
            Problem(
                f"Đã có cơ quan mã '{key}' trong cơ sở dữ liệu. Ghi một mã khác ở trường ma "
                "(ví dụ thads-lam-dong), để hai cơ quan có sổ văn bản riêng.",
                field="ma",
            )
        ]
    )


def _exists(conn: Any, key: str) -> bool:
    return conn.execute(select(t.offices.c.id).where(t.offices.c.co_quan == key)).first() is not None


def _in_use(conn: Any, key: str) -> bool:
    """Tell whether the register, the record or an account files anything under an office key."""
    for table in (t.series, t.documents, t.users):
        if conn.execute(select(func.count()).select_from(table).where(table.c.co_quan == key)).scalar():
            return True
    return False


def office_profile(store: Store, key: str) -> dict[str, Any]:
    """Return the saved profile of an office as data; StoreError if the table has none under `key`."""
    with store.read() as conn:
        text = conn.execute(select(t.offices.c.ho_so).where(t.offices.c.co_quan == key)).scalar()
    if text is None:
        raise StoreError(f"Không có hồ sơ cơ quan '{key}' trong cơ sở dữ liệu {store.label}.")
    data: dict[str, Any] = json.loads(text)
    return data


def load_office(store: Store, key: str) -> Office:
    """Return the Office saved under `key` (validated again: the schema may have changed since)."""
    return check_profile(office_profile(store, key))[1]


def load_reference(store: Store, reference: str) -> Office:
    """Return the Office a record's `co-quan:<key>` names."""
    return load_office(store, reference.removeprefix(STORED_PREFIX))


def list_offices(store: Store) -> list[StoredOffice]:
    """Return the saved offices by name."""
    query = select(t.offices.c.co_quan, t.offices.c.ten, t.offices.c.cap_nhat_luc).order_by(t.offices.c.ten)
    with store.read() as conn:
        return [StoredOffice(row.co_quan, row.ten, row.cap_nhat_luc) for row in conn.execute(query)]


def updated_at(store: Store, key: str) -> dt.datetime | None:
    """Return when an office's profile last changed (None: no such office), to know when a cached one is stale."""
    with store.read() as conn:
        value = conn.execute(select(t.offices.c.cap_nhat_luc).where(t.offices.c.co_quan == key)).scalar()
    return value if isinstance(value, dt.datetime) else None


def profile_yaml(profile: dict[str, Any], key: str) -> str:
    """Return a profile as the YAML file the CLI reads (`--co-quan <tệp>`)."""
    head = (
        f"# Hồ sơ cơ quan {key} — tải từ trang Hồ sơ cơ quan của vanban.\n"
        f"# Dùng với dòng lệnh: vanban render <loại> <dữ liệu> --co-quan {key}.yaml\n"
    )
    return head + yaml.safe_dump(profile, allow_unicode=True, sort_keys=False, width=100)
