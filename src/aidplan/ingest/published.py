"""A plan published as paragraphs, not as a table: a 工作要点 as a web page or a 公众号 prints it — the title,
一、 category headings (and （一） sub-headings), numbered items such as `1.落实…，3月底前完成…。（责任单位：资助中心）`
or `3.开展…（责任单位：各学校，完成时间：5月）`. Each item becomes a task of its heading's category group, the
bracket at its end its cells (owner, time, any other key as a printed column); the text is kept as printed."""

from __future__ import annotations

import re
from collections import Counter

from aidplan.ingest.document import Paragraph, Table
from aidplan.ingest.general import Node
from aidplan.ingest.recognise import (
    Group,
    Recognised,
    RecognitionError,
    Task,
    _join_lines,
    listing,
    role_of,
    split_number,
)
from aidplan.messages import later, tr

# the heading levels of GB/T 9704 7.3.3 in order: 一、 （一） 1. （1）
_LEVELS = (
    re.compile(r"^[一二三四五六七八九十]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^[0-9]{1,3}\s*(?:[、．]|\.(?![0-9]))"),
    re.compile(r"^[（(][0-9]{1,3}[）)]"),
)
# the bracket at an item's end: （责任单位：资助中心，完成时间：5月） — every part a key and its value
_BRACKET = re.compile(r"[（(](?P<inner>[^（）()]+)[）)](?P<end>[。；;]?)\s*$")
_PART = re.compile(r"^\s*(?P<key>[^：:，,；;]{2,8})[：:]\s*(?P<value>.+?)\s*$")
# what a web page prints around an article: its date, source, author, views
_WEB_FURNITURE = re.compile(r"^(?:发布时间|发布日期|发布者|来源|作者|浏览次数|点击数|阅读|编辑|责任编辑)\s*[：:]")


def level_of(text: str) -> int | None:
    """The level of a numbered line: 0 for 一、, 1 for （一）, 2 for 1., 3 for （1）; None when it has no number."""
    squashed = re.sub(r"\s+", "", text)
    return next((n for n, pattern in enumerate(_LEVELS) if pattern.match(squashed)), None)


def _sentence(text: str) -> bool:
    """A line that says a task, not a heading: it has a clause's punctuation, or it is long."""
    squashed = re.sub(r"\s+", "", text)
    return bool(re.search(r"[，,。；;]", squashed)) or len(squashed) > 30


def _keyed(inner: str) -> list[tuple[str, str]] | None:
    """`责任单位：各学校，完成时间：5月` as its keys and values, or None when a part is not `key：value` or no key
    names an owner or a time."""
    parts = [_PART.match(part) for part in re.split(r"[，,；;]", inner) if part.strip()]
    if not parts or any(part is None for part in parts):
        return None
    values = [(part["key"].strip(), part["value"].strip()) for part in parts if part is not None]
    if not any(role_of(key) in ("owner", "deadline", "period") for key, _ in values):
        return None
    return values


def bracket(text: str) -> tuple[str, list[tuple[str, str]]]:
    """An item's text without its closing brackets of keyed values, and the values: `开展…活动。（责任单位：各学校，
    完成时间：5月）` → (`开展…活动。`, [(责任单位, 各学校), (完成时间, 5月)]); so are two brackets
    `…。（责任单位：资助中心）（完成时间：6月）` and, without a bracket, `…资助。责任单位：资助中心；完成时间：9月底前`.
    A bracket whose parts are not all `key：value` (an aside in the text) stays in the text."""
    values: list[tuple[str, str]] = []
    head = text
    while (found := _BRACKET.search(head)) is not None and (keyed := _keyed(found["inner"])) is not None:
        values = keyed + values
        end = found["end"]
        head = head[: found.start()].rstrip()
        if end and not head.endswith(("。", "；", ";")):
            head += end  # 开展…活动（责任单位：各学校）。 — the full stop stays with the text
    if not values:
        tail = re.search(r"(?<=[。；;])\s*(?P<inner>[^。；;（）()]{2,8}[：:][^。（）()]+)$", head)
        keyed = _keyed(tail["inner"]) if tail else None
        if tail is not None and keyed is not None:
            values, head = keyed, head[: tail.start()].rstrip()
    return head, values


def published_as_paragraphs(lines: list[str]) -> bool:
    """Whether text lines are a plan published as paragraphs (no table): numbered items that are sentences, under
    一、 headings or with a bracket of 责任单位/完成时间, and no line that heads a table's column."""
    items = [re.sub(r"\s+", "", line) for line in lines if line.strip()]
    named = ("tasks", "owner", "deadline")
    if any(len(item) <= 6 and level_of(item) is None and role_of(item) in named for item in items):
        return False  # 工作内容, 责任单位: a table's header, one cell a line (三、工作要求 is a heading)
    numbered = [item for item in items if level_of(item) is not None and _sentence(item)]
    bracketed = [item for item in numbered if bracket(item)[1]]
    headings = [item for item in items if level_of(item) == 0 and not _sentence(item)]
    return len(bracketed) >= 2 or (len(numbered) >= 3 and bool(headings))


def read(recogniser, blocks: list) -> Recognised:
    """The plan of a document of paragraphs only."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    lines = [_join_lines(p.printed) for p in paragraphs]
    levels = [level_of(line) for line in lines]
    sentences = [lvl for lvl, line in zip(levels, lines) if lvl is not None and _sentence(line)]
    if not sentences:
        raise RecognitionError(
            tr(
                "{v0} 里没有表格，也没有编号的工作任务：计划要有一张“时间—工作内容”的表格，或者按“一、类别”“1.任务"
                "（责任单位：…，完成时间：…）”分段写的工作要点。请把计划的表格复制进来（Word、Excel 或网页上的表格），"
                "或给各项任务加上编号后再导入",
                v0=recogniser.name,
            )
        )
    task_level = Counter(sentences).most_common(1)[0][0]
    # the items start at the first task, or at the headings right above it (一、指导思想 and its paragraph before
    # them are the preamble)
    first = next(i for i, lvl in enumerate(levels) if lvl == task_level)
    while first > 0 and levels[first - 1] is not None and levels[first - 1] < task_level:  # type: ignore[operator]
        first -= 1
    last = max(i for i, lvl in enumerate(levels) if lvl == task_level)
    before = [p for p in paragraphs[:first] if not _WEB_FURNITURE.match(p.printed.strip())]
    for paragraph in paragraphs[:first]:
        if _WEB_FURNITURE.match(paragraph.printed.strip()):
            recogniser.unplaced.append(later("网页上的发布信息“{v0}”", v0=paragraph.printed.strip()))
    data: dict = {}
    attachment, title_lines, preamble = recogniser._head(before, Table([], 0, 0), 0, tableless=True)
    recogniser._document_top(data, attachment, title_lines, preamble, before, Table([], 0, 0))

    heading_levels = sorted({lvl for lvl in levels[first : last + 1] if lvl is not None and lvl < task_level})
    roots: list[Node] = []
    path: list[Node] = []
    flat: list[Task] = []
    keys: Counter = Counter()
    for index in range(first, last + 1):
        line, lvl = lines[index], levels[index]
        depth = heading_levels.index(lvl) if lvl is not None and lvl < task_level else None
        parent = (path[depth - 1] if depth <= len(path) else None) if depth else None
        if depth is not None and parent is not None and parent.tasks:
            lvl = task_level  # （一）建立台账。 after tasks 1、 2、 of its heading: a task as printed, not a group
        elif depth is not None:
            node = Node(line, None)
            del path[depth:]
            (path[-1].children if path else roots).append(node)
            path.append(node)
            continue
        if lvl == task_level:
            (path[-1].tasks if path else flat).append([line])  # the task's lines, read when all are in
            continue
        # a line numbered deeper than the tasks (（1） under 1.) is an item of the task above, on a line of its own;
        # a line without a number goes on with the line above it (a paragraph the page broke, the task's bracket
        # after its items)
        tasks = path[-1].tasks if path else flat
        if tasks:
            if lvl is not None:
                tasks[-1].append(line)
            else:
                tasks[-1][-1] += line
        elif path:
            recogniser.unplaced.append(later("小标题“{v0}”下的一段“{v1}”", v0=path[-1].label, v1=line))
        else:
            recogniser.unplaced.append(later("任务之前的一段“{v0}”", v0=line))
    for node in [*_all(roots), Node("", None, tasks=flat)]:
        node.tasks[:] = [task for lines in node.tasks for task in _items(lines, keys)]
    if flat and roots:
        recogniser.unplaced += [later("第一个小标题之前的任务“{v0}”", v0=t.printed) for t in flat]
        flat = []
    for empty in _empty(roots):
        recogniser.unplaced.append(later("小标题“{v0}”下面没有任务", v0=empty.label))
    roots = _pruned(roots)

    # the bracket's keys become columns: the first 责任-like key the owner, the first 时间-like one each task's time;
    # another 责任-like key is the same column where it stands instead of the owner's (牵头单位 here, 责任单位 there),
    # its own printed column where both are given (责任单位 and 配合单位)
    owner = next((k for k, _ in keys.most_common() if role_of(k) == "owner"), None)
    time = next((k for k, _ in keys.most_common() if role_of(k) in ("deadline", "period")), None)
    everything = [t for node in _leaves(roots) for t in node.tasks] + flat
    others = [
        k
        for k in keys
        if role_of(k) == "owner" and k != owner and not any(k in t.values and owner in t.values for t in everything)
    ]
    free = [k for k in keys if k not in (owner, time) and k not in others]
    renamed = {owner: "owner", time: "time", **{k: f"c{n}" for n, k in enumerate(free, 1)}}
    for task in everything:
        task.values = {("owner" if key in others else renamed[key]): value for key, value in task.values.items()}
    columns = [{"header": "工作内容", "role": "task"}]
    if owner is not None:
        columns.append({"header": owner, "role": "owner"})
    if time is not None:
        columns.append({"header": time, "role": "time"})
    columns += [{"header": k, "role": "free", "key": renamed[k]} for k in free]

    groups = [Group(node.label, node.tasks) for node in _leaves(roots)] if roots else [Group("", flat)]
    data["numbering"], scope = recogniser._numbering(groups)
    if scope != "group":
        data["numbering_scope"] = scope
    data["columns"] = columns
    tasks = sum(len(g.tasks) for g in groups)
    if roots:
        data["groups"] = [recogniser._node(node) for node in roots]
        recogniser.guesses.append(
            later(
                "文件里没有表格，是按段落印发的计划：{v0}是类别（groups:），其下编号的 {v1} 段是任务；"
                "印成表格时类别印在跨整行的一行",
                v0=listing([n.label for n in roots], quoted=True),
                v1=tasks,
            )
        )
    else:
        data["tasks"] = recogniser._node(Node("", None, tasks=flat))["tasks"]
        recogniser.guesses.append(later("文件里没有表格，是按段落印发的计划：编号的 {v0} 段是任务（tasks:）", v0=tasks))
    said = [k for k in (owner, time) if k is not None] + free
    if said:
        recogniser.guesses.append(
            later(
                "任务末尾括号里的{v0}印成表格的列（表头照括号里的写法），“工作内容”一列的表头是补的",
                v0=listing(said, quoted=True),
            )
        )
    if others:
        recogniser.guesses.append(later("括号里的{v0}与“{v1}”写进同一列", v0=listing(others, quoted=True), v1=owner))
    return recogniser._finished(data, paragraphs[last + 1 :])


def _task(text: str, keys: Counter) -> Task:
    """A task of its printed text (number included) and the bracket at its end."""
    head, values = bracket(text)
    task = split_number(head)
    task.printed = head
    task.values = {key: value for key, value in values}
    keys.update(key for key, _ in values)
    return task


def _items(lines: list[str], keys: Counter) -> list[Task]:
    """A task and the items numbered under it (2.规范资金发放： / （1）春季…； / （2）秋季…。 / （责任单位：…）): one
    task whose text keeps each item on a line of its own, as printed, the bracket after the last item its cells.
    Items that carry brackets of their own (not the last one only) are the tasks (each its owner and time), under
    the task's line printed as a sub-heading, or as a task of its own where it has a bracket too."""
    own = [item for item in lines[1:] if bracket(item)[1]]
    if own and (len(own) > 1 or own[0] is not lines[-1]):  # a bracket after the last item only: the task's
        head = _task(lines[0], keys) if bracket(lines[0])[1] else Task(lines[0].strip(), heading=True, outline=True)
        head.printed = head.printed or head.text
        return [head, *(_task(item, keys) for item in lines[1:])]
    return [_task("\n".join(lines), keys)]


def _all(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out += [node, *_all(node.children)]
    return out


def _leaves(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.extend(_leaves(node.children) if node.children else [node])
    return out


def _empty(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if node.children:
            out += _empty(node.children)
        elif not node.tasks:
            out.append(node)
    return out


def _pruned(nodes: list[Node]) -> list[Node]:
    kept = []
    for node in nodes:
        if node.children:
            node.children = _pruned(node.children)
            if node.children:
                kept.append(node)
        elif node.tasks:
            kept.append(node)
    return kept
