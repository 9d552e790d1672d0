"""The chat platforms `aidplan remind` can post to, written once: --kind's choices are this registry's keys,
and a new platform is one entry here plus its class in aidplan.publish.notify (cheap to import: the
implementations load only when used)."""

from __future__ import annotations

from aidplan.registry import Entry, Registry

NOTIFIERS = Registry(
    "Kind",
    Entry("wecom", "企业微信群机器人 (qyapi.weixin.qq.com)", "aidplan.publish.notify:WECOM"),
    Entry("dingtalk", "钉钉自定义机器人 (oapi.dingtalk.com)", "aidplan.publish.notify:DINGTALK"),
    Entry("feishu", "飞书自定义机器人 (open.feishu.cn, open.larksuite.com)", "aidplan.publish.notify:FEISHU"),
)
URL_ENV = "AIDPLAN_WEBHOOK"
SECRET_ENV = "AIDPLAN_WEBHOOK_SECRET"
