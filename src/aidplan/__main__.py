"""python -m aidplan"""

from aidplan.cli import app

app(prog_name="aidplan")
