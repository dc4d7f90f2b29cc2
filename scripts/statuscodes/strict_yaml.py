"""YAML for the data files, refusing what YAML reads differently from what its author meant.

- A key given twice (as a bad merge leaves it): plain YAML keeps the last value silently.
- A tab in a line's indentation: YAML forbids tabs there, but PyYAML accepts some of them
  (after a block indicator, inside block text), where a reader sees a different structure.
- An unquoted yes/no/on/off (any case) or True/FALSE...: YAML 1.1 reads them as booleans, so
  `name: No` is False, not the word. Booleans are written `true` / `false`; text is quoted.

Errors are ``yaml.MarkedYAMLError``s with the line, reported like any other malformed YAML.
"""

from __future__ import annotations

import re

import yaml

_TAB_INDENT = re.compile(r"^ *\t", re.M)
BOOLEANS = ("true", "false")  # the only spellings read as booleans


class AmbiguousYaml(yaml.MarkedYAMLError):
    """YAML that parses, but not necessarily as its author meant."""


# libyaml's parser where PyYAML has it (its wheels do): parsing is most of a rebuild otherwise.
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_SAFE):
    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            first: dict = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    seen = first.get(key)
                except TypeError:  # an unhashable key; the base class reports it
                    continue
                if seen is not None:
                    raise AmbiguousYaml(
                        None, None,
                        f"key {key!r} is given twice (first on line {seen.line + 1}); "
                        "YAML would keep only the last one",
                        key_node.start_mark,
                    )
                first[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_bool(self, node):
        if not node.style and node.value not in BOOLEANS:  # plain: None (Python parser) or "" (libyaml)
            raise AmbiguousYaml(
                None, None,
                f"unquoted {node.value!r} is read as a boolean (YAML 1.1); "
                f"write true or false for a yes/no value, or quote it ('{node.value}') for text",
                node.start_mark,
            )
        return super().construct_yaml_bool(node)


StrictLoader.add_constructor("tag:yaml.org,2002:bool", StrictLoader.construct_yaml_bool)


def load(text: str, name: str = "<data>") -> object:
    """Parse one YAML document with ``StrictLoader``."""
    tab = _TAB_INDENT.search(text)
    if tab:
        line = text.count("\n", 0, tab.start())
        column = tab.end() - tab.start() - 1
        mark = yaml.Mark(name, tab.start(), line, column, text, tab.start())
        raise AmbiguousYaml(None, None, "a tab in the indentation; indent with spaces", mark)
    return yaml.load(text, Loader=StrictLoader)
