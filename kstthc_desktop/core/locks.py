"""Process-wide locks for libraries that must never be entered from two threads at once.

PDFium (pypdfium2) is not thread-safe: two threads in it at the same time, even on different
documents, can crash the process. The report preview draws pages on worker threads while the
report's data is embedded into its PDF, the evidence reader extracts text and a plan may be read
from a PDF, so every use of pypdfium2 holds ``PDFIUM`` from opening a document to closing it.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()

__all__ = ["PDFIUM"]
