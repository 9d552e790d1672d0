"""Reminders to group-chat robots (企业微信, 钉钉, 飞书): the message, split to each platform's size limit,
signed when the robot has a secret, posted with a timeout and bounded retries. One registry entry per
platform; nothing here prints, and no message or error ever contains the secret or the URL's token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from aidplan.errors import AidplanError, UsageError
from aidplan.messages import later, localized, tr
from aidplan.publish.notifiers import NOTIFIERS, PLATFORMS, Platform


class NotifyError(AidplanError):
    """The chat platform refused or never took the message."""


@dataclass(frozen=True)
class Request:
    url: str
    body: dict


class Notifier(Protocol):
    kind: str
    name: str  # as the platform calls itself, for messages
    hosts: tuple[str, ...]  # webhook hosts, to infer the kind from the URL

    def payload(self, title: str, text: str, markdown: bool) -> dict: ...

    def line_break(self, markdown: bool) -> str: ...

    def fits(self, payload: dict) -> bool: ...

    def sign(self, url: str, payload: dict, secret: str, now: float) -> Request: ...

    def failure(self, body: dict) -> str | None:
        """The platform's own error in a 200 response, or None when it took the message."""


def _utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def _json_size(payload: dict) -> int:
    return _utf8(json.dumps(payload, ensure_ascii=False))


def _hmac_base64(key: str, message: str) -> str:
    digest = hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def _code_failure(body: dict, code_key: str, message_key: str, hints: dict[int, str]) -> str | None:
    code = body.get(code_key)
    if code in (0, None) and code_key in body:
        return None
    if code is None:
        return tr("回应里没有 {code_key}：{dumps}", code_key=code_key, dumps=json.dumps(body, ensure_ascii=False)[:200])
    hint = localized(hints.get(code, ""))
    return tr("错误码 {code}：{get}", code=code, get=body.get(message_key, "")) + (
        tr("（{hint}）", hint=hint) if hint else ""
    )


class _Platformed:
    """A notifier's kind, name and hosts come from its registry entry (aidplan.publish.notifiers)."""

    def __init__(self, platform: Platform) -> None:
        self.kind, self.name, self.hosts = platform.kind, platform.name, platform.hosts


class WeCom(_Platformed):
    """企业微信群机器人: markdown content at most 4096 bytes, text 2048; no signing (the key is in the URL)."""

    MARKDOWN_BYTES, TEXT_BYTES = 4096, 2048

    def line_break(self, markdown: bool) -> str:
        return "\n"

    HINTS: ClassVar[dict[int, str]] = {
        93000: later("webhook 地址无效，请检查 key"),
        45009: later("发送太频繁（每个机器人每分钟最多 20 条）"),
        40058: later("消息太长或格式不对"),
    }

    def payload(self, title: str, text: str, markdown: bool) -> dict:
        if markdown:
            return {"msgtype": "markdown", "markdown": {"content": text}}
        return {"msgtype": "text", "text": {"content": text}}

    def fits(self, payload: dict) -> bool:
        if payload["msgtype"] == "markdown":
            return _utf8(payload["markdown"]["content"]) <= self.MARKDOWN_BYTES
        return _utf8(payload["text"]["content"]) <= self.TEXT_BYTES

    def sign(self, url: str, payload: dict, secret: str, now: float) -> Request:
        raise UsageError(tr("企业微信群机器人没有加签，不需要 --secret；请去掉它（或 AIDPLAN_WEBHOOK_SECRET）"))

    def failure(self, body: dict) -> str | None:
        return _code_failure(body, "errcode", "errmsg", self.HINTS)


class DingTalk(_Platformed):
    """钉钉自定义机器人: markdown {title, text}; with 加签, timestamp (ms) and sign = urlencode(base64(
    HmacSHA256(key=secret, msg="timestamp\\nsecret"))) go in the query."""

    BODY_BYTES = 20000  # the robot refuses longer messages; leave room below it

    def line_break(self, markdown: bool) -> str:
        return "\n\n" if markdown else "\n"  # DingTalk's Markdown joins lines that a blank line does not part

    HINTS: ClassVar[dict[int, str]] = {
        310000: later(
            "加签、关键词或 IP 校验失败：检查 --secret 是否是机器人“加签”的 SEC… 密钥，消息是否含有设置的关键词",
        ),
        300001: later("access_token 无效，请检查 webhook 地址"),
        130101: later("发送太频繁（每个机器人每分钟最多 20 条）"),
    }

    def payload(self, title: str, text: str, markdown: bool) -> dict:
        if markdown:
            return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
        return {"msgtype": "text", "text": {"content": text}}

    def fits(self, payload: dict) -> bool:
        return _json_size(payload) <= self.BODY_BYTES

    def sign(self, url: str, payload: dict, secret: str, now: float) -> Request:
        timestamp = str(int(now * 1000))
        sign = _hmac_base64(secret, f"{timestamp}\n{secret}")
        query = urllib.parse.urlencode({"timestamp": timestamp, "sign": sign})
        return Request(url + ("&" if urllib.parse.urlsplit(url).query else "?") + query, payload)

    def failure(self, body: dict) -> str | None:
        return _code_failure(body, "errcode", "errmsg", self.HINTS)


class Feishu(_Platformed):
    """飞书自定义机器人: a card with a markdown element (or text); with 签名校验, timestamp (s) and sign =
    base64(HmacSHA256(key="timestamp\\nsecret", msg="")) go in the body. The body is at most 20 KB."""

    BODY_BYTES = 19000  # the limit is 20 KB of request body; the signature fields take a little

    def line_break(self, markdown: bool) -> str:
        return "\n"

    HINTS: ClassVar[dict[int, str]] = {
        19021: later(
            "签名不匹配或时间戳相差超过 1 小时：检查 --secret 是否与机器人“签名校验”的密钥一致，以及本机时间",
        ),
        19024: later("消息不含机器人设置的关键词"),
        19022: later("本机 IP 不在机器人的 IP 白名单里"),
        9499: later("请求格式不对"),
        11232: later("发送太频繁"),
    }

    def payload(self, title: str, text: str, markdown: bool) -> dict:
        if markdown:
            return {
                "msg_type": "interactive",
                "card": {
                    "header": {"title": {"tag": "plain_text", "content": title}, "template": "orange"},
                    "elements": [{"tag": "markdown", "content": text}],
                },
            }
        return {"msg_type": "text", "content": {"text": text}}

    def fits(self, payload: dict) -> bool:
        return _json_size(payload) <= self.BODY_BYTES

    def sign(self, url: str, payload: dict, secret: str, now: float) -> Request:
        timestamp = str(int(now))
        return Request(url, {"timestamp": timestamp, "sign": _hmac_base64(f"{timestamp}\n{secret}", ""), **payload})

    def failure(self, body: dict) -> str | None:
        # newer answers carry {"code": 0, "msg": "success"}; older ones {"StatusCode": 0, "StatusMessage": …}
        if "code" in body:
            return _code_failure(body, "code", "msg", self.HINTS)
        return _code_failure(body, "StatusCode", "StatusMessage", self.HINTS)


def notifier(kind: str) -> Notifier:
    """The notifier of a platform named in aidplan.publish.notifiers."""
    return NOTIFIERS.load(kind)(PLATFORMS[kind])


def redact(url: str) -> str:
    """The URL as it may be shown: query values and token-like path parts replaced by ***."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    path = "/".join("***" if re.fullmatch(r"[A-Za-z0-9_\-]{16,}", seg) else seg for seg in parts.path.split("/"))
    query = "&".join(f"{key}=***" for key, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    return urllib.parse.urlunsplit((parts.scheme, host, path, query, ""))


def notifier_for(url: str, kind: str | None) -> Notifier:
    """The notifier named, or the one whose host the URL has."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(tr("webhook 地址应以 https:// 开头：{redact}", redact=redact(url)))
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            tr(
                "webhook 地址里不能带用户名和密码（{redact}）；机器人的地址只有 https://主机/路径?参数",
                redact=redact(url),
            )
        )
    if kind is not None:
        if kind not in NOTIFIERS:
            raise UsageError(
                tr("不认识的 --kind“{kind}”；可选：{NOTIFIERS}", kind=kind, NOTIFIERS=tr("、").join(NOTIFIERS))
            )
        return notifier(kind)
    for platform in PLATFORMS.values():
        if parts.hostname in platform.hosts:
            return notifier(platform.kind)
    raise UsageError(
        tr(
            "从地址 {redact} 看不出是哪个平台的机器人；请用 --kind 指定：{NOTIFIERS}",
            redact=redact(url),
            NOTIFIERS=tr("、").join(NOTIFIERS),
        )
    )


def split_message(
    notifier: Notifier,
    title: str,
    header: str,
    lines: list[str],
    markdown: bool,
    headings: frozenset[int] = frozenset(),
) -> list[dict]:
    """Payloads that each fit the platform's limit: the lines packed in order, each part numbered (1/3) when
    there are several. A part that starts inside a section repeats the section's heading (lines[i] for i in
    headings) with （续）; a single line longer than a whole message is cut short with …"""

    first, _, rest = header.partition("\n")

    def build(chunk: list[str], part: str) -> dict:
        numbered = f"（{part}）" if part else ""  # the posted message itself is Chinese, like the reminders
        heading = [first + numbered, rest] if rest else [first + numbered]
        text = notifier.line_break(markdown).join([*heading, *chunk])
        return notifier.payload(title + numbered, text, markdown)

    def fits(chunk: list[str]) -> bool:
        return notifier.fits(build(chunk, "99/99"))

    parts: list[list[str]] = [[]]
    section: str | None = None
    for index, line in enumerate(lines):
        if index in headings:
            section = line
        if fits([*parts[-1], line]):
            parts[-1].append(line)
            continue
        carry = [section + "（续）"] if section is not None and index not in headings and parts[-1] else []
        if not fits([*carry, line]):
            low, high = 0, len(line)  # the longest prefix that fits with … after it
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if fits([*carry, line[:middle] + "…"]) else (low, middle - 1)
            line = line[:low] + "…"
        if parts[-1]:
            parts.append([*carry, line])
        else:
            parts[-1].append(line)
    if len(parts) == 1:
        return [build(parts[0], "")]
    return [build(chunk, f"{number}/{len(parts)}") for number, chunk in enumerate(parts, start=1)]


@dataclass
class Delivery:
    sent: int = 0
    attempts: list[str] = field(default_factory=list)  # what happened to each failed try, for the user


RETRYABLE_STATUS = {429, 500, 502, 503, 504}
BACKOFF_SECONDS = 1.0  # the first wait before trying again; it doubles on each further try
MAX_ANSWER_BYTES = 1024 * 1024  # robots answer a few dozen bytes; more is not a robot


class _Deadline:
    """Ends a request that is still running when its time is up, whatever it is waiting for: the socket
    timeout alone bounds each read, so a server that drips its answer a byte at a time would never end."""

    def __init__(self) -> None:
        self.sockets: list = []
        self.expired = False

    def connection(self, factory):
        """The connection factory for urllib, remembering each socket once connected (urllib drops the
        connection's own reference while the answer is still being read)."""

        def connect(host, **kwargs):
            connection = factory(host, **kwargs)
            plain_connect = connection.connect

            def connect_and_watch() -> None:
                plain_connect()
                self.sockets.append(connection.sock)
                if self.expired:
                    self._end(connection.sock)

            connection.connect = connect_and_watch
            return connection

        return connect

    def expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            self._end(sock)

    @staticmethod
    def _end(sock) -> None:
        import socket

        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _opener(deadline: _Deadline):
    """urllib as usual (proxies from the environment), but its connections watched by the deadline and
    redirects not followed: a redirected POST becomes a GET without the message, which a 200 would hide."""
    import http.client
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            return None  # the 3xx answer becomes an HTTPError

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(deadline.connection(http.client.HTTPConnection), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(deadline.connection(http.client.HTTPSConnection), req, context=self._context)

    return urllib.request.build_opener(NoRedirect, Http, Https)


def post(
    notifier: Notifier,
    url: str,
    payloads: list[dict],
    secret: str | None = None,
    timeout: float = 10,
    retries: int = 3,
    backoff: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.time,
) -> Delivery:
    """Post each payload in order. 5xx, 429, timeouts and network errors are tried again up to `retries`
    more times, waiting backoff, 2×backoff, …; a 4xx, a redirect or the platform's error code stops at once.
    Each try ends after `timeout` seconds in all, and reads at most MAX_ANSWER_BYTES of the answer."""
    import http.client
    import threading
    import urllib.error
    import urllib.request

    delivery = Delivery()
    timed_out = tr("超时（{timeout:g} 秒内没有收到完整的回应）", timeout=timeout)
    for index, payload in enumerate(payloads, start=1):
        where = tr("第 {index}/{count} 条消息", index=index, count=len(payloads)) if len(payloads) > 1 else tr("消息")
        for attempt in range(retries + 1):
            request = notifier.sign(url, payload, secret, clock()) if secret else Request(url, payload)
            data = json.dumps(request.body, ensure_ascii=False).encode("utf-8")
            outgoing = urllib.request.Request(
                request.url, data=data, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
            )
            deadline = _Deadline()
            timer = threading.Timer(timeout, deadline.expire)
            timer.daemon = True
            timer.start()
            try:
                with _opener(deadline).open(outgoing, timeout=timeout) as response:
                    raw = response.read(MAX_ANSWER_BYTES + 1)
            except urllib.error.HTTPError as exc:
                if 300 <= exc.code < 400:
                    target = exc.headers.get("Location", "") if exc.headers else ""
                    raise NotifyError(
                        tr(
                            "{name}把{where}重定向到了 {redact}（HTTP {code}），消息没有送达；请检查 webhook "
                            "地址（地址 {redact2}）",
                            name=notifier.name,
                            where=where,
                            redact=redact(urllib.parse.urljoin(request.url, target)),
                            code=exc.code,
                            redact2=redact(url),
                        )
                    ) from None
                text = _safe_text(exc.read(4096) if exc.fp is not None else b"", url, secret)
                if exc.code not in RETRYABLE_STATUS:
                    raise NotifyError(
                        tr(
                            "{name}拒绝了{where}：HTTP {code}{value}（地址 {redact}）",
                            name=notifier.name,
                            where=where,
                            code=exc.code,
                            value=tr("：") + text if text else "",
                            redact=redact(url),
                        )
                    ) from None
                problem = f"HTTP {exc.code}"
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                if deadline.expired or isinstance(reason, TimeoutError) or "timed out" in str(reason):
                    problem = timed_out
                else:
                    problem = tr("网络错误（{safe_text}）", safe_text=_safe_text(str(reason).encode(), url, secret))
            else:
                if deadline.expired:
                    problem = timed_out
                elif len(raw) > MAX_ANSWER_BYTES:
                    raise NotifyError(
                        tr(
                            "{name}对{where}的回应超过 {MAX_ANSWER_BYTES} MB，不是机器人的回应；请检查 webhook "
                            "地址（地址 {redact}）",
                            name=notifier.name,
                            where=where,
                            MAX_ANSWER_BYTES=MAX_ANSWER_BYTES // 1024 // 1024,
                            redact=redact(url),
                        )
                    )
                else:
                    try:
                        body = json.loads(raw.decode("utf-8"))
                    except (UnicodeDecodeError, json.JSONDecodeError):
                        raise NotifyError(
                            tr(
                                "{name}对{where}的回应不是 JSON：{safe_text}",
                                name=notifier.name,
                                where=where,
                                safe_text=_safe_text(raw, url, secret),
                            )
                        ) from None
                    failure = notifier.failure(body) if isinstance(body, dict) else tr("回应不是 JSON 对象")
                    if failure:
                        raise NotifyError(
                            tr(
                                "{name}没有接受{where}：{safe_text}",
                                name=notifier.name,
                                where=where,
                                safe_text=_safe_text(failure.encode(), url, secret),
                            )
                        )
                    delivery.sent += 1
                    break
            finally:
                timer.cancel()
            delivery.attempts.append(
                tr("{where}第 {attempt} 次发送失败：{problem}", where=where, attempt=attempt + 1, problem=problem)
            )
            if attempt == retries:
                raise NotifyError(
                    tr(
                        "{where}发送 {retries} 次都失败了，最后一次：{problem}（地址 {redact}）；已发出 {sent} 条",
                        where=where,
                        retries=retries + 1,
                        problem=problem,
                        redact=redact(url),
                        sent=delivery.sent,
                    )
                )
            sleep((BACKOFF_SECONDS if backoff is None else backoff) * 2**attempt)
    return delivery


def _safe_text(raw: bytes, url: str, secret: str | None) -> str:
    """A response or error text cut to 200 characters, with the URL's token and the secret masked."""
    text = raw.decode("utf-8", "replace").strip()
    secrets = [secret] if secret else []
    parts = urllib.parse.urlsplit(url)
    secrets += [value for _, value in urllib.parse.parse_qsl(parts.query) if len(value) >= 6]
    secrets += [seg for seg in parts.path.split("/") if re.fullmatch(r"[A-Za-z0-9_\-]{16,}", seg)]
    for value in secrets:
        text = text.replace(value, "***")
    return text[:200]
