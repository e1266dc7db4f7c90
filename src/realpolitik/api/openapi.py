"""The OpenAPI schema, corrected to say what the server really sends.

FastAPI documents validation failures with its own `{"detail": [...]}` model; our handlers send
the shared error shape instead, so the schema is rewritten to match (clients and Schemathesis
read the schema literally).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from realpolitik.api.errors import ERROR_SCHEMA

_FASTAPI_ERROR = "#/components/schemas/HTTPValidationError"


def install(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                                 description=app.description, routes=app.routes)
            _use_error_shape(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


def _use_error_shape(schema: dict[str, Any]) -> None:
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for operations in schema.get("paths", {}).values():
        for op in operations.values():
            for status, response in op.get("responses", {}).items():
                content = response.get("content", {}).get("application/json")
                if content is None:
                    continue
                if content.get("schema", {}).get("$ref") == _FASTAPI_ERROR or content.get("schema") == ERROR_SCHEMA:
                    content["schema"] = ref
                    if status == "422":
                        response["description"] = "Validation error"
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
