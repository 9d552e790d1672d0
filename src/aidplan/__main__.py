"""python -m aidplan"""

from .cli import app

app(prog_name="aidplan")
