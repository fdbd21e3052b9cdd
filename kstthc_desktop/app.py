"""Composition root: arguments, logging, QApplication, translators, the office file, the window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import sys
import time
from pathlib import Path

from .core.errors import KstthcError

log = logging.getLogger("kstthc")


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"kích thước không hợp lệ '{text}' (dạng RỘNGxCAO, ví dụ 1366x768)")
    return int(m.group(1)), int(m.group(2))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from . import __version__
    from .argparse_vi import Parser

    p = Parser(prog="kstthc-desktop", description="KSTTHC Desktop – theo dõi kế hoạch kiểm soát thủ tục hành "
               "chính của cơ quan. Không có tham số: mở tệp dữ liệu của cơ quan (lần đầu: hỏi thông tin cơ quan "
               "rồi tạo tệp).")
    p.add_argument("path", nargs="?", metavar="TỆP", help="tệp dữ liệu cần mở (.kstthc), như khi bấm đúp vào tệp")
    p.add_argument("--office", metavar="TỆP", help="tệp dữ liệu cần mở (.kstthc)")
    p.add_argument("--demo", action="store_true", help="mở một bản dữ liệu mẫu mới (không đụng đến tệp của bạn)")
    p.add_argument("--smoke-test", action="store_true", help="mở, vẽ cửa sổ chính rồi thoát (mã 0 khi được)")
    p.add_argument("--screenshot", metavar="THƯ_MỤC", help="ghi mỗi màn hình chính (và hộp báo cáo, hộp ghi tiến độ) một ảnh PNG vào thư mục rồi thoát")
    p.add_argument("--size", type=_size, metavar="RỘNGxCAO", help="kích thước cửa sổ cho --screenshot, "
                   "ví dụ 1366x698")
    p.add_argument("--lang", choices=["vi", "en"], help="ngôn ngữ giao diện: vi (tiếng Việt) hoặc en")
    p.add_argument("--version", action="version", version=f"kstthc-desktop {__version__}",
                   help="in số phiên bản rồi thoát")
    args = p.parse_args(argv)
    if args.path and args.office:
        p.error("chỉ ghi tệp một lần: hoặc TỆP, hoặc --office TỆP")
    args.office = args.office or args.path
    if args.size and not args.screenshot:
        p.error("--size chỉ dùng cùng --screenshot")
    return args


LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def _rotate(path: Path) -> None:
    """Keep the log under ~1 MB: at start-up a full log becomes .1 (.1 → .2 …, the oldest dropped).

    Done once per start instead of logging.handlers.RotatingFileHandler, whose module drags in
    socket, pickle and queue (start-up time) for a file the program writes a few lines to.
    """
    if not path.exists() or path.stat().st_size < LOG_BYTES:
        return
    for i in range(LOG_BACKUPS - 1, 0, -1):
        older = path.with_name(f"{path.name}.{i}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{i + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def setup_logging() -> Path | None:
    from platformdirs import user_log_dir

    try:
        folder = Path(user_log_dir("KSTTHC Desktop", "KSTTHC"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "kstthc.log"
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def demo_path() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix="kstthc-demo-")) / "du-lieu-mau.kstthc"


def first_run(path: Path):  # noqa: ANN201
    """No office file yet: ask for the office, then create the file (nothing is written before OK)."""
    from .services import OfficeService
    from .ui.dialogs.office_setup import OfficeSetupDialog

    while (office := OfficeSetupDialog.ask(None)) is None:
        if not _first_run_cancelled():
            return None
    service = OfficeService.open(path, create=True)
    service.save_office(office)
    service.clear_undo()
    return service


def _first_run_cancelled() -> bool:
    """Say what Cancel means on the first run (nothing was created); True to enter the office now."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "KSTTHC Desktop", QCoreApplication.translate(
        "App", "Nothing was saved: the data file has not been created. The program needs the office's name and "
               "place for the header of its reports."))
    box.setInformativeText(QCoreApplication.translate("App", "Enter them now, or quit: the next start asks again."))
    again = box.addButton(QCoreApplication.translate("App", "Enter the office information"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def _ask_office(service) -> None:  # noqa: ANN001
    from .ui.dialogs.office_setup import OfficeSetupDialog

    office = OfficeSetupDialog.ask(None)
    if office is not None:
        service.save_office(office)
        service.clear_undo()


def _say(message: str) -> None:
    """One line on stderr (a windowed Windows build has no stderr: the log has it then)."""
    log.error(message)
    if sys.stderr is not None:
        sys.stderr.write(f"kstthc-desktop: {message}\n")
        sys.stderr.flush()


def install_excepthook(headless: bool = False) -> None:
    """Bugs show the crash dialog; in a headless run (--smoke-test, --screenshot) they end the
    process with code 1 instead, because nobody is there to click a dialog away."""
    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        if headless:
            if sys.stderr is not None:
                sys.__excepthook__(exc_type, exc, tb)
                sys.stderr.flush()
            logging.shutdown()
            os._exit(1)
        try:
            from PySide6.QtWidgets import QApplication

            from .ui.errors import show_error

            if QApplication.instance() is not None:
                show_error(QApplication.activeWindow(), exc)
                return
        except Exception:  # noqa: BLE001 - last resort: the log has it already
            pass
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook


def main(argv: list[str] | None = None) -> int:
    """Start the program. The cyclic garbage collector waits until the window is painted: start-up
    makes tens of thousands of objects (modules, Qt types, the plan's tasks) and frees almost none, so
    its passes over them would only delay the first paint (10 ms with the demo, 35 ms with 2,000 tasks).
    A caller whose collector is off (a test, a script) gets it back off.

    As ``kstthc`` does (cli.main), the program itself leaves what is alive at its end to the operating
    system (gc.freeze) instead of one more pass over every object at shutdown: the office files are
    closed by then, settings and the log written, and atexit handlers still run."""
    standalone = argv is None  # the program itself (console script, python -m, frozen), not a test
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, gc.enable if collecting else _nothing)
    finally:
        if collecting:
            gc.enable()
        if standalone:
            gc.freeze()


def _nothing() -> None:
    pass


def _main(argv: list[str] | None, resume_gc) -> int:  # noqa: ANN001
    started = time.perf_counter()
    args = parse_args(argv)
    log_path = setup_logging()
    _import_headless_layers()

    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QStyleFactory

    _lighter_pyside_import_check()

    from . import APP_NAME, ORG_NAME
    from .i18n import install_translators
    from .services import default_office_path
    from .ui import errors as ui_errors
    from .ui.style import apply_base_font

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    if args.screenshot and args.size:
        from .ui.screenshots import configure_headless_screen

        configure_headless_screen(args.size)  # headless: the screen itself has that size
    fusion = sys.platform != "win32" and "Fusion" in QStyleFactory.keys()
    app = QApplication.instance()
    if app is None:
        # Fusion as a command-line option rather than app.setStyle(), which hands the style back to
        # Python: making PySide's QStyle type (its hundreds of enum values) costs ~8 ms at start-up.
        app = QApplication(sys.argv[:1] + (["-style", "Fusion"] if fusion else []))
    elif fusion:
        app.setStyle("Fusion")
    apply_base_font()
    headless = bool(args.smoke_test or args.screenshot)
    ui_errors.LOG_PATH_HOLDER["path"] = str(log_path or "")
    install_excepthook(headless)
    try:
        install_translators(app, args.lang)
    except KstthcError as exc:  # a broken install: an error, never an English window in silence
        if headless:
            _say(str(exc))
            return 1
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "KSTTHC Desktop", f"{exc.message}\n{exc.hint}")

    from .services import OfficeService
    from .ui import windows
    from .ui.windows import open_service

    OfficeService.set_holder_name("KSTTHC Desktop (cửa sổ)")
    if headless and (args.demo or args.office):

        try:  # headless checks never wait on a dialog: the reason goes to stderr
            if args.demo:
                from .services.demo import create_demo

                service = OfficeService.open(create_demo(demo_path()))
            else:
                service = OfficeService.open(Path(args.office))
        except KstthcError as exc:
            _say(str(exc))
            return 2
    elif args.demo:
        from .services.demo import create_demo

        try:
            path = create_demo(demo_path())
        except KstthcError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(None, "KSTTHC Desktop", f"{exc.message}\n{exc.hint}")
            return 1
        service = open_service(path)
    elif args.office:
        path = Path(args.office)
        service = open_service(path, create=False) if path.exists() else first_run(path)
    else:
        path = default_office_path()
        if path.exists():
            service = open_service(path)
        elif headless:
            _say("chưa có tệp dữ liệu; hãy dùng --office hoặc --demo")
            return 2
        else:
            service = first_run(path)
    if service is None:
        if headless:
            _say("không mở được tệp dữ liệu")
            return 2
        return 0

    if not service.has_office() and not headless:
        _ask_office(service)  # an empty or foreign-made file: the header lines are needed first
    window = windows.show_main_window(service, keep=False)
    window.after_first_paint(resume_gc)
    if headless:
        app.processEvents()  # the first paint (offscreen: the whole window, its table included)
        first_paint = time.monotonic()
        if os.environ.get("KSTTHC_BENCH_PAINTED") == "exit":  # counting instructions to the first paint
            os._exit(0)
        app.processEvents()  # what waits for the first paint (the rest of a large plan among it)
        image = window.grab()  # a second rendering, to check that something was drawn
        elapsed = time.perf_counter() - started
        if image.isNull() or image.width() < 100:
            _say("cửa sổ không vẽ được")
            return 1
        if args.screenshot:
            from .ui.screenshots import save_screenshots

            for p in save_screenshots(window, Path(args.screenshot), args.size):
                print(p)
        if os.environ.get("KSTTHC_BENCH_PAINTED"):  # tests/benchmarks/bench_startup.py: when the paint was done
            print(f"first-paint-at {first_paint:.6f}")
            print(f"painted-at {time.monotonic():.6f}")
        menus = ", ".join(a.text().replace("&", "") for a in window.menuBar().actions())
        print(f"smoke-test ok: {window.table.model.task_count()} tasks painted in {elapsed:.2f} s; menus: {menus}")
        window.close()
        service.close()
        return 0
    QTimer.singleShot(1500, window, lambda: _daily_backup(window))
    QTimer.singleShot(2500, window, lambda: _check_on_open(window))
    code = app.exec()
    _finish_background_work()
    service.close()
    for w in windows.open_windows():
        w.service.close()
    return code


def _import_headless_layers() -> None:
    """The office file's layers (services, storage, core), imported before Qt. Once PySide is
    imported it reads the source of every module imported after it (to see whether the module uses
    PySide, for its optional ``__feature__`` switches): for these ~25 modules that was ~5 ms of a
    warm start, and a read of every source file from disk on a cold one."""
    from . import services  # noqa: F401
    from .core import periods, status  # noqa: F401 - the table's filters and the task statuses


def _lighter_pyside_import_check() -> None:
    """The same check PySide makes of every module named in an import statement once Qt is loaded,
    without its cost.

    To support ``from __feature__ import …`` (a switch this program never uses), shibokensupport
    records for each module whether its source mentions "PySide6", found through
    ``inspect.getsource``, which walks all of ``sys.modules`` on every call: ~7 ms of CPU at
    start-up for the ~150 modules imported after Qt. Here the source file is read directly. Where
    the internals differ (another PySide version), nothing is changed."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict) or not callable(getattr(feature, "feature_imported", None)):
        return

    def feature_imported(module) -> None:  # noqa: ANN001
        name = getattr(module, "__name__", None)
        if not isinstance(name, str) or name in table:
            return
        uses_pyside = False
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):  # no source (built-in, extension, frozen): no
            try:
                with open(path, "rb") as fh:
                    uses_pyside = b"PySide6" in fh.read()
            except OSError:
                pass
        table[name] = 0 if uses_pyside else -1

    feature.feature_imported = feature_imported


def _check_on_open(window) -> None:  # noqa: ANN001
    from .ui import health

    health.on_open(window)


def _daily_backup(window) -> None:  # noqa: ANN001
    from .ui import backups

    backups.run_daily(window)  # on a worker: a year of documents takes seconds to copy


def _finish_background_work() -> None:
    """After the last window closed: the quiet jobs still running (the daily backup, the checks
    after start-up) are cancelled and their workers waited for, so no Python runs on a Qt thread
    while the interpreter shuts down; the officer's own jobs held the window until they ended."""
    tasks = sys.modules.get(f"{__package__}.ui.tasks")
    if tasks is not None:
        tasks.finish_all()


if __name__ == "__main__":
    raise SystemExit(main())
