"""An office's own notice template (`render --docx-template`, `check NOTICE.docx`): Jinja2 tags typed in Word
(E500–E507). Detected in aidplan.render.notice; a template's findings are located by paragraph (¶7), not by
line and column."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class TemplateUnreadable(Rule):
    """文件读不出来或不是 `.docx`（旧的 `.doc`/`.wps` 会点名，并说明怎么办）。

    示例：NOTICE.docx 其实是改了名的 .doc。

    消息::

        NOTICE.docx: error[E500]: 不是 Word 文档（.docx）：这是旧的 .doc/.wps 格式，请在 Word 或 WPS 里另存为 .docx

    改正：用 Word 或 WPS 打开，另存为 .docx（Word 文档）。
    """

    code = "E500"
    name = "template-unreadable"
    severity = Severity.error


class UnknownVariable(Rule):
    """未知的变量或属性，同时列出存在的名字和最接近的那个。

    示例：段落里写成 关于印发《{{ plan.titel }}》的通知。

    消息::

        NOTICE.docx:¶7 “关于印发《{{ plan.titel }}》的通知”: error[E501]: 未知的变量“plan.titel”（是不是“plan.title”？）；plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year

    改正：用列出的名字之一（会提示最接近的）；`--set NAME=VALUE` 可以添加变量。
    """

    code = "E501"
    name = "unknown-variable"
    severity = Severity.error


class BrokenTag(Rule):
    """docxtpl 拼不起来的标记：被拆到下一段（或表格单元格），缺少结尾，有结尾没开头，或者用了全角括号 `｛｛ ｝｝`。

    同一个意思：标记的文本不是一段之内完整的 `{{ … }}` 或 `{% … %}`；消息说明是四种情况中的哪一种。

    示例：附件：{{ plan.title （忘了写右括号）。

    消息::

        NOTICE.docx:¶16 “附件：{{ plan.title”: error[E502]: 标签“{{ plan.title”在本段没有结束（缺少“}}”）：请补上结尾的“}}”

    改正：在一段之内重新输入整个标记，用半角括号（关掉输入法的全角符号）。
    """

    code = "E502"
    name = "broken-tag"
    severity = Severity.error


class UnbalancedBlock(Rule):
    """`{% for %}` 或 `{% if %}` 没有结束，或者 `{% end… %}` 没有要结束的块，或结束错了块。

    示例：段落 {%p for t in tasks %} 后面没有 {%p endfor %}。

    消息::

        NOTICE.docx:¶7 “{%p for t in tasks %}”: error[E503]: 循环“{%p for t in tasks %}”没有结束：缺少“{% endfor %}”

    改正：每个 `{% for %}` 用 `{% endfor %}` 结束，每个 `{% if %}` 用 `{% endif %}` 结束，按顺序。
    """

    code = "E503"
    name = "unbalanced-block"
    severity = Severity.error


class NoPlaceholder(Rule):
    """没有 `{{p plan_table }}` 占位符。

    示例：通知有正文和“附件”字样，但没有放表格的段落。

    消息::

        NOTICE.docx: error[E504]: 模板里没有放计划表格的占位符：在附件标题下面单独一段输入“{{p plan_table }}”

    改正：在附件标题下单独一段输入 `{{p plan_table }}`。
    """

    code = "E504"
    name = "no-placeholder"
    severity = Severity.error


class PlaceholderRepeated(Rule):
    """占位符用了两次，或者在循环里。

    同一个意思：表格会被插入不止一次。

    示例：第 7 段和第 8 段都有 `{{p plan_table }}`。

    消息::

        NOTICE.docx:¶8 “{{p plan_table }}”: error[E505]: 表格占位符用了不止一次（第一次在¶7）；计划表格只能放一处

    改正：只留一个占位符，放在所有 `{% for %}` 之外。
    """

    code = "E505"
    name = "placeholder-repeated"
    severity = Severity.error


class PlaceholderMisplaced(Rule):
    """占位符不是单独一段正文里的 `{{p plan_table }}`：没有 `p`，有别的文字，在表格、页眉或页脚里，或者所在段落带分节
    符。

    示例：段落 {{ plan_table }}（没有 p）。

    消息::

        NOTICE.docx:¶25 “{{ plan_table }}”: error[E506]: 表格占位符要写成“{{p plan_table }}”：p 表示整段换成表格，少了它表格会被塞进一行文字里

    改正：在正文里单独一段准确地写 `{{p plan_table }}`（它在分节符前面时，在它后面加一个空段落）。
    """

    code = "E506"
    name = "placeholder-misplaced"
    severity = Severity.error


class TemplateSyntax(Rule):
    """其他 Jinja2 语法错误。

    示例：{{ plan.year + }}（表达式没写完），或者用了不存在的过滤器。

    消息::

        NOTICE.docx:¶7 “{{ plan.year + }}”: error[E507]: Jinja2 语法错误：unexpected 'end of print statement'

    改正：按消息改正表达式；Jinja2 的文档列出了标记里可以写什么。
    """

    code = "E507"
    name = "template-syntax"
    severity = Severity.error
