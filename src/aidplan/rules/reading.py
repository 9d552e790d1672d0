"""Reading a file: bytes, encoding, YAML and TOML (E100–E120). Detected in aidplan.plan.loading, for plans,
progress and calendar files alike, and in aidplan.config for the project config."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class UnreadableFile(Rule):
    """The file cannot be read.

    Example: a plan the user has no permission to read (`chmod 000 plan.yaml`), or a path that is a
    device rather than a file.

    Message::

        plan.yaml:1:1: error[E100]: 无法读取文件：Permission denied

    Fix: make the file readable (`chmod u+r plan.yaml`) or copy the plan to a folder you can read.
    """

    code = "E100"
    name = "unreadable-file"
    severity = Severity.error


class YamlSyntax(Rule):
    """YAML syntax error.

    Also reported with this code: a mapping key that is a list or a mapping, which YAML allows and a plan
    never needs. Both mean the text is not the YAML of a plan.

    Example::

        periods:
          - label: 3月份
            tasks:
              - 注意: 开展月巡视: 全市

    Message::

        plan.yaml:4:18: error[E101]: YAML 语法错误：此处不能有“: ”（文本里的冒号请用全角“：”，或给整段文字加引号）

    Fix: follow the message: quote the text, use the full-width colon “：”, indent with spaces, close
    brackets.
    """

    code = "E101"
    name = "yaml-syntax"
    severity = Severity.error


class FileTooLarge(Rule):
    """The file is larger than 2 MB.

    A plan is a few kilobytes; a larger file is almost always the wrong file, and it is refused before it is
    read.

    Example: a database dump or a log saved as plan.yaml, or a plan padded past 2 MB::

        python3 -c "print(('# ' + '注' * 80 + chr(10)) * 8700)" > plan.yaml

    Message::

        plan.yaml:1:1: error[E102]: 文件过大（2.0 MB），计划文件最大 2 MB

    Fix: check that you named the plan and not another file (a database dump, a log).
    """

    code = "E102"
    name = "file-too-large"
    severity = Severity.error


class NotUtf8(Rule):
    """The file is not UTF-8 (GBK/GB18030 and UTF-16 are named, with the command to convert them).

    Example: a plan saved by Notepad or WPS as "ANSI" (GBK), or as "Unicode" (UTF-16); a file cut off in
    the middle of a character.

    Message::

        plan.yaml:1:1: error[E103]: 文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 记事本、WPS 常用）；请另存为 UTF-8，或运行：iconv -f GB18030 -t UTF-8 'plan.yaml' > 新文件.yaml

    Fix: save the file as UTF-8 (Notepad: 另存为 → 编码 UTF-8) or convert it with the iconv command shown.
    """

    code = "E103"
    name = "not-utf8"
    severity = Severity.error


class AnchorOrAlias(Rule):
    """YAML anchors or aliases (`&x` / `*x`) are refused, which stops "alias bombs".

    Example::

        title: &t 工作计划表
        periods:
          - label: 3月份
            tasks: [*t]

    Message::

        plan.yaml:1:8: error[E104]: 计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来

    Fix: write the text out where it is used; for a task repeated every month use `recurring:`.
    """

    code = "E104"
    name = "anchor-or-alias"
    severity = Severity.error


class TooDeep(Rule):
    """Nesting deeper than 32 levels.

    Example::

        extra: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]

    Message::

        plan.yaml:1:39: error[E105]: 嵌套超过 32 层；计划文件不需要这么深的结构

    Fix: a plan is at most five levels deep (plan → periods → period → tasks → task); remove the nesting.
    """

    code = "E105"
    name = "too-deep"
    severity = Severity.error


class DuplicateKey(Rule):
    """A key is repeated in a mapping.

    Example::

        periods:
          - label: 3月份
            label: 4月份

    Message::

        plan.yaml:3:5: error[E106]: 重复的键“label”（第一次出现在第 2 行）

    Fix: keep one of the two keys; a second period needs its own `- label:` item.
    """

    code = "E106"
    name = "duplicate-key"
    severity = Severity.error


class BinaryFile(Rule):
    """A binary file (it contains NUL bytes).

    Example: a .docx or .xlsx renamed to .yaml, or a file damaged in transfer.

    Message::

        plan.yaml:1:10: error[E107]: 这不是文本文件（含有 NUL 字节）；计划应是 UTF-8 编码的 YAML 文本

    Fix: name the YAML plan, not the document made from it; restore a damaged file from its source.
    """

    code = "E107"
    name = "binary-file"
    severity = Severity.error


class NotOneDocument(Rule):
    """An empty file, a top level that is not a mapping, or several YAML documents.

    One meaning: the file does not hold exactly one document of its kind (a plan: a mapping of title, year,
    periods; a calendar file: a mapping of year, holidays, workdays). The message says which of the three
    it is.

    Example::

        title: 工作计划表
        ---
        title: 另一个

    Message::

        plan.yaml:2:1: error[E108]: 一个文件只能写一个计划（发现了第二个 YAML 文档“---”）

    Fix: one plan per file: split the documents into files, or write the missing `title:`, `year:` and
    `periods:` at the top level.
    """

    code = "E108"
    name = "not-one-document"
    severity = Severity.error


class ControlCharacter(Rule):
    """A control character in the text.

    Example: a task copied from a web page or Word with an invisible control character (U+0007, U+000B),
    written raw or as a YAML escape such as "\\a".

    Message::

        plan.yaml:5:18: error[E109]: 含有不允许的控制字符 U+0007；请删除它（常见于从网页或 Word 复制的文字）

    Fix: delete the character at the position given (retype the text around it if the editor hides it).
    """

    code = "E109"
    name = "control-character"
    severity = Severity.error


class SchemaError(Rule):
    """A schema error: a missing or unknown key, or a value of the wrong type.

    Example::

        periods:
          - label: 3月份
            tasks: [开展月巡视]
            dead_line: 3月31日

    Message::

        plan.yaml:4:5: error[E110]: 未知的键“dead_line”；是不是“deadline”？

    Fix: follow the message: add the missing key, correct the key's spelling or the value's type.
    `aidplan schema` prints every key and value the format allows.
    """

    code = "E110"
    name = "schema"
    severity = Severity.error


class TableShape(Rule):
    """A table whose columns and groups do not fit together.

    One meaning: the `columns:` list or the groups written under it cannot be printed as one table: no task
    column or two, more than 8 columns or 3 grouping levels, a free column without a `key`, a group with
    both tasks and sub-groups, a group nested deeper than the table's group columns, a free cell whose key
    no column has, or `periods:`, `groups:` and `tables:` written together.

    Example::

        columns:
          - {header: 工作内容, role: task}
          - {header: 具体措施, role: task}

    Message::

        plan.yaml:2:3: error[E111]: 表格有 2 个 role: task 的列；任务内容列必须正好一个

    Fix: give the columns the roles they have in print (one task column, one column per grouping level),
    give each free column a `key` and write its cells under that key, and put a group's tasks in its
    innermost groups.
    """

    code = "E111"
    name = "table-shape"
    severity = Severity.error


class TomlSyntax(Rule):
    """A TOML syntax error in the project config (aidplan.toml, or pyproject.toml's [tool.aidplan]).

    Example (aidplan.toml)::

        plans = [
          "plans",
          plans
        ]

    Message::

        aidplan.toml:3:3: error[E120]: TOML 语法错误：Invalid value

    Fix: quote text values ("plans"), close brackets, one key = value per line. Unknown keys and wrong
    types in the config are E110, as in plans. A config error stops every command (exit code 2).
    """

    code = "E120"
    name = "toml-syntax"
    severity = Severity.error
