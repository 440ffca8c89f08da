"""Demo exemplars: every person and collective the five-year report praises in Part One III.2,
linked to the org demo's people and units by name. The report gives no publication dates;
the demo publishes them about every two weeks from January 2025, as the commune's rule
("at least one exemplar every month") asks, so a few are still scheduled.
"""
from __future__ import annotations

import datetime

from thidua.core.audit import log_batch
from thidua.org.models import Organisation, Person

from .models import Exemplar, Sector
from .services import unique_slug

COMMUNE = "xa-nam-thanh-mien"
FIRST_PUBLICATION = datetime.date(2025, 1, 6)
EVERY = datetime.timedelta(days=14)
CONSENT = "Dữ liệu mẫu: người (tập thể) được nêu gương đồng ý công bố bằng văn bản."
S = Sector

# (person name or None, unit code or None, display name, role line, sector, headline, story,
#  achievements (lines), land m², money đ, production model, OCOP product)
EXEMPLARS = [
    ("Nguyễn Thị Mai", None, "Cô Nguyễn Thị Mai", "Phó Hiệu trưởng, Trường Mầm non Hồng Phong", S.PRESCHOOL,
     "Chiến sĩ thi đua cấp tỉnh, 5 năm liên tục hoàn thành xuất sắc nhiệm vụ",
     "Cô Mai gắn bó với trẻ mầm non Hồng Phong, tiên phong đổi mới phương pháp cho trẻ làm quen ngôn ngữ qua "
     "trò chơi dân gian. Sáng kiến của cô được công nhận cấp tỉnh và được các trường bạn học tập.",
     "Chiến sĩ thi đua cấp tỉnh (2022)\nSáng kiến kinh nghiệm cấp tỉnh (2021)\nNhiều sáng kiến kinh nghiệm cấp huyện",
     None, None, "", ""),
    ("Vũ Thị Phương", None, "Cô Vũ Thị Phương", "Giáo viên, Trường Mầm non Chi Lăng Bắc", S.PRESCHOOL,
     "Bằng khen UBND tỉnh (2025), Chiến sĩ thi đua cơ sở nhiều năm",
     "Bốn năm liền có sáng kiến kinh nghiệm cấp huyện, cô Phương là chỗ dựa chuyên môn của tổ mầm non nhà trường.",
     "Bằng khen UBND tỉnh (2025)\nSáng kiến kinh nghiệm cấp huyện (4 năm)\nChiến sĩ thi đua cơ sở nhiều năm",
     None, None, "", ""),
    ("Bùi Thị Thu", None, "Cô Bùi Thị Thu", "Giáo viên, Trường Mầm non Hồng Phong", S.PRESCHOOL,
     "Thành tích xuất sắc trong hội thi giáo viên giỏi",
     "Cô Thu đạt thành tích xuất sắc trong hội thi giáo viên dạy giỏi, luôn sáng tạo đồ dùng dạy học từ vật liệu sẵn có.",
     "Bằng khen UBND tỉnh (2025)\nGiấy khen UBND huyện (2021)", None, None, "", ""),
    ("Nguyễn Thị Ánh", None, "Cô Nguyễn Thị Ánh", "Giáo viên, Trường Mầm non Chi Lăng Nam", S.PRESCHOOL,
     "Tích cực hiến máu tình nguyện, bồi dưỡng trẻ tài năng",
     "Bên cạnh công việc đứng lớp, cô Ánh nhiều lần tham gia hiến máu tình nguyện và bồi dưỡng trẻ có năng khiếu âm nhạc.",
     "Giấy khen Đảng bộ tỉnh\nNhiều Giấy khen huyện và sáng kiến kinh nghiệm", None, None, "", ""),
    ("Bùi Thị Phương", None, "Cô Bùi Thị Phương", "Giáo viên, Trường Mầm non Hồng Phong", S.PRESCHOOL,
     "02 Bằng khen Trung ương Hội Liên hiệp Thanh niên Việt Nam",
     "Cô Phương là hạt nhân phong trào thanh niên của nhà trường, tích cực trong các hoạt động tình nguyện.",
     "02 Bằng khen Trung ương Hội LHTN Việt Nam\n01 Giấy khen UBND huyện\n01 Giấy khen Huyện đoàn", None, None, "", ""),
    ("Nguyễn Thị Kim Nga", None, "Cô Nguyễn Thị Kim Nga", "Giáo viên, Trường Mầm non Hồng Phong", S.PRESCHOOL,
     "Bằng khen UBND tỉnh, 2 lần Chiến sĩ thi đua cơ sở",
     "Cô Nga có nhiều sáng kiến giúp trẻ mẫu giáo làm quen với toán qua hoạt động trải nghiệm.",
     "01 Bằng khen UBND tỉnh\n2 lần Chiến sĩ thi đua cơ sở\n2 sáng kiến kinh nghiệm cấp huyện", None, None, "", ""),
    ("Vũ Thị Nhạn", None, "Cô Vũ Thị Nhạn", "Giáo viên, Trường Mầm non Thanh Giang", S.PRESCHOOL,
     "Chiến sĩ thi đua cơ sở 4 năm học liên tiếp",
     "Cô Nhạn đạt danh hiệu Chiến sĩ thi đua cơ sở các năm học 2020-2021, 2022-2023, 2023-2024, 2024-2025.",
     "01 Bằng khen UBND tỉnh\nChiến sĩ thi đua cơ sở 4 năm học", None, None, "", ""),
    ("Trần Thị Thảo", None, "Cô Trần Thị Thảo", "Hiệu trưởng, Trường Tiểu học Chi Lăng Nam", S.PRIMARY,
     "Bằng khen UBND tỉnh (2025), Chiến sĩ thi đua cơ sở 4 năm",
     "Dưới sự dẫn dắt của cô Thảo, Trường Tiểu học Chi Lăng Nam được tặng Cờ thi đua của UBND tỉnh.",
     "Bằng khen UBND tỉnh (2025)\nChiến sĩ thi đua cơ sở 4 năm", None, None, "", ""),
    ("Nguyễn Thị Thu Minh", None, "Cô Nguyễn Thị Thu Minh", "Hiệu trưởng, Trường Tiểu học Thanh Giang", S.PRIMARY,
     "Bằng khen UBND tỉnh (2024-2025), 5 năm sáng kiến kinh nghiệm cấp huyện",
     "Cô Minh chú trọng xây dựng Đảng trong nhà trường, đưa Trường Tiểu học Thanh Giang đạt Tập thể lao động xuất sắc.",
     "Bằng khen UBND tỉnh (2024-2025)\nSáng kiến kinh nghiệm cấp huyện 5 năm", None, None, "", ""),
    ("Nguyễn Thị Anh", None, "Cô Nguyễn Thị Anh", "Giáo viên, Trường Tiểu học Chi Lăng Bắc", S.PRIMARY,
     "Sáng kiến kinh nghiệm cấp tỉnh, Đảng viên tiêu biểu",
     "Cô Anh có sáng kiến rèn kỹ năng giải toán có lời văn được công nhận cấp tỉnh, nhiều năm bồi dưỡng học sinh giỏi.",
     "Sáng kiến kinh nghiệm cấp tỉnh (2020)\nNhiều Giấy khen huyện\nĐảng viên tiêu biểu", None, None, "", ""),
    ("Hoàng Thị Thu Thủy", None, "Cô Hoàng Thị Thu Thủy", "Giáo viên, Trường Tiểu học Chi Lăng Nam", S.PRIMARY,
     "Giáo viên dạy giỏi cấp tỉnh",
     "Cô Thủy là giáo viên dạy giỏi cấp tỉnh, bồi dưỡng nhiều học sinh đạt giải cấp tỉnh.",
     "Giáo viên dạy giỏi cấp tỉnh\nGiấy khen UBND huyện", None, None, "", ""),
    ("Vũ Thị Mỵ", None, "Cô Vũ Thị Mỵ", "Giáo viên - Tổng phụ trách Đội, Trường Tiểu học Chi Lăng Bắc", S.PRIMARY,
     "Bằng khen Trung ương Đoàn, Bằng khen Hội Liên hiệp Thanh niên Việt Nam",
     "Cô Mỵ là Tổng phụ trách Đội nhiệt huyết, gắn công tác Đội với phong trào thanh niên tình nguyện của xã.",
     "02 Bằng khen Trung ương Đoàn\n01 Bằng khen Hội LHTN Việt Nam\n01 Bằng khen Tỉnh Đoàn\n"
     "2 Giấy khen Hội đồng Đội tỉnh\n2 Giấy khen huyện\n4 Giấy khen xã", None, None, "", ""),
    ("Nguyễn Thị Hiền", None, "Cô Nguyễn Thị Hiền", "Giáo viên, Trường THCS Thanh Giang", S.LOWER_SECONDARY,
     "Bằng khen UBND tỉnh (2022-2023), nhiều năm bồi dưỡng học sinh giỏi",
     "Năm năm liền có sáng kiến kinh nghiệm cấp huyện, cô Hiền bồi dưỡng nhiều thế hệ học sinh giỏi môn Ngữ văn.",
     "Bằng khen UBND tỉnh (2022-2023)\nSáng kiến kinh nghiệm cấp huyện 5 năm", None, None, "", ""),
    ("Vũ Thị Thanh", None, "Cô Vũ Thị Thanh", "Giáo viên, Trường THCS Thanh Giang", S.LOWER_SECONDARY,
     "Bằng khen UBND tỉnh, Chiến sĩ thi đua cơ sở",
     "Cô Thanh luôn hoàn thành xuất sắc nhiệm vụ, là tấm gương tận tụy của tập thể sư phạm nhà trường.",
     "Bằng khen UBND tỉnh (2020)\nChiến sĩ thi đua cơ sở", None, None, "", ""),
    ("Nguyễn Thị Phương Chi", None, "Cô Nguyễn Thị Phương Chi", "Giáo viên, Trường THCS Chi Lăng Bắc", S.LOWER_SECONDARY,
     "Bằng khen Đảng bộ tỉnh (2025), giáo viên dạy giỏi tỉnh",
     "Cô Chi đổi mới phương pháp dạy tiếng Anh, đạt giáo viên dạy giỏi cấp tỉnh năm học 2020-2021.",
     "Bằng khen Đảng bộ tỉnh (2025)\nGiáo viên dạy giỏi tỉnh (2020-2021)\nNhiều sáng kiến kinh nghiệm cấp huyện",
     None, None, "", ""),
    ("Vũ Ngọc Nguyễn", None, "Thầy Vũ Ngọc Nguyễn", "Giáo viên, Trường THCS Chi Lăng Bắc", S.LOWER_SECONDARY,
     "Sáng kiến cấp ngành (2022), Đảng viên tiêu biểu",
     "Thầy Nguyễn ứng dụng phần mềm GeoGebra trong dạy học hình học, bồi dưỡng nhiều học sinh đạt giải.",
     "Sáng kiến kinh nghiệm cấp ngành (2022)\nNhiều Giấy khen huyện\nĐảng viên tiêu biểu", None, None, "", ""),
    ("Dương Thị Luyến", None, "Cô Dương Thị Luyến", "Giáo viên, Trường THCS Hồng Phong", S.LOWER_SECONDARY,
     "Bồi dưỡng học sinh đạt giải cấp tỉnh",
     "Cô Luyến bồi dưỡng học sinh giỏi môn Vật lý, nhiều em đạt giải cấp tỉnh.",
     "Nhiều Giấy khen huyện và Hội Khuyến học\nSáng kiến kinh nghiệm cấp huyện", None, None, "", ""),
    ("Nguyễn Thị Mận", None, "Cô Nguyễn Thị Mận", "Giáo viên, Trường THCS Hồng Phong", S.LOWER_SECONDARY,
     "Bồi dưỡng học sinh đạt giải cấp tỉnh",
     "Cô Mận phát triển năng lực tự học môn Hóa học cho học sinh, nhiều em đạt giải cấp tỉnh.",
     "Nhiều Giấy khen Đảng bộ xã và huyện\nSáng kiến kinh nghiệm cấp huyện", None, None, "", ""),
    ("Nguyễn Thị Hà", None, "Cô Nguyễn Thị Hà", "Giáo viên, Trường THCS Hồng Phong", S.LOWER_SECONDARY,
     "Bồi dưỡng học sinh đạt giải tỉnh môn Toán, Tin học",
     "Cô Hà đưa lập trình Scratch vào giờ học, bồi dưỡng học sinh đạt giải cấp tỉnh môn Toán và Tin học.",
     "Nhiều Giấy khen huyện và Đảng bộ xã\nSáng kiến kinh nghiệm cấp huyện", None, None, "", ""),
    # Collectives of education
    (None, "thcs-thanh-giang", "Trường THCS Thanh Giang", "", S.LOWER_SECONDARY,
     "Tập thể lao động tiên tiến nhiều năm liền, 2 Bằng khen Bộ Giáo dục và Đào tạo",
     "Trường THCS Thanh Giang là lá cờ đầu của ngành giáo dục xã, nhiều năm liền đạt Tập thể lao động tiên tiến.",
     "2 Bằng khen Bộ Giáo dục và Đào tạo\n2 Giấy khen Tập thể lao động xuất sắc\n3 Giấy khen Tập thể lao động tiên tiến\n"
     "5 Giấy khen UBND huyện", None, None, "", ""),
    (None, "th-chi-lang-nam", "Trường Tiểu học Chi Lăng Nam", "", S.PRIMARY,
     "Cờ thi đua của UBND tỉnh, 4 năm Tập thể lao động tiên tiến",
     "Trường Tiểu học Chi Lăng Nam được UBND tỉnh tặng Cờ thi đua nhờ chất lượng giáo dục toàn diện.",
     "1 Cờ thi đua UBND tỉnh\n1 Giấy khen Tập thể lao động xuất sắc\n4 năm Tập thể lao động tiên tiến", None, None, "", ""),
    (None, "th-thanh-giang", "Trường Tiểu học Thanh Giang", "", S.PRIMARY,
     "Tập thể lao động xuất sắc cấp tỉnh (2023-2024)",
     "Trường Tiểu học Thanh Giang đạt danh hiệu Tập thể lao động xuất sắc năm học 2023-2024.",
     "Tập thể lao động xuất sắc (2023-2024)\nNhiều Giấy khen của Chủ tịch UBND tỉnh và huyện", None, None, "", ""),
    # Health
    (None, "tram-y-te-1", "Trạm Y tế xã Nam Thanh Miện số 1", "", S.HEALTH,
     "4 Giấy khen Sở Y tế, 1 Giấy khen Công đoàn tỉnh",
     "Trạm Y tế số 1 duy trì tỷ lệ tiêm chủng đầy đủ, chăm sóc sức khỏe ban đầu cho nhân dân.",
     "4 Giấy khen Sở Y tế tỉnh\n1 Giấy khen Công đoàn tỉnh", None, None, "", ""),
    (None, "tram-y-te-3", "Trạm Y tế xã Nam Thanh Miện số 3", "", S.HEALTH,
     "4 Giấy khen Sở Y tế, 1 Giấy khen Công đoàn tỉnh",
     "Trạm Y tế số 3 đạt tỷ lệ tiêm chủng đầy đủ, chủ động phòng chống dịch bệnh trên địa bàn.",
     "4 Giấy khen Sở Y tế tỉnh\n1 Giấy khen Công đoàn tỉnh", None, None, "", ""),
    ("Nguyễn Thị Lan Anh", None, "Bà Nguyễn Thị Lan Anh", "Trạm trưởng Trạm Y tế số 4", S.HEALTH,
     "Kỷ niệm chương Bộ Y tế, 2 Giấy khen Sở Y tế",
     "Bà Lan Anh tận tụy với công tác chăm sóc sức khỏe nhân dân, được Bộ Y tế tặng Kỷ niệm chương.",
     "1 Kỷ niệm chương Bộ Y tế\n2 Giấy khen Sở Y tế tỉnh", None, None, "", ""),
    ("Vũ Thị Thêu", None, "Bà Vũ Thị Thêu", "Trạm trưởng Trạm Y tế số 3", S.HEALTH,
     "Kỷ niệm chương Bộ Y tế, 2 Giấy khen Sở Y tế",
     "Bà Thêu dẫn dắt Trạm Y tế số 3 hoàn thành tốt các chương trình y tế quốc gia.",
     "1 Kỷ niệm chương Bộ Y tế\n2 Giấy khen Sở Y tế tỉnh", None, None, "", ""),
    # Security
    (None, "cong-an-chi-lang-nam", "Công an xã Chi Lăng Nam (cũ)", "", S.SECURITY,
     "Bằng khen Bộ Công an, Đơn vị quyết thắng 2021, 2022, 2023",
     "Công an xã Chi Lăng Nam hoàn thành xuất sắc nhiệm vụ giữ gìn an ninh trật tự địa phương trước khi sáp nhập.",
     "Bằng khen Bộ Công an\nĐơn vị quyết thắng (2021, 2022, 2023)", None, None, "", ""),
    ("Đào Duy Kiên", None, "Đồng chí Đào Duy Kiên", "Phó Trưởng Công an xã", S.SECURITY,
     "Bằng khen UBND tỉnh (2023), Chiến sĩ thi đua cơ sở",
     "Đồng chí Kiên hoàn thành xuất sắc nhiệm vụ bảo đảm an ninh, trật tự trên địa bàn xã.",
     "Bằng khen UBND tỉnh (2023)\nChiến sĩ thi đua cơ sở", None, None, "", ""),
    # Front and mass organisations
    (None, "doan-chi-lang-nam", "Đoàn TNCS Hồ Chí Minh xã Chi Lăng Nam (cũ)", "", S.FRONT,
     "Cờ thi đua Trung ương Đoàn, 2 Bằng khen Trung ương Đoàn",
     "Tổ chức Đoàn xã Chi Lăng Nam là đơn vị dẫn đầu phong trào thanh niên tình nguyện của huyện.",
     "2 Bằng khen Trung ương Đoàn\n1 Cờ thi đua Trung ương Đoàn\n3 Bằng khen Tỉnh Đoàn\n2 Bằng khen UBND tỉnh\n"
     "1 Bằng khen Hội LHTN tỉnh", None, None, "", ""),
    ("Vũ Đình Ba", None, "Đồng chí Vũ Đình Ba", "Phòng Văn hóa - Xã hội", S.FRONT,
     "2 Bằng khen Trung ương Đoàn, Bằng khen Trung ương Hội Chữ thập đỏ",
     "Đồng chí Ba nhiều năm gắn bó với công tác thanh niên và hoạt động nhân đạo.",
     "2 Bằng khen Trung ương Đoàn\n1 Bằng khen Trung ương Hội Chữ thập đỏ\n1 Bằng khen Tỉnh Đoàn\n6 Giấy khen cấp tỉnh",
     None, None, "", ""),
    ("Lê Bình Giang", None, "Đồng chí Lê Bình Giang", "Trung tâm Phục vụ hành chính công", S.FRONT,
     "2 Bằng khen Trung ương Đoàn, Bằng khen UBND tỉnh",
     "Đồng chí Giang là cán bộ trẻ năng nổ, góp phần chuyển đổi số trong giải quyết thủ tục hành chính.",
     "2 Bằng khen Trung ương Đoàn\n1 Bằng khen UBND tỉnh", None, None, "", ""),
    ("Nguyễn Thúy Hoa", None, "Đồng chí Nguyễn Thúy Hoa", "Bí thư Đoàn xã", S.FRONT,
     "Bằng khen Trung ương Đoàn, 2 Bằng khen Tỉnh Đoàn",
     "Bí thư Đoàn xã Nguyễn Thúy Hoa tổ chức nhiều công trình thanh niên thiết thực tại các thôn.",
     "1 Bằng khen Trung ương Đoàn\n2 Bằng khen Tỉnh Đoàn", None, None, "", ""),
    (None, "hoi-phu-nu-chi-lang-bac", "Hội Phụ nữ xã Chi Lăng Bắc (cũ)", "", S.FRONT,
     "3 Bằng khen Hội Liên hiệp Phụ nữ tỉnh",
     "Hội Phụ nữ xã Chi Lăng Bắc giúp nhiều hội viên vay vốn phát triển kinh tế gia đình.",
     "3 Bằng khen Hội LHPN tỉnh", None, None, "", ""),
    ("Phạm Thị Bạch Yến", None, "Bà Phạm Thị Bạch Yến", "Chủ tịch Hội LHPN xã", S.FRONT,
     "Kỷ niệm chương Trung ương Hội Phụ nữ, 2 Bằng khen Hội LHPN tỉnh",
     "Bà Yến gắn bó với công tác phụ nữ, tích cực phối hợp với Ngân hàng Chính sách xã hội hỗ trợ hội viên.",
     "2 Bằng khen Hội LHPN tỉnh\n1 Giấy khen Ngân hàng Chính sách xã hội tỉnh\n1 Kỷ niệm chương Trung ương Hội Phụ nữ",
     None, None, "", ""),
    ("Nguyễn Thị Kim Nhài", None, "Bà Nguyễn Thị Kim Nhài", "Chi hội trưởng Phụ nữ thôn Hội Yên", S.FRONT,
     "2 Bằng khen Hội Liên hiệp Phụ nữ tỉnh",
     "Bà Nhài vận động chị em thôn Hội Yên giữ gìn nghề làm bánh đa truyền thống và xây dựng gia đình văn hóa.",
     "2 Bằng khen Hội LHPN tỉnh", None, None, "", ""),
    ("Đinh Thị Sen", None, "Bà Đinh Thị Sen", "Chuyên viên Ủy ban MTTQ xã", S.FRONT,
     "2 Bằng khen Hội LHPN tỉnh, Kỷ niệm chương Trung ương Hội Khuyến học",
     "Bà Sen tích cực trong công tác khuyến học, khuyến tài và vận động quỹ “Vì người nghèo”.",
     "2 Bằng khen Hội LHPN tỉnh\n1 Kỷ niệm chương Trung ương Hội Khuyến học", None, None, "", ""),
    # Villages
    (None, "thon-trieu-duong", "Thôn Triều Dương", "", S.VILLAGE,
     "Giấy khen Sở Văn hóa, Thể thao và Du lịch, 3 Giấy khen huyện, 5 Giấy khen xã",
     "Thôn Triều Dương giữ vững danh hiệu thôn văn hóa, là điểm sáng của phong trào xây dựng nông thôn mới kiểu mẫu.",
     "1 Giấy khen Sở VHTTDL tỉnh\n3 Giấy khen huyện\n5 Giấy khen xã", None, None, "", ""),
    (None, "thon-tien-dong", "Chi hội thôn Tiên Động", "", S.VILLAGE,
     "8 Giấy khen các cấp",
     "Chi hội thôn Tiên Động đoàn kết, sáng tạo trong các phong trào của thôn.",
     "4 Giấy khen xã\n2 Giấy khen huyện\n2 Giấy khen Đảng bộ xã", None, None, "", ""),
    # Land donors
    ("Phạm Ngọc Gốt", None, "Ông Phạm Ngọc Gốt", "Thôn Thống Nhất", S.LAND_DONATION,
     "Hiến 123 m² đất thổ cư làm đường giao thông nông thôn",
     "Ông Gốt tự nguyện hiến 123 m² đất thổ cư để mở rộng đường giao thông nông thôn của thôn Thống Nhất.",
     "", 123, None, "", ""),
    ("Trần Văn Khảm", None, "Ông Trần Văn Khảm", "Thôn Phú Khê", S.LAND_DONATION,
     "Hiến 120 m² đất làm đường giao thông",
     "Ông Khảm hiến 120 m² đất để thôn Phú Khê làm đường giao thông.", "", 120, None, "", ""),
    ("Vũ Đình Thúy", None, "Ông Vũ Đình Thúy", "Thôn Triều Dương", S.LAND_DONATION,
     "Ủng hộ trên 60 triệu đồng làm đường giao thông",
     "Ông Thúy ủng hộ trên 60 triệu đồng để thôn Triều Dương làm đường giao thông.", "", None, 60_000_000, "", ""),
    ("Bùi Hữu Đồi", None, "Ông Bùi Hữu Đồi", "Thôn Phù Tải 1", S.LAND_DONATION,
     "Hiến 31 m² đất ở và ủng hộ trên 20 triệu đồng làm đường giao thông",
     "Ông Đồi hiến 31 m² đất ở và ủng hộ trên 20 triệu đồng để làm đường giao thông thôn Phù Tải 1.",
     "", 31, 20_000_000, "", ""),
    # Good producers
    ("Vũ Văn Xa", None, "Ông Vũ Văn Xa", "Thôn Tiên Động", S.PRODUCTION,
     "Doanh nghiệp kinh doanh giỏi, tạo việc làm cho nhiều lao động",
     "Doanh nghiệp của ông Xa tạo việc làm cho nhiều lao động địa phương; ông tích cực đóng góp làm đường nông thôn.",
     "", None, None, "Doanh nghiệp kinh doanh giỏi, tạo việc làm cho lao động địa phương", ""),
    ("Vũ Văn Hưng", None, "Ông Vũ Văn Hưng", "Thôn Tào Khê", S.PRODUCTION,
     "Mô hình nhà vườn đào, quất, ổi trên 10 mẫu",
     "Mô hình nhà vườn đào, quất, ổi rộng 10 mẫu của ông Hưng cho thu nhập cao, là nơi bà con đến học tập.",
     "", None, None, "Nhà vườn đào, quất, ổi (10 mẫu)", ""),
    ("Phan Đắc Thược", None, "Ông Phan Đắc Thược", "Thôn Hội Yên", S.PRODUCTION,
     "Bánh đa Q5 đạt sản phẩm OCOP",
     "Ông Thược đưa bánh đa Hội Yên thành sản phẩm OCOP mang thương hiệu Q5.", "", None, None,
     "Sản xuất bánh đa", "Bánh đa Q5"),
    ("Phan Đắc Thống", None, "Ông Phan Đắc Thống", "Thôn Hội Yên", S.PRODUCTION,
     "Kinh doanh vật liệu xây dựng, tích cực ủng hộ xây dựng nông thôn mới",
     "Ông Thống kinh doanh vật liệu xây dựng hiệu quả và tích cực ủng hộ phong trào xây dựng nông thôn mới toàn xã.",
     "", None, None, "Kinh doanh vật liệu xây dựng", ""),
    ("Vũ Duy Triển", None, "Ông Vũ Duy Triển", "Thôn Hội Yên", S.PRODUCTION,
     "Mô hình sản xuất bánh đa tự động (Làng nghề Hội Yên)",
     "Ông Triển đầu tư dây chuyền sản xuất bánh đa tự động, góp phần giữ và phát triển làng nghề Hội Yên.",
     "", None, None, "Sản xuất bánh đa tự động (Làng nghề Hội Yên)", ""),
    ("Vũ Văn Phong", None, "Ông Vũ Văn Phong", "Thôn Triều Dương", S.PRODUCTION,
     "Mô hình nhà vườn Phong Cò (Farm)",
     "Nhà vườn Phong Cò của ông Phong là mô hình trang trại tổng hợp hiệu quả của thôn Triều Dương.",
     "", None, None, "Nhà vườn Phong Cò (Farm)", ""),
    ("Vũ Thông Hoa", None, "Ông Vũ Thông Hoa", "Thôn Phù Tải 1", S.PRODUCTION,
     "Mô hình trồng hoa, rau trái vụ",
     "Ông Hoa trồng hoa và rau trái vụ, cho thu nhập ổn định và hướng dẫn bà con cùng làm.",
     "", None, None, "Trồng hoa, rau trái vụ", ""),
    ("Vũ Đình Chinh", None, "Ông Vũ Đình Chinh", "Thôn Thống Nhất", S.PRODUCTION,
     "Mô hình VAC trên 1 ha: chăn nuôi trâu, vịt, thả cá",
     "Mô hình vườn – ao – chuồng rộng trên 1 ha của ông Chinh: chăn nuôi trâu, nuôi vịt, thả cá cho hiệu quả kinh tế cao.",
     "", None, None, "Mô hình VAC trên 1 ha", ""),
]


def _round_robin_by_sector() -> dict[int, int]:
    """Publication rank of each story: the sectors take turns, so that every month shows a
    different field (as the commune's page would)."""
    queues: dict[str, list[int]] = {}
    for i, item in enumerate(EXEMPLARS):
        queues.setdefault(item[4], []).append(i)
    order, rank = {}, 0
    while any(queues.values()):
        for queue in queues.values():
            if queue:
                order[queue.pop(0)] = rank
                rank += 1
    return order


def load(log=print) -> None:
    commune = Organisation.objects.get(code=COMMUNE)
    if Exemplar.objects.filter(commune=commune).exists():
        return
    people = {}
    for p in Person.objects.filter(full_name__in=[e[0] for e in EXEMPLARS if e[0]]).order_by("pk"):
        people.setdefault(p.full_name, p)
    units = {o.code: o for o in Organisation.objects.filter(code__in=[e[1] for e in EXEMPLARS if e[1]])}
    items, slugs = [], set()
    order = _round_robin_by_sector()
    for i, (name, unit, display, role, sector, headline, story, achievements, land, money, model, ocop) in enumerate(EXEMPLARS):
        slug = unique_slug(display)
        while slug in slugs:
            slug += "-x"
        slugs.add(slug)
        items.append(Exemplar(
            commune=commune, slug=slug, person=people.get(name) if name else None,
            organisation=units.get(unit) if unit else None, display_name=display, role_line=role, sector=sector,
            headline=headline, story=story, achievements=achievements, land_m2=land, money_vnd=money,
            production_model=model, ocop_product=ocop, consent_to_publish=True, consent_note=CONSENT,
            published_on=FIRST_PUBLICATION + order[i] * EVERY))
    created = Exemplar.objects.bulk_create(items)
    log_batch(actor=None, model=Exemplar, objects=created, note="Dữ liệu mẫu: gương điển hình (báo cáo 2021–2025, III.2)")
    log(f"  + {len(created)} gương điển hình")
