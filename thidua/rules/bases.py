"""The legal bases (căn cứ) printed at the head of an award decision, by the date it is signed."""
from __future__ import annotations

import datetime


def decision_bases(day: datetime.date) -> list[str]:
    """The "Căn cứ" lines of a commune chairman's award decision signed on ``day``: the laws and
    the decree in force then (Luật TĐKT 2022 from 01/01/2024, Nghị định 152/2025/NĐ-CP from
    01/7/2025; earlier, Luật TĐKT 2003 and Nghị định 91/2017/NĐ-CP)."""
    if day >= datetime.date(2025, 7, 1):
        return ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ quy định chi tiết "
                "một số điều của Luật Thi đua, khen thưởng;"]
    if day >= datetime.date(2024, 1, 1):
        return ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
                "thi hành một số điều của Luật Thi đua, khen thưởng;"]
    return ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
            "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của "
            "Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng;"]
