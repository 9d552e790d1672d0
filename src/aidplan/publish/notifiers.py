"""The chat platforms `aidplan remind` can post to, written once: --kind's choices are this registry's keys,
and a platform's name and webhook hosts are said only here. A new platform is one entry here plus its class
in aidplan.publish.notify (cheap to import: the implementations load only when used)."""

from __future__ import annotations

from aidplan.registry import Entry, Registry
from aidplan.values import frozen


@frozen
class Platform:
    kind: str  # --kind's value
    name: str  # as the platform calls itself, for messages
    robot: str  # what the platform calls its webhook robots
    hosts: tuple[str, ...]  # webhook hosts, to infer the kind from the URL
    implementation: str  # the class in aidplan.publish.notify


PLATFORMS = {
    platform.kind: platform
    for platform in (
        Platform("wecom", "企业微信", "群机器人", ("qyapi.weixin.qq.com",), "WeCom"),
        Platform("dingtalk", "钉钉", "自定义机器人", ("oapi.dingtalk.com",), "DingTalk"),
        Platform("feishu", "飞书", "自定义机器人", ("open.feishu.cn", "open.larksuite.com"), "Feishu"),
    )
}
NOTIFIERS = Registry(
    "Kind",
    *(
        Entry(p.kind, f"{p.name}{p.robot} ({', '.join(p.hosts)})", f"aidplan.publish.notify:{p.implementation}")
        for p in PLATFORMS.values()
    ),
)
URL_ENV = "AIDPLAN_WEBHOOK"
SECRET_ENV = "AIDPLAN_WEBHOOK_SECRET"
