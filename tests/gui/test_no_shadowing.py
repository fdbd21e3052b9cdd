"""No instance attribute may hide a Qt method of its base class.

The first release crashed on "Ghi tiến độ…": the dialog stored its checkbox as ``self.done``, which
hid ``QDialog.done()``; Qt then called the checkbox and the program died on OK, Enter and Cancel.
This test reads every QObject subclass defined in ``kstthc_desktop/ui`` (dialogs other helpers add
later included) and fails on any ``self.<name> = …`` whose name a Qt base class already uses.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap

from tests.gui.uiclasses import qt_names, ui_classes


def assigned_self_attributes(cls: type) -> list[tuple[str, int]]:
    """(name, line) of every ``self.name = …`` (also annotated, augmented and tuple targets)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    _, first = inspect.getsourcelines(cls)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        else:
            continue
        for target in targets:
            for el in ast.walk(target):
                if isinstance(el, ast.Attribute) and isinstance(el.value, ast.Name) and el.value.id == "self":
                    out.append((el.attr, first + node.lineno - 1))
    return out


def shadowing(classes: list[type]) -> list[str]:
    bad = []
    for cls in classes:
        qt = qt_names(cls)
        for name, line in assigned_self_attributes(cls):
            if name in qt:
                bad.append(f"{cls.__module__}.{cls.__qualname__} line {line}: self.{name} hides Qt's {name}")
    return sorted(set(bad))


def test_the_walk_finds_the_ui_classes() -> None:
    names = {c.__name__ for c in ui_classes()}
    assert {"MainWindow", "ProgressEntryDialog", "ReportDialog", "ImportWizard", "TaskDetailPanel"} <= names
    assert len(names) >= 25


def test_no_instance_attribute_hides_a_qt_method() -> None:
    bad = shadowing(ui_classes())
    assert not bad, "rename these attributes:\n" + "\n".join(bad)


def test_the_check_catches_the_old_done_checkbox(tmp_path, monkeypatch) -> None:
    """The crash of the first release planted back into a copy of the real dialog: the check sees it."""
    from kstthc_desktop.ui.dialogs import progress_entry

    source = inspect.getsource(progress_entry)
    assert "self.done_box" in source
    planted = (source.replace("self.done_box", "self.done")
               .replace("from ...core", "from kstthc_desktop.core").replace("from ..widgets", "from kstthc_desktop.ui.widgets"))
    (tmp_path / "planted_progress_entry.py").write_text(planted, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("planted_progress_entry")
    bad = shadowing([module.ProgressEntryDialog])
    assert bad and all("self.done hides Qt's done" in b for b in bad)
    assert not shadowing([progress_entry.ProgressEntryDialog])
