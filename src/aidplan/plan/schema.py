"""The JSON Schema of the plan format, as editors and the yaml-language-server read it."""

from __future__ import annotations

import json

from aidplan.plan.model import Plan


def plan_schema() -> dict:
    schema = Plan.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": "aidplan plan"}


def plan_schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
