"""aidplan remind against a chat robot played by an HTTP server on 127.0.0.1: it checks each platform's
signature, answers with the platform's own success and error bodies, fails the first tries, or is slow."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import shutil
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import SEED_PLANS

SECRET = "SEC0123456789abcdef0123456789abcdef"
TOKEN = "tok5f3e9a0c7b2d4e6f8a1b3c5d7e9f0a2b"
TODAY = ("--today", "2020-05-20")  # Huaibei: 16 items overdue, 2 due within 7 days
ANSWERS = {  # what each platform answers when it takes a message
    "wecom": {"errcode": 0, "errmsg": "ok"},
    "dingtalk": {"errcode": 0, "errmsg": "ok"},
    "feishu": {"StatusCode": 0, "StatusMessage": "success", "code": 0, "data": {}, "msg": "success"},
}
SIGN_FAILURES = {
    "dingtalk": {
        "errcode": 310000,
        "errmsg": "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]",
    },
    "feishu": {
        "code": 19021,
        "data": {},
        "msg": "sign match fail or timestamp is not within one hour from current time",
    },
}


def _sign(key: str, message: str) -> str:
    return base64.b64encode(hmac.new(key.encode(), message.encode(), hashlib.sha256).digest()).decode()


class ChatRobot:
    """A chat platform's webhook: records each request, checks the signature the way the platform does, and
    plays the scripted answers first: an int is that HTTP status, a float a delay in seconds, a dict a body."""

    def __init__(self, kind: str, secret: str | None = None) -> None:
        self.kind, self.secret = kind, secret
        self.requests: list[dict] = []
        self.script: list[int | float | dict] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                body = json.loads(self.rfile.read(length).decode("utf-8"))
                query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                robot.requests.append({"path": self.path, "query": query, "body": body, "size": length})
                action = robot.script.pop(0) if robot.script else None
                if isinstance(action, float):
                    time.sleep(action)
                    action = None
                if isinstance(action, int):
                    self.answer(action, {"error": "busy"})
                    return
                self.answer(200, action if isinstance(action, dict) else robot.verdict(query, body))

            def answer(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up waiting
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def verdict(self, query: dict, body: dict) -> dict:
        if self.secret and self.kind == "dingtalk":
            fresh = abs(int(query.get("timestamp", 0)) / 1000 - time.time()) < 3600
            expected = _sign(self.secret, f"{query.get('timestamp')}\n{self.secret}")
            if not fresh or query.get("sign") != expected:
                return SIGN_FAILURES["dingtalk"]
        if self.secret and self.kind == "feishu":
            fresh = abs(int(body.get("timestamp", 0)) - time.time()) < 3600
            if not fresh or body.get("sign") != _sign(f"{body.get('timestamp')}\n{self.secret}", ""):
                return SIGN_FAILURES["feishu"]
        if self.kind == "wecom" and len(body["markdown"]["content"].encode()) > 4096:
            return {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
        return ANSWERS[self.kind]

    @property
    def url(self) -> str:
        port = self.server.server_address[1]
        paths = {
            "wecom": f"/cgi-bin/webhook/send?key={TOKEN}",
            "dingtalk": f"/robot/send?access_token={TOKEN}",
            "feishu": f"/open-apis/bot/v2/hook/{TOKEN}",
        }
        return f"http://127.0.0.1:{port}{paths[self.kind]}"

    @property
    def shown(self) -> str:
        return self.url.replace(TOKEN, "***")

    def texts(self) -> list[str]:
        out = []
        for request in self.requests:
            body = request["body"]
            if self.kind == "feishu":
                out.append(body["card"]["elements"][0]["content"] if "card" in body else body["content"]["text"])
            elif body["msgtype"] == "markdown":
                out.append(body["markdown"].get("content") or body["markdown"].get("text"))
            else:
                out.append(body["text"]["content"])
        return out


@pytest.fixture
def robot():
    robots: list[ChatRobot] = []

    def start(kind: str, secret: str | None = None) -> ChatRobot:
        robots.append(ChatRobot(kind, secret))
        robots[-1].thread.start()
        return robots[-1]

    yield start
    for each in robots:
        each.server.shutdown()
        each.server.server_close()


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("aidplan.publish.notify.BACKOFF_SECONDS", 0.01)
    monkeypatch.delenv("AIDPLAN_WEBHOOK", raising=False)
    monkeypatch.delenv("AIDPLAN_WEBHOOK_SECRET", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # a proxy set for the office's internet must not see the tests
    monkeypatch.setenv("no_proxy", "127.0.0.1")


@pytest.fixture
def huaibei(in_tmp: Path) -> Path:
    return Path(shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")).relative_to(in_tmp)


def assert_nothing_secret(result) -> None:
    for text in (result.stdout, result.stderr):
        assert TOKEN not in text
        assert SECRET not in text


def test_dingtalk_signed_markdown_lands(cli, robot, huaibei: Path) -> None:
    chat = robot("dingtalk", SECRET)
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", "--secret", SECRET, *TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已发送 1 条消息到钉钉（{chat.shown}）：逾期 16 项，7 天内到期 2 项\n"
    assert_nothing_secret(result)
    (request,) = chat.requests
    assert request["body"]["msgtype"] == "markdown"
    assert request["body"]["markdown"]["title"] == "工作计划提醒（5月20日）"
    paragraphs = request["body"]["markdown"]["text"].split("\n\n")
    assert paragraphs[:4] == [
        "### 工作计划提醒（5月20日）",
        "逾期 16 项，7 天内到期 2 项",
        "**淮北市2020年度学生资助工作月计划**",
        "**已逾期（16 项）：**",
    ]
    assert paragraphs[-3:] == [
        "**7 天内到期（2 项）：**",
        "- **5.1@5-20** 每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；"
        "（5月20日，今天到期）",
        "- **5.2** 发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；"
        "（5月25日，还有5天）",
    ]
    assert set(request["query"]) == {"access_token", "timestamp", "sign"}


def test_dingtalk_with_the_wrong_secret_fails_the_signature_check(cli, robot, huaibei: Path) -> None:
    chat = robot("dingtalk", SECRET)
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", "--secret", "SECwrong", *TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "aidplan: 钉钉没有接受消息：错误码 310000：sign not match, more: "
        "[https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]（加签、关键词或 IP 校验失败：检查 --secret "
        "是否是机器人“加签”的 SEC… 密钥，消息是否含有设置的关键词）\n"
    )
    assert len(chat.requests) == 1  # a refusal is not tried again
    assert_nothing_secret(result)


def test_feishu_signs_in_the_body_and_takes_the_card(cli, robot, huaibei: Path) -> None:
    chat = robot("feishu", SECRET)
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "feishu", "--secret", SECRET, *TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已发送 1 条消息到飞书（{chat.shown}）：逾期 16 项，7 天内到期 2 项\n"
    assert chat.shown.endswith("/open-apis/bot/v2/hook/***")
    body = chat.requests[0]["body"]
    assert sorted(body) == ["card", "msg_type", "sign", "timestamp"]
    assert body["msg_type"] == "interactive"
    assert body["card"]["header"]["title"]["content"] == "工作计划提醒（5月20日）"
    assert chat.texts()[0].startswith("### 工作计划提醒（5月20日）\n逾期 16 项，7 天内到期 2 项\n")
    assert_nothing_secret(result)


def test_feishu_with_the_wrong_secret_fails_the_signature_check(cli, robot, huaibei: Path) -> None:
    chat = robot("feishu", SECRET)
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "feishu", "--secret", SECRET + "x", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 飞书没有接受消息：错误码 19021：sign match fail or timestamp is not within one hour from current "
        "time（签名不匹配或时间戳相差超过 1 小时：检查 --secret 是否与机器人“签名校验”的密钥一致，以及本机时间）\n"
    )


def test_feishu_plain_text(cli, robot, huaibei: Path) -> None:
    chat = robot("feishu")
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "feishu", "--text", *TODAY)
    assert result.exit_code == 0, result.output
    body = chat.requests[0]["body"]
    assert body["msg_type"] == "text"
    lines = body["content"]["text"].split("\n")
    assert lines[:4] == [
        "工作计划提醒（5月20日）",
        "逾期 16 项，7 天内到期 2 项",
        "【淮北市2020年度学生资助工作月计划】",
        "已逾期（16 项）：",
    ]
    assert lines[4] == (
        "- 1.1@1-20 每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；"
        "（1月20日，已逾期121天）"
    )


def test_a_long_list_is_split_within_wecom_4096_bytes(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", "--today", "2020-12-20")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已发送 3 条消息到企业微信（{chat.shown}）：逾期 56 项，7 天内到期 1 项\n"
    texts = chat.texts()
    assert [len(t.encode()) <= 4096 for t in texts] == [True, True, True]
    assert [t.split("\n")[0] for t in texts] == [f"### 工作计划提醒（12月20日）（{n}/3）" for n in (1, 2, 3)]
    # a part that starts inside a plan repeats the plan's heading
    assert [t.split("\n")[2] for t in texts] == [
        "**淮北市2020年度学生资助工作月计划**",
        "**淮北市2020年度学生资助工作月计划**（续）",
        "**淮北市2020年度学生资助工作月计划**（续）",
    ]
    items = [line for t in texts for line in t.split("\n") if line.startswith("- ")]
    assert len(items) == 57  # every item once, in order, none cut
    assert items[0].startswith("- **1.1@1-20** ") and items[-1].startswith("- **12.1@12-20** ")


def test_5xx_answers_are_tried_again_then_land(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    chat.script = [503, 502]
    result = cli("remind", huaibei, "--webhook", chat.url, *TODAY)  # the kind from the path? no: given below
    assert result.exit_code == 2  # 127.0.0.1 says nothing about the platform
    assert result.stderr == (
        f"aidplan: 从地址 {chat.shown} 看不出是哪个平台的机器人；请用 --kind 指定：wecom、dingtalk、feishu\n"
    )
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", *TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == "注意：消息第 1 次发送失败：HTTP 503，已重试\n注意：消息第 2 次发送失败：HTTP 502，已重试\n"
    assert len(chat.requests) == 3
    assert result.stdout.startswith("已发送 1 条消息到企业微信")


def test_a_server_that_keeps_failing_gives_up_after_the_retries(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    chat.script = [500] * 10
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", "--retries", "2", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == f"aidplan: 消息发送 3 次都失败了，最后一次：HTTP 500（地址 {chat.shown}）；已发出 0 条\n"
    assert len(chat.requests) == 3


def test_a_slow_server_times_out_and_is_tried_again(cli, robot, huaibei: Path) -> None:
    chat = robot("dingtalk")
    chat.script = [1.5]
    args = ("remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", "--timeout", "0.3", *TODAY)
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr == "注意：消息第 1 次发送失败：超时（0.3 秒内没有收到完整的回应），已重试\n"
    assert len(chat.requests) == 2

    chat.script = [1.5, 1.5]
    result = cli(*args, "--retries", "1")
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 消息发送 2 次都失败了，最后一次：超时（0.3 秒内没有收到完整的回应）"
        f"（地址 {chat.shown}）；已发出 0 条\n"
    )


def test_a_4xx_answer_stops_at_once(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    chat.script = [404]
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == f'aidplan: 企业微信拒绝了消息：HTTP 404：{{"error": "busy"}}（地址 {chat.shown}）\n'
    assert len(chat.requests) == 1


def test_the_platforms_own_error_code_in_a_200_answer(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    chat.script = [{"errcode": 93000, "errmsg": "invalid webhook url, hint: [1590000000_1_abc]"}]
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 企业微信没有接受消息：错误码 93000：invalid webhook url, hint: [1590000000_1_abc]"
        "（webhook 地址无效，请检查 key）\n"
    )


def test_nothing_is_posted_when_nothing_is_due_unless_always(cli, robot, huaibei: Path) -> None:
    chat = robot("wecom")
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", "--today", "2019-12-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == "没有逾期或即将到期的任务，没有发送（要照常发送请加 --always）\n"
    assert chat.requests == []
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "wecom", "--today", "2019-12-01", "--always")
    assert result.exit_code == 0, result.output
    assert chat.texts() == ["### 工作计划提醒（12月1日）\n没有逾期或即将到期的任务"]


def test_dry_run_prints_the_payload_and_posts_nothing(cli, robot, huaibei: Path) -> None:
    chat = robot("dingtalk", SECRET)
    result = cli(
        "remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", "--secret", SECRET, "--dry-run", *TODAY
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["msgtype"] == "markdown"
    assert payload["markdown"]["text"].startswith("### 工作计划提醒（5月20日）\n\n逾期 16 项，7 天内到期 2 项\n\n")
    assert result.stderr == "逾期 16 项，7 天内到期 2 项；1 条钉钉消息（--dry-run，没有发送）\n"
    assert chat.requests == []
    assert "sign" not in result.stdout
    assert_nothing_secret(result)


def test_url_and_secret_from_the_environment_stay_out_of_the_output(
    cli, robot, huaibei: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = robot("feishu", SECRET)
    monkeypatch.setenv("AIDPLAN_WEBHOOK", chat.url)
    monkeypatch.setenv("AIDPLAN_WEBHOOK_SECRET", SECRET)
    result = cli("remind", huaibei, "--kind", "feishu", *TODAY)
    assert result.exit_code == 0, result.output
    assert len(chat.requests) == 1
    assert_nothing_secret(result)
    monkeypatch.setenv("AIDPLAN_WEBHOOK_SECRET", "SECwrong")
    failed = cli("remind", huaibei, "--kind", "feishu", *TODAY)
    assert failed.exit_code == 1
    assert_nothing_secret(failed)


def test_an_unreachable_robot_is_a_network_error_after_the_retries(cli, huaibei: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/robot/send?access_token={TOKEN}"
    result = cli("remind", huaibei, "--webhook", url, "--kind", "dingtalk", "--retries", "1", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 消息发送 2 次都失败了，最后一次：网络错误（[Errno 111] Connection refused）"
        f"（地址 http://127.0.0.1:{port}/robot/send?access_token=***）；已发出 0 条\n"
    )


def test_usage_errors(cli, huaibei: Path) -> None:
    assert cli("remind", huaibei, *TODAY).stderr == (
        "aidplan: 请用 --webhook 或环境变量 AIDPLAN_WEBHOOK 给出机器人的 webhook 地址\n"
    )
    wecom = f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={TOKEN}"
    result = cli("remind", huaibei, "--webhook", wecom, "--secret", SECRET, *TODAY)
    assert result.exit_code == 2
    assert (
        result.stderr == "aidplan: 企业微信群机器人没有加签，不需要 --secret；请去掉它（或 AIDPLAN_WEBHOOK_SECRET）\n"
    )
    result = cli("remind", huaibei, "--webhook", f"file:///etc/passwd?key={TOKEN}", *TODAY)
    assert result.stderr == "aidplan: webhook 地址应以 https:// 开头：file:///etc/passwd?key=***\n"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", "wecom"),
        ("https://oapi.dingtalk.com/robot/send?access_token=x", "dingtalk"),
        ("https://open.feishu.cn/open-apis/bot/v2/hook/x", "feishu"),
        ("https://open.larksuite.com/open-apis/bot/v2/hook/x", "feishu"),
    ],
)
def test_the_kind_follows_from_the_host(url: str, kind: str) -> None:
    from aidplan.publish.notify import notifier_for

    assert notifier_for(url, None).kind == kind


def test_signatures_match_the_platforms_published_examples() -> None:
    """DingTalk: HmacSHA256 keyed by the secret over "timestamp\\nsecret"; Feishu: keyed by "timestamp\\nsecret"
    over nothing. Both base64; DingTalk's is URL-encoded into the query."""
    from aidplan.publish.notify import notifier

    DINGTALK, FEISHU = notifier("dingtalk"), notifier("feishu")

    signed = DINGTALK.sign("https://oapi.dingtalk.com/robot/send?access_token=t", {}, "this is secret", 1577836800.0)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(signed.url).query))
    assert query["timestamp"] == "1577836800000"
    assert query["sign"] == _sign("this is secret", "1577836800000\nthis is secret")
    body = FEISHU.sign("https://open.feishu.cn/open-apis/bot/v2/hook/t", {"msg_type": "text"}, "s", 1599360473.0).body
    assert body == {"timestamp": "1599360473", "sign": _sign("1599360473\ns", ""), "msg_type": "text"}


class HostileRobot:
    """A webhook that misbehaves: redirects elsewhere, answers without end, or drips its answer a byte at a
    time (each byte well inside the socket timeout, so only a deadline for the whole request ends it)."""

    def __init__(self, behaviour: str) -> None:
        self.requests: list[tuple[str, str]] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.do_POST()

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                robot.requests.append((self.command, self.path))
                try:
                    if behaviour == "redirect" and self.path.startswith("/robot"):
                        self.send_response(302)
                        self.send_header("Location", f"http://localhost:{robot.port}/elsewhere")
                        self.end_headers()
                    elif behaviour == "redirect":  # the other host: GET answers like a robot that took it
                        self.send_response(200)
                        self.end_headers()
                        self.wfile.write(b'{"errcode": 0, "errmsg": "ok"}')
                    elif behaviour == "huge":
                        self.send_response(200)
                        self.end_headers()
                        for _ in range(64):  # 64 MB, far more than any robot answers
                            self.wfile.write(b"x" * (1 << 20))
                    elif behaviour == "drip":
                        self.send_response(200)
                        self.send_header("Content-Length", "100000")
                        self.end_headers()
                        for _ in range(100000):
                            self.wfile.write(b" ")
                            self.wfile.flush()
                            time.sleep(0.1)
                except OSError:  # the client gave up
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/robot/send?access_token={TOKEN}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile():
    robots: list[HostileRobot] = []

    def start(behaviour: str) -> HostileRobot:
        robots.append(HostileRobot(behaviour))
        return robots[-1]

    yield start
    for each in robots:
        each.close()


def test_a_redirect_is_not_followed_and_is_not_reported_as_sent(cli, hostile, huaibei: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    chat = hostile("redirect")
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", *TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"aidplan: 钉钉把消息重定向到了 http://localhost:{chat.port}/elsewhere（HTTP 302），消息没有送达；"
        f"请检查 webhook 地址（地址 http://127.0.0.1:{chat.port}/robot/send?access_token=***）\n"
    )
    assert chat.requests == [("POST", f"/robot/send?access_token={TOKEN}")]
    assert_nothing_secret(result)


def test_a_huge_answer_is_not_read_whole(cli, hostile, huaibei: Path) -> None:
    import resource

    chat = hostile("huge")
    result = cli("remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 钉钉对消息的回应超过 1 MB，不是机器人的回应；请检查 webhook 地址"
        f"（地址 http://127.0.0.1:{chat.port}/robot/send?access_token=***）\n"
    )
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1_000_000  # KB: the 64 MB were never held


def test_an_answer_that_drips_in_ends_at_the_timeout(cli, hostile, huaibei: Path) -> None:
    chat = hostile("drip")
    started = time.monotonic()
    result = cli(
        "remind", huaibei, "--webhook", chat.url, "--kind", "dingtalk", "--timeout", "0.5", "--retries", "1", *TODAY
    )
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 消息发送 2 次都失败了，最后一次：超时（0.5 秒内没有收到完整的回应）"
        f"（地址 http://127.0.0.1:{chat.port}/robot/send?access_token=***）；已发出 0 条\n"
    )


def test_a_url_with_a_user_and_password_is_refused(cli, huaibei: Path) -> None:
    url = "https://robot:pa55word@oapi.dingtalk.com/robot/send?access_token=" + TOKEN
    result = cli("remind", huaibei, "--webhook", url, *TODAY)
    assert result.exit_code == 2
    assert result.stderr == (
        "aidplan: webhook 地址里不能带用户名和密码（https://oapi.dingtalk.com/robot/send?access_token=***）；"
        "机器人的地址只有 https://主机/路径?参数\n"
    )
    assert "pa55word" not in result.stdout + result.stderr
