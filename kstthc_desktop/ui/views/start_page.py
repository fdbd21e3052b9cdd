"""The empty state: what to do when the office has no plan yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    import_requested = Signal()
    add_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("This office has no plan yet"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr("Start from the plan your superior level sent you (Excel or Word), "
                              "type the tasks yourself, or look around with sample data first."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        lay.addWidget(text)
        for label, signal in ((self.tr("Import the superior plan…"), self.import_requested),
                              (self.tr("Add tasks by hand"), self.add_requested),
                              (self.tr("Open sample data"), self.demo_requested)):
            b = QPushButton(label)
            b.setMinimumHeight(40)
            b.setMinimumWidth(320)
            b.clicked.connect(signal.emit)
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
