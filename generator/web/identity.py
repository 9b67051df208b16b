"""Who is asking: the signed-in person (their office and roles), or the one local clerk when there are no accounts.

`vanban serve` on 127.0.0.1 without accounts serves one person as before: `LOCAL`, who may do everything
and choose any office profile of the catalog. Once accounts exist, the sign-in layer (web/auth.py) sets
`request.state.identity` for every request: the signed-in user, an API token's office (`api=True`, roles
API_ROLES), or ANONYMOUS on the few pages open without signing in; each page asks `current_identity` or
`require_role`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from vanban.store.schema import ROLE_ADMIN, ROLE_CLERK, ROLE_DRAFTER, ROLE_LABELS
from vanban.web.errors import WebError


@dataclass(frozen=True)
class Identity:
    """A person using the app: name, office key (None: the local clerk, any office), roles."""

    username: str
    full_name: str
    co_quan: str | None
    roles: frozenset[str]
    user_id: int | None = None
    api: bool = False  # signed in by an API token (an e-office system), not by a browser session

    def has(self, role: str) -> bool:
        """Tell whether the person holds `role`; quản trị holds every role of their office."""
        return role in self.roles or ROLE_ADMIN in self.roles

    def sees(self, co_quan: str) -> bool:
        """Tell whether the person may see an office's data (the local clerk sees every office)."""
        return self.co_quan is None or self.co_quan == co_quan


LOCAL = Identity(username="local", full_name="", co_quan=None, roles=frozenset(ROLE_LABELS))
# Not signed in, on a page open to everyone (sign-in, static files): no role, no office's data ("" is no office).
ANONYMOUS = Identity(username="", full_name="", co_quan="", roles=frozenset())
# What an API token may do for its office: draft and number/issue documents (not administer, not approve).
API_ROLES = frozenset({ROLE_DRAFTER, ROLE_CLERK})


def current_identity(request: Request) -> Identity:
    """Return who is asking (set by the sign-in layer); LOCAL when the app runs without accounts."""
    identity = getattr(request.state, "identity", None)
    return identity if isinstance(identity, Identity) else LOCAL


def require_role(role: str) -> Callable[[Request], Identity]:
    """Return a FastAPI dependency that yields the identity, or refuses with 403 unless it holds `role`."""

    def dependency(request: Request) -> Identity:
        identity = current_identity(request)
        if not identity.has(role):
            raise WebError(403, f"Việc này cần vai trò {ROLE_LABELS.get(role, role)}; tài khoản của bạn không có.")
        return identity

    return dependency
