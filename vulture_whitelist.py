"""Names vulture reports that are used, though not by a call it can see.

Run as `vulture tracker vulture_whitelist.py --min-confidence 80` (.ci/run does).
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()
# tracker/load/yaml_edit.py overrides PyYAML's Dumper.increase_indent, whose signature names it.
_.indentless  # noqa: B018
