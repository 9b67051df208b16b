"""The JSON API for e-office systems (/api/v1, OpenAPI at /api/docs): token-authenticated, errors as JSON."""

from fastapi import APIRouter
from vanban.web.api import docs, v1

router = APIRouter()
router.include_router(v1.router)
router.include_router(docs.router)
