"""The office profile: who the office is, once, so a clerk never retypes the header or the signer.

One YAML file per office (schemas/co-quan.schema.json): cơ quan chủ quản, cơ quan ban hành and its
abbreviation, địa danh, the head's title, units with abbreviations, the people who sign. The web app also
keeps profiles in the database (vanban.store.offices); such an office is named `co-quan:<key>`, not a path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem
from vanban.nd30 import Numbering, RuleError, Signer, signature_lines
from vanban.pipeline.load import Source, load_data
from vanban.pipeline.validate import validate

STORED_PREFIX = "co-quan:"  # a profile kept in the database, as a document's record names it: co-quan:<key>


@dataclass(frozen=True)
class Person:
    """Someone who signs for the office: name, own title, and how they sign (None: as head)."""

    ho_ten: str
    chuc_vu: str
    quyen_han: str | None = None
    line: int | None = None  # where the person is written in the profile file, for messages


@dataclass(frozen=True)
class Office:
    """An issuing office as its documents' header and signature need it."""

    ten: str
    viet_tat: str
    dia_danh: str
    thu_truong: str
    co_quan_chu_quan: str = ""
    ten_dong: tuple[str, ...] = ()
    chu_quan_dong: tuple[str, ...] = ()
    tap_the: str | None = None
    don_vi: dict[str, str] = field(default_factory=dict)
    thu_truong_don_vi: dict[str, str] = field(default_factory=dict)  # unit name → its head's name, when given
    nguoi_ky: tuple[Person, ...] = ()
    thu_muc_mau: Path | None = None
    file: Path | None = None
    numbering: Numbering = Numbering()  # so_van_ban: how the register numbers văn bản đi (NĐ 30 Điều 15)
    phoi: dict[str, Any] = field(default_factory=dict)  # pre-printed certificate blanks (vanban.certificates)
    ma: str = ""  # the office's code in a shared database (two THADS tỉnh share "THADS"); "" → viet_tat
    stored: bool = False  # the profile is kept in the database (edited by form), not in a file

    @property
    def reference(self) -> str:
        """Return how a record names this profile: its file's full path, `co-quan:<key>` if stored, else ""."""
        if self.file is not None:
            return str(Path(self.file).resolve())
        return f"{STORED_PREFIX}{self.key}" if self.stored else ""

    @property
    def key(self) -> str:
        """Return what the register and record file this office's numbers and documents under."""
        return self.ma or self.viet_tat

    @property
    def name_lines(self) -> list[str]:
        """Return the agency name as header lines, upper-case (the profile may set where it breaks)."""
        lines = list(self.ten_dong) or [self.ten]
        return [line.upper() for line in lines]

    @property
    def governing_lines(self) -> list[str]:
        """Return the cơ quan chủ quản as header lines, upper-case, as the profile splits it (one line if not)."""
        lines = list(self.chu_quan_dong) or ([self.co_quan_chu_quan] if self.co_quan_chu_quan else [])
        return [line.upper() for line in lines]

    @property
    def names(self) -> tuple[str, ...]:
        """Return the names a centred line must not break inside: the office, its units, its signers."""
        return (self.ten, self.co_quan_chu_quan, *self.don_vi.values(), *(p.ho_ten for p in self.nguoi_ky))

    def signer(self, name: str, *, source: Source, path: str = "nguoi_ky") -> Signer:
        """Return the Signer called `name`; DataValidationError naming the field if the office has none."""
        for index, person in enumerate(self.nguoi_ky, 1):
            if person.ho_ten.casefold() == name.casefold():
                found = Signer(
                    name=person.ho_ten,
                    title=person.chuc_vu,
                    authority=person.quyen_han,
                    head_title=self.thu_truong,
                    collective=self.tap_the,
                )
                self._check_signer(found, person, index)
                return found
        known = ", ".join(p.ho_ten for p in self.nguoi_ky) or "(chưa có ai)"
        raise DataValidationError(
            [
                Problem(
                    f"Người ký '{name}' không có trong hồ sơ cơ quan; có: {known}.",
                    source.name if source.file else None,
                    None,
                    source.line_of(path),
                    path,
                )
            ],
            file=source.file,
        )

    def _check_signer(self, found: Signer, person: Person, index: int) -> None:
        """Raise a mistake in the profile's entry for this signer at the profile's file and line, not the data's."""
        try:
            signature_lines(found)
        except RuleError as err:
            where = self.file.name if self.file else None
            problem = Problem(f"{err} Sửa trong hồ sơ cơ quan.", where, None, person.line, f"nguoi_ky[{index}]")
            raise DataValidationError([problem], file=self.file) from None


def office_from_source(source: Source) -> Office:
    """Validate an office profile and build the Office."""
    validate(source, "co-quan")
    d = source.data
    base = source.file.parent if source.file else Path.cwd()
    folder = d.get("thu_muc_mau")
    return Office(
        ten=d["ten"],
        viet_tat=d["viet_tat"],
        dia_danh=d["dia_danh"],
        thu_truong=d["thu_truong"],
        co_quan_chu_quan=d.get("co_quan_chu_quan") or "",
        ten_dong=tuple(d.get("ten_dong") or ()),
        chu_quan_dong=tuple(d.get("chu_quan_dong") or ()),
        tap_the=d.get("tap_the"),
        don_vi={u["viet_tat"]: u["ten"] for u in d.get("don_vi") or []},
        thu_truong_don_vi={u["ten"]: u["thu_truong"] for u in d.get("don_vi") or [] if u.get("thu_truong")},
        nguoi_ky=tuple(
            Person(p["ho_ten"], p["chuc_vu"], p.get("quyen_han"), source.line_of(f"nguoi_ky[{i}].chuc_vu"))
            for i, p in enumerate(d.get("nguoi_ky") or [], 1)
        ),
        thu_muc_mau=(base / folder) if folder else None,
        file=source.file,
        numbering=_numbering(d.get("so_van_ban") or {}),
        ma=d.get("ma") or "",
        phoi=d.get("phoi") or {},
    )


def _numbering(settings: dict[str, Any]) -> Numbering:
    """Read the profile's so_van_ban settings (one shared series unless it says otherwise)."""
    return Numbering(
        by_type=settings.get("cach_danh_so") == "theo-loai",
        council_separate=bool(settings.get("hoi_dong_thi_dua_rieng")),
    )


def load_office(path: str | Path) -> Office:
    """Read and validate an office profile file."""
    return office_from_source(load_data(path))
