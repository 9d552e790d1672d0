"""An office's own notice template (`render --docx-template`, `check NOTICE.docx`): Jinja2 tags typed in Word
(E500–E507). Detected in aidplan.render.notice; a template's findings are located by paragraph (¶7), not by
line and column."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class TemplateUnreadable(Rule):
    """The file cannot be read or is not a `.docx` (an old `.doc`/`.wps` is named, with what to do).

    Example: NOTICE.docx that is really a .doc saved under a new name.

    Message::

        NOTICE.docx: error[E500]: 不是 Word 文档（.docx）：这是旧的 .doc/.wps 格式，请在 Word 或 WPS 里另存为 .docx

    Fix: open it in Word or WPS and save it as .docx (Word 文档).
    """

    code = "E500"
    name = "template-unreadable"
    severity = Severity.error


class UnknownVariable(Rule):
    """An unknown variable or attribute, with the names that exist and the closest one.

    Example: a paragraph typed as 关于印发《{{ plan.titel }}》的通知.

    Message::

        NOTICE.docx:¶7 “关于印发《{{ plan.titel }}》的通知”: error[E501]: 未知的变量“plan.titel”（是不是“plan.title”？）；plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year

    Fix: use one of the names listed (the closest one is suggested); `--set NAME=VALUE` adds a variable.
    """

    code = "E501"
    name = "unknown-variable"
    severity = Severity.error


class BrokenTag(Rule):
    """A tag docxtpl cannot join: split into the next paragraph (or a table cell), missing its end, an end without its start, or typed with full-width braces `｛｛ ｝｝`.

    One meaning: the text of a tag is not one whole `{{ … }}` or `{% … %}` in one paragraph; the message
    says which of the four it is.

    Example: 附件：{{ plan.title (the closing braces forgotten).

    Message::

        NOTICE.docx:¶16 “附件：{{ plan.title”: error[E502]: 标签“{{ plan.title”在本段没有结束（缺少“}}”）：请补上结尾的“}}”

    Fix: retype the whole tag in one paragraph, with half-width braces (switch the input method's
    full-width symbols off).
    """

    code = "E502"
    name = "broken-tag"
    severity = Severity.error


class UnbalancedBlock(Rule):
    """A `{% for %}` or `{% if %}` left open, or an `{% end… %}` that closes nothing or the wrong block.

    Example: a paragraph {%p for t in tasks %} with no {%p endfor %} after it.

    Message::

        NOTICE.docx:¶7 “{%p for t in tasks %}”: error[E503]: 循环“{%p for t in tasks %}”没有结束：缺少“{% endfor %}”

    Fix: close every `{% for %}` with `{% endfor %}` and every `{% if %}` with `{% endif %}`, in order.
    """

    code = "E503"
    name = "unbalanced-block"
    severity = Severity.error


class NoPlaceholder(Rule):
    """No `{{p plan_table }}` placeholder.

    Example: a notice with its text and 附件 label but no paragraph for the table.

    Message::

        NOTICE.docx: error[E504]: 模板里没有放计划表格的占位符：在附件标题下面单独一段输入“{{p plan_table }}”

    Fix: type `{{p plan_table }}` as a paragraph of its own under the 附件 title.
    """

    code = "E504"
    name = "no-placeholder"
    severity = Severity.error


class PlaceholderRepeated(Rule):
    """The placeholder used twice, or inside a loop.

    One meaning: the table would be inserted more than once.

    Example: `{{p plan_table }}` in ¶7 and again in ¶8.

    Message::

        NOTICE.docx:¶8 “{{p plan_table }}”: error[E505]: 表格占位符用了不止一次（第一次在¶7）；计划表格只能放一处

    Fix: keep one placeholder, outside every `{% for %}`.
    """

    code = "E505"
    name = "placeholder-repeated"
    severity = Severity.error


class PlaceholderMisplaced(Rule):
    """The placeholder written otherwise than `{{p plan_table }}` alone in a body paragraph: without `p`, with other text, in a table, a header or a footer, or on a paragraph that carries a section break.

    Example: a paragraph {{ plan_table }} (without the p).

    Message::

        NOTICE.docx:¶25 “{{ plan_table }}”: error[E506]: 表格占位符要写成“{{p plan_table }}”：p 表示整段换成表格，少了它表格会被塞进一行文字里

    Fix: write exactly `{{p plan_table }}`, alone, in a body paragraph (add an empty paragraph after it
    when it sits before a section break).
    """

    code = "E506"
    name = "placeholder-misplaced"
    severity = Severity.error


class TemplateSyntax(Rule):
    """Any other Jinja2 syntax error.

    Example: {{ plan.year + }} (an expression cut short), or a filter that does not exist.

    Message::

        NOTICE.docx:¶7 “{{ plan.year + }}”: error[E507]: Jinja2 语法错误：unexpected 'end of print statement'

    Fix: correct the expression as the message says; the Jinja2 documentation lists what tags may hold.
    """

    code = "E507"
    name = "template-syntax"
    severity = Severity.error
