"""aidplan remind: what is overdue and due soon, posted to a group chat's robot (or printed with --dry-run)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from aidplan.errors import UsageError
from aidplan.messages import tr


@dataclass
class RemindResult:
    kind: str  # the notifier's name: 企业微信, 钉钉, 飞书
    target: str  # the webhook URL with its token masked
    payloads: list[dict]
    overdue: int
    upcoming: int
    sent: int = 0
    retried: list[str] | None = None

    @property
    def dry_run_text(self) -> str:
        return "\n".join(json.dumps(p, ensure_ascii=False, indent=2) for p in self.payloads)


def remind(
    paths: list[Path],
    url: str | None,
    kind: str | None,
    secret: str | None,
    today: dt.date,
    within: int,
    dry_run: bool = False,
    always: bool = False,
    markdown: bool = True,
    timeout: float = 10,
    retries: int = 3,
) -> RemindResult:
    """Build the reminder for the plans and post it; nothing is posted when nothing is due, unless always."""
    from aidplan.commands.track import due_report
    from aidplan.publish.notifiers import URL_ENV
    from aidplan.publish.notify import notifier_for, post, redact, split_message
    from aidplan.publish.reminders import reminder

    if not url:
        raise UsageError(tr("请用 --webhook 或环境变量 {URL_ENV} 给出机器人的 webhook 地址", URL_ENV=URL_ENV))
    if timeout <= 0:
        raise UsageError(tr("--timeout 应大于 0 秒"))
    if retries < 0:
        raise UsageError(tr("--retries 不能是负数"))
    notifier = notifier_for(url.strip(), kind)
    url = url.strip()
    if secret and notifier.kind == "wecom":
        notifier.sign(url, {}, secret, 0)  # refuses: WeCom robots have no secret
    report, _ = due_report(paths, today, within)
    message = reminder(report, markdown)
    payloads = (
        split_message(notifier, message.title, message.header, message.lines, markdown, message.headings)
        if not message.empty or always
        else []
    )
    result = RemindResult(notifier.name, redact(url), payloads, message.overdue, message.upcoming)
    if dry_run or not payloads:
        return result
    delivery = post(notifier, url, payloads, secret or None, timeout=timeout, retries=retries)
    result.sent, result.retried = delivery.sent, delivery.attempts
    return result
