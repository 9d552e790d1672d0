"""Reading a file: bytes, encoding, YAML and TOML (E100–E120). Detected in aidplan.plan.loading, for plans,
progress and calendar files alike, and in aidplan.config for the project config."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class UnreadableFile(Rule):
    """文件读不出来。

    示例：用户没有读权限的计划（`chmod 000 plan.yaml`），或者路径是设备而不是文件。

    消息::

        plan.yaml:1:1: error[E100]: 无法读取文件：Permission denied

    改正：让文件可读（`chmod u+r plan.yaml`），或者把计划复制到能读的文件夹里。
    """

    code = "E100"
    name = "unreadable-file"
    severity = Severity.error


class YamlSyntax(Rule):
    """YAML 语法错误。

    也用这个代码报告：映射的键是列表或映射——YAML 允许，计划从来用不着。两者都说明文本不是计划的 YAML。

    示例::

        periods:
          - label: 3月份
            tasks:
              - 注意: 开展月巡视: 全市

    消息::

        plan.yaml:4:18: error[E101]: YAML 语法错误：此处不能有“: ”（文本里的冒号请用全角“：”，或给整段文字加引号）

    改正：照消息改：给文本加引号，冒号用全角“：”，用空格缩进，补全括号。
    """

    code = "E101"
    name = "yaml-syntax"
    severity = Severity.error


class FileTooLarge(Rule):
    """文件大于 2 MB。

    一份计划只有几 KB；更大的文件几乎总是选错了文件，读之前就拒绝。

    示例：存成 plan.yaml 的数据库导出或日志，或者被填充到超过 2 MB 的计划::

        python3 -c "print(('# ' + '注' * 80 + chr(10)) * 8700)" > plan.yaml

    消息::

        plan.yaml:1:1: error[E102]: 文件过大（2.0 MB），计划文件最大 2 MB

    改正：确认给的是计划，而不是别的文件（数据库导出、日志）。
    """

    code = "E102"
    name = "file-too-large"
    severity = Severity.error


class NotUtf8(Rule):
    """文件不是 UTF-8 编码（GBK/GB18030 和 UTF-16 会点名，并给出转换的命令）。

    示例：用记事本或 WPS 存成“ANSI”（GBK）或“Unicode”（UTF-16）的计划；在一个字符中间截断的文件。

    消息::

        plan.yaml:1:1: error[E103]: 文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 记事本、WPS 常用）；请另存为 UTF-8，或运行：iconv -f GB18030 -t UTF-8 'plan.yaml' > 新文件.yaml

    改正：把文件存成 UTF-8（记事本：另存为 → 编码 UTF-8），或者用消息里的 iconv 命令转换。
    """

    code = "E103"
    name = "not-utf8"
    severity = Severity.error


class AnchorOrAlias(Rule):
    """不接受 YAML 锚点和别名（`&x` / `*x`），以防“别名炸弹”。

    示例::

        title: &t 工作计划表
        periods:
          - label: 3月份
            tasks: [*t]

    消息::

        plan.yaml:1:8: error[E104]: 计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来

    改正：在用到的地方把文本写全；每月重复的任务用 `recurring:`。
    """

    code = "E104"
    name = "anchor-or-alias"
    severity = Severity.error


class TooDeep(Rule):
    """嵌套超过 32 层。

    示例::

        extra: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]

    消息::

        plan.yaml:1:39: error[E105]: 嵌套超过 32 层；计划文件不需要这么深的结构

    改正：计划最多五层（计划 → periods → 时段 → tasks → 任务）；去掉多余的嵌套。
    """

    code = "E105"
    name = "too-deep"
    severity = Severity.error


class DuplicateKey(Rule):
    """映射里有重复的键。

    示例::

        periods:
          - label: 3月份
            label: 4月份

    消息::

        plan.yaml:3:5: error[E106]: 重复的键“label”（第一次出现在第 2 行）

    改正：两个键只留一个；第二个时段要有自己的 `- label:` 条目。
    """

    code = "E106"
    name = "duplicate-key"
    severity = Severity.error


class BinaryFile(Rule):
    """二进制文件（含有 NUL 字节）。

    示例：改名为 .yaml 的 .docx 或 .xlsx，或者传输中损坏的文件。

    消息::

        plan.yaml:1:10: error[E107]: 这不是文本文件（含有 NUL 字节）；计划应是 UTF-8 编码的 YAML 文本

    改正：给出 YAML 计划，而不是由它生成的文档；损坏的文件从来源重新取得。
    """

    code = "E107"
    name = "binary-file"
    severity = Severity.error


class NotOneDocument(Rule):
    """空文件、顶层不是映射，或者有多个 YAML 文档。

    同一个意思：文件里不是恰好一份该种类的文档（计划：含 title、year、periods 的映射；日历文件：含 year、holidays、
    workdays 的映射）。消息说明是三种情况中的哪一种。

    示例::

        title: 工作计划表
        ---
        title: 另一个

    消息::

        plan.yaml:2:1: error[E108]: 一个文件只能写一个计划（发现了第二个 YAML 文档“---”）

    改正：一个文件一份计划：把多个文档拆到不同文件，或者在顶层补写缺少的 `title:`、`year:` 和 `periods:`。
    """

    code = "E108"
    name = "not-one-document"
    severity = Severity.error


class ControlCharacter(Rule):
    """文本里有控制字符。

    示例：从网页或 Word 复制来的任务带着看不见的控制字符（U+0007、U+000B），直接写入或写成 "\\a" 这样的 YAML 转义。

    消息::

        plan.yaml:5:18: error[E109]: 含有不允许的控制字符 U+0007；请删除它（常见于从网页或 Word 复制的文字）

    改正：删掉所示位置的字符（编辑器不显示它时，把它周围的文字重新输入一遍）。
    """

    code = "E109"
    name = "control-character"
    severity = Severity.error


class SchemaError(Rule):
    """结构错误：缺少键或有未知的键，或者值的类型不对。

    示例::

        periods:
          - label: 3月份
            tasks: [开展月巡视]
            dead_line: 3月31日

    消息::

        plan.yaml:4:5: error[E110]: 未知的键“dead_line”；是不是“deadline”？

    改正：照消息改：补上缺少的键，改正键的拼写或值的类型。`aidplan schema` 列出格式允许的所有键和值。
    """

    code = "E110"
    name = "schema"
    severity = Severity.error


class TableShape(Rule):
    """表格的列和分组对不上。

    同一个意思：`columns:` 列表或写在它下面的分组无法印成一张表：没有任务列或有两个，超过 8 列或 3 级分组，自由列没
    有 `key`，一个分组既有任务又有子分组，分组嵌套比表格的分组列还深，自由单元格的键没有对应的列，或者 `periods:`、
    `groups:` 和 `tables:` 写在一起。

    示例::

        columns:
          - {header: 工作内容, role: task}
          - {header: 具体措施, role: task}

    消息::

        plan.yaml:2:3: error[E111]: 表格有 2 个 role: task 的列；任务内容列必须正好一个

    改正：按印出来的样子给各列定角色（一个任务列，每级分组一列），给每个自由列一个 `key` 并把单元格写在这个键下面，
    把分组的任务放在最内层的分组里。
    """

    code = "E111"
    name = "table-shape"
    severity = Severity.error


class TomlSyntax(Rule):
    """项目配置（aidplan.toml，或 pyproject.toml 的 [tool.aidplan]）的 TOML 语法错误。

    示例（aidplan.toml）::

        plans = [
          "plans",
          plans
        ]

    消息::

        aidplan.toml:3:3: error[E120]: TOML 语法错误：值写得不对：文字要加英文引号（如 "plans"），数字和 true/false 不加

    改正：文本值加引号（"plans"），补全括号，每行一个 键 = 值。配置里的未知键和错误类型与计划一样是 E110。配置错误
    会让每个命令停下（退出码 2）。
    """

    code = "E120"
    name = "toml-syntax"
    severity = Severity.error
