"""Help → About: version, the program's licence and every third-party licence shipped with it.

The bundled Liberation Serif fonts are under the SIL Open Font License, which asks that its text go
with the fonts: the dialog shows it in full (from resources/fonts). Versions are read from the
installed packages; a frozen build without package metadata shows the module's own version.
"""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...resources import resources_dir

# (distribution, module for a frozen build's version, licence, what it does here)
THIRD_PARTY: tuple[tuple[str, str, str, str], ...] = (
    ("PySide6-Essentials", "PySide6", "LGPL-3.0 (Qt for Python, Qt 6)", QT_TRANSLATE_NOOP("AboutDialog", "window, tables, calendar, printing")),
    ("openpyxl", "openpyxl", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "Excel workbooks (.xlsx)")),
    ("python-calamine", "python_calamine", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "Excel and OpenDocument sheets (.xlsx, .xls, .ods)")),
    ("python-docx", "docx", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "Word documents (.docx)")),
    ("reportlab", "reportlab", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "PDF reports")),
    ("pypdfium2", "pypdfium2", "Apache-2.0 / BSD-3-Clause (PDFium)", QT_TRANSLATE_NOOP("AboutDialog", "report preview, text of PDF evidence for search")),
    ("sqlite-utils", "sqlite_utils", "Apache-2.0", QT_TRANSLATE_NOOP("AboutDialog", "full-text search")),
    ("click", "click", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")),
    ("click-default-group", "click_default_group", "Public Domain", QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")),
    ("sqlite-fts4", "sqlite_fts4", "Apache-2.0", QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")),
    ("tabulate", "tabulate", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")),
    ("pluggy", "pluggy", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "used by sqlite-utils")),
    ("python-dateutil", "dateutil", "Apache-2.0 / BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "used by holidays and sqlite-utils")),
    ("Pillow", "PIL", "MIT-CMU (HPND)", QT_TRANSLATE_NOOP("AboutDialog", "images")),
    ("babel", "babel", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "Vietnamese number formats")),
    ("holidays", "holidays", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "Vietnamese public holidays")),
    ("platformdirs", "platformdirs", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "user data folders")),
    ("defusedxml", "defusedxml", "PSF-2.0", QT_TRANSLATE_NOOP("AboutDialog", "safe XML reading")),
    ("lxml", "lxml", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "XML for Word documents")),
    ("et-xmlfile", "et_xmlfile", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "XML for Excel workbooks")),
)
FONT_LICENCE = "SIL Open Font License 1.1"


def package_version(dist: str, module: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        import importlib

        try:
            return str(getattr(importlib.import_module(module), "__version__", "")) or "–"
        except ImportError:
            return "–"


class AboutDialog(QDialog):
    """Three tabs: the program, the third-party components, the font licence in full."""

    def __init__(self, data_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About KSTTHC Desktop"))
        self.resize(640, 500)
        lay = QVBoxLayout(self)

        head = QHBoxLayout()
        icon = QLabel()
        pix = QPixmap(str(resources_dir() / "icons" / "kstthc.png"))
        if not pix.isNull():
            icon.setPixmap(pix.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(
            "<h2>KSTTHC Desktop</h2>"
            + "<p>" + html.escape(self.tr("Version %1").replace("%1", __version__)) + "</p>"
            + "<p>" + html.escape(self.tr("Offline planner for the yearly plan of administrative-procedure control: "
                                          "import the superior plan, follow the tasks, keep the evidence, print "
                                          "the periodic report.")) + "</p>"
            + "<p>" + html.escape(self.tr("Licence: MIT. The program is provided without warranty.")) + "</p>"
            + ("<p>" + html.escape(self.tr("Data file: %1").replace("%1", str(data_file))) + "</p>"
               if data_file else ""))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.summary, 1)
        lay.addLayout(head)

        self.tabs = QTabWidget()
        self.components = QTextBrowser()
        self.components.setObjectName("about_components")
        self.components.setHtml(self._components_html())
        self.tabs.addTab(self.components, self.tr("Third-party components"))
        self.font_licence = QTextBrowser()
        self.font_licence.setObjectName("about_font_licence")
        path = resources_dir() / "fonts" / "LICENSE-LiberationSerif.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = self.tr("The licence file is missing: %1").replace("%1", str(path))
        self.font_licence.setPlainText(text)
        self.tabs.addTab(self.font_licence, self.tr("Font licence"))
        lay.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        lay.addWidget(buttons)

    def _components_html(self) -> str:
        rows = [
            f"<tr><td><b>{html.escape(dist)}</b> {html.escape(package_version(dist, module))}</td>"
            f"<td>{html.escape(licence)}</td><td>{html.escape(self.tr(use))}</td></tr>"
            for dist, module, licence, use in THIRD_PARTY
        ]
        font_use = html.escape(self.tr("report font when Times New Roman is not installed"))
        rows.append(f"<tr><td><b>Liberation Serif</b> 2</td><td>{FONT_LICENCE}</td><td>{font_use}</td></tr>")
        rows.append(f"<tr><td><b>Python</b></td><td>PSF-2.0</td><td>{html.escape(self.tr('runtime'))}</td></tr>")
        intro = html.escape(self.tr("KSTTHC Desktop is built on these free components, each under its own licence:"))
        qt = html.escape(self.tr("Qt is used under the LGPL v3: its libraries are separate files in the installation "
                                 "folder and can be replaced by the user."))
        return (f"<p>{intro}</p><table cellspacing='0' cellpadding='3'>" + "".join(rows) + f"</table><p>{qt}</p>")

    @classmethod
    def run(cls, parent: QWidget | None, data_file: Path | None = None) -> None:
        dlg = cls(data_file, parent)
        dlg.exec()

