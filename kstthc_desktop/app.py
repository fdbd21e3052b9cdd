"""Composition root: arguments, logging, QApplication, translators, the office file, the window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import re
import sys
import tempfile
import time
from pathlib import Path

from .core.errors import KstthcError, OfficeFileCorrupt, OfficeFileError

log = logging.getLogger("kstthc")
_windows: list = []  # keep extra windows (demo) alive


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
    p.add_argument("--screenshot", metavar="THƯ_MỤC", help="ghi mỗi màn hình chính một ảnh PNG vào thư mục rồi thoát")
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


def setup_logging() -> Path | None:
    from platformdirs import user_log_dir

    try:
        folder = Path(user_log_dir("KSTTHC Desktop", "KSTTHC"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "kstthc.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def demo_path() -> Path:
    return Path(tempfile.mkdtemp(prefix="kstthc-demo-")) / "du-lieu-mau.kstthc"


def open_service(path: Path, parent=None, create: bool = False):  # noqa: ANN001, ANN201
    """Open the office file; on failure offer another file or a backup. None if the user gives up."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from .services import OfficeService

    while True:
        try:
            return OfficeService.open(path, create=create)
        except KstthcError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "KSTTHC Desktop", exc.message, parent=parent)
            box.setInformativeText(exc.hint)
            choose = box.addButton(QCoreApplication.translate("App", "Choose another file…"), QMessageBox.ButtonRole.AcceptRole)
            good = OfficeService.newest_good_backup_of(path) if isinstance(exc, OfficeFileCorrupt) else None
            restore = box.addButton(QCoreApplication.translate("App", "Restore the newest backup"),
                                    QMessageBox.ButtonRole.ActionRole) if good else None
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            clicked = box.clickedButton()
            if clicked is choose:
                name, _ = QFileDialog.getOpenFileName(parent, "KSTTHC Desktop", str(path.parent),
                                                      "KSTTHC (*.kstthc);;* (*)")
                if not name:
                    return None
                path, create = Path(name), False
            elif restore is not None and clicked is restore:
                try:
                    OfficeService.restore_backup(good, path)
                except (OSError, OfficeFileError) as err:
                    QMessageBox.warning(parent, "KSTTHC Desktop", str(err))
                    return None
            else:
                return None


def first_run(path: Path):  # noqa: ANN201
    """No office file yet: ask for the office, then create the file (nothing is written before OK)."""
    from .services import OfficeService
    from .ui.dialogs.office_setup import OfficeSetupDialog

    office = OfficeSetupDialog.ask(None)
    if office is None:
        return None
    service = OfficeService.open(path, create=True)
    service.save_office(office)
    service.clear_undo()
    return service


def _ask_office(service) -> None:  # noqa: ANN001
    from .ui.dialogs.office_setup import OfficeSetupDialog

    office = OfficeSetupDialog.ask(None)
    if office is not None:
        service.save_office(office)
        service.clear_undo()


def open_demo_window(parent=None):  # noqa: ANN001, ANN201
    from .services.demo import create_demo
    from .ui.main_window import MainWindow

    path = create_demo(demo_path())
    service = open_service(path, parent)
    if service is None:
        return None
    window = MainWindow(service)
    from PySide6.QtCore import QCoreApplication

    window.setWindowTitle(window.windowTitle() + " – " + QCoreApplication.translate("App", "SAMPLE DATA"))
    window.show()
    _windows.append(window)
    return window


def restore_into_new_window(window, backup: Path):  # noqa: ANN001, ANN201
    """Close the office file, put the backup in its place, reopen it in a fresh window."""
    from PySide6.QtWidgets import QMessageBox

    from .services import OfficeService
    from .ui.main_window import MainWindow

    path = window.service.path
    check = OfficeService.check_backup(backup)
    if check:
        QMessageBox.warning(window, "KSTTHC Desktop", check)
        return None
    window.service.close()
    try:
        OfficeService.restore_backup(backup, path)
    except (OSError, KstthcError) as exc:
        QMessageBox.warning(window, "KSTTHC Desktop", str(exc))
    service = open_service(path, window)
    window.close()
    if service is None:
        return None
    new = MainWindow(service, today=window.today)
    new.show()
    _windows.append(new)
    return new


def install_excepthook() -> None:
    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
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
    started = time.perf_counter()
    args = parse_args(argv)
    log_path = setup_logging()

    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from . import APP_NAME, ORG_NAME
    from .i18n import install_translators
    from .services import default_office_path
    from .ui import errors as ui_errors
    from .ui.style import apply_base_font

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if sys.platform != "win32" and "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    apply_base_font()
    install_translators(app, args.lang)
    ui_errors.LOG_PATH_HOLDER["path"] = str(log_path or "")
    install_excepthook()

    from .services import OfficeService
    from .ui.main_window import MainWindow

    OfficeService.set_holder_name("KSTTHC Desktop (cửa sổ)")
    if args.demo:
        from .services.demo import create_demo

        path = create_demo(demo_path())
        service = open_service(path)
    elif args.office and (args.smoke_test or args.screenshot):
        from .services import OfficeService

        try:  # headless checks never wait on a dialog: the reason goes to stderr
            service = OfficeService.open(Path(args.office))
        except KstthcError as exc:
            sys.stderr.write(f"kstthc-desktop: {exc}\n")
            return 2
    elif args.office:
        path = Path(args.office)
        service = open_service(path, create=False) if path.exists() else first_run(path)
    else:
        path = default_office_path()
        if path.exists():
            service = open_service(path)
        elif args.smoke_test or args.screenshot:
            sys.stderr.write("kstthc-desktop: chưa có tệp dữ liệu; hãy dùng --office hoặc --demo\n")
            return 2
        else:
            service = first_run(path)
    if service is None:
        if args.smoke_test or args.screenshot:
            sys.stderr.write("kstthc-desktop: không mở được tệp dữ liệu\n")
            return 2
        return 0

    if not service.has_office() and not (args.smoke_test or args.screenshot):
        _ask_office(service)  # an empty or foreign-made file: the header lines are needed first
    window = MainWindow(service)
    window.show()
    if args.smoke_test or args.screenshot:
        app.processEvents()
        image = window.grab()
        elapsed = time.perf_counter() - started
        if image.isNull() or image.width() < 100:
            sys.stderr.write("kstthc-desktop: cửa sổ không vẽ được\n")
            return 1
        if args.screenshot:
            from .ui.screenshots import save_screenshots

            for p in save_screenshots(window, Path(args.screenshot), args.size or (1280, 800)):
                print(p)
        print(f"smoke-test ok: {window.model.task_count()} tasks painted in {elapsed:.2f} s")
        window.close()
        service.close()
        return 0
    QTimer.singleShot(1500, window, lambda: _daily_backup(window))
    QTimer.singleShot(2500, window, lambda: _check_on_open(window))
    code = app.exec()
    service.close()
    for w in _windows:
        w.service.close()
    return code


def _check_on_open(window) -> None:  # noqa: ANN001
    from .ui import health

    health.on_open(window)


def _daily_backup(window) -> None:  # noqa: ANN001
    try:
        window.service.daily_backup()
    except KstthcError as exc:
        window.statusBar().showMessage(str(exc), 10000)


if __name__ == "__main__":
    raise SystemExit(main())
