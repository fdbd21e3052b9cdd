"""The office's details as the report needs them: checked before they are stored."""

from __future__ import annotations

from .errors import ValidationError
from .model import Office
from .text import clean


def validate_office(office: Office) -> None:
    if not clean(office.name):
        raise ValidationError("Tên cơ quan không được để trống.", "Ví dụ: ỦY BAN NHÂN DÂN / XÃ LÊ LỢI.", "name")
    if len(office.name) > 300:
        raise ValidationError("Tên cơ quan quá dài.", "Hãy rút gọn dưới 300 ký tự.", "name")
    if not clean(office.place_name):
        raise ValidationError("Địa danh không được để trống.", "Địa danh dùng cho dòng 'Lê Lợi, ngày …'.",
                              "place_name")
    if len(office.place_name) > 80:
        raise ValidationError("Địa danh quá dài.", "Chỉ ghi tên địa danh, ví dụ 'Lê Lợi'.", "place_name")
    if not clean(office.symbol) or any(ch.isspace() for ch in office.symbol.strip()):
        raise ValidationError("Ký hiệu cơ quan không hợp lệ.", "Ví dụ: UBND (không có dấu cách).", "symbol")
