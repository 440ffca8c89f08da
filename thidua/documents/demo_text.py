"""The seed report's own narrative (../shared/seeds/000_0f26d71c4cefea8d.txt), by section key:
the demo's five-year report (2021-2025) places these verbatim. Hard line breaks of the seed are
joined; paragraphs are kept as the seed writes them (one per line)."""

FIVE_YEAR_2021_2025 = {
    "leadership": "\n".join([
        '- Ban Thường vụ Đảng ủy, UBND xã Nam Thanh Miện luôn xác định thi đua yêu nước là động lực quan trọng thúc đẩy phát triển kinh tế - xã hội. Công tác thi đua - khen thưởng được lồng ghép trong kế hoạch công tác hàng năm, đặc biệt trong giai đoạn xã mới sắp xếp theo mô hình chính quyền địa phương 02 cấp.',
        '- Thực hiện Chủ đề hàng năm của thành phố như: “Đẩy mạnh chỉnh trang hiện đại hóa đô thị - xây dựng nông thôn mới kiểu mẫu - thực hiện chuyển đổi số”; "Nâng cao ý chí tự lực, tự cường và khát vọng vươn lên, phát huy vị thế của Hải Phòng trong giai đoạn phát triển mới",... Ngay từ đầu Đảng ủy, UBND xã đã tổ chức phát động các phong trào thi đua thực hiện nhiệm vụ chính trị hàng năm; chỉ đạo các cơ quan, đơn vị, địa phương đổi mới nội dung, phương thức tổ chức các phong trào thi đua với các hình thức phong phú, đa dạng, nội dung cụ thể, thiết thực; tập trung phát động các phong trào thi đua theo đợt, chuyên đề, hướng phong trào thi đua vào việc giải quyết những vấn đề cấp bách tại địa phương, trọng tâm vào các lĩnh vực: thu nộp ngân sách nhà nước; xây dựng nông thôn mới kiểu mẫu; giải phóng mặt bằng; thu hút đầu tư... phấn đấu thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội.',
    ]),
    "directives": "\n".join([
        'Hàng năm xã ban hành kế hoạch thi đua khen thưởng; xây dựng tiêu chí thi đua, tổ chức ký cam kết thi đua giữa các thôn, các đơn vị sự nghiệp và cơ quan chuyên môn. Thành lập Ban Chỉ đạo thi đua - khen thưởng, phân công nhiệm vụ cụ thể cho các thành viên.',
    ]),
    "movements_central": "\n".join([
        '- Phong trào “Cả nước chung sức xây dựng nông thôn mới” được tổ chức, triển khai thực hiện đồng bộ, rộng khắp với nhiều nội dung phù hợp, sát với thực tế và tạo được sự chuyển biến mạnh mẽ trong phát triển kinh tế - xã hội ở nông thôn, đời sống vật chất, tinh thần của người dân được cải thiện. Đến nay đã có xã Chi Lăng Nam đạt xã Nông thôn mới kiểu mẫu, xã Chi Lăng Bắc và xã Thanh Giang đạt xã Nông thôn mới nâng cao (thuộc xã Nam Thanh Miện hiện nay) được Ủy ban nhân dân tỉnh công nhận.',
        '- Phong trào “Vì người nghèo - Không để ai bị bỏ lại phía sau”: Ủy ban nhân dân xã đã ban hành Kế hoạch để tổ chức triển khai thực hiện trên địa bàn. Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” và công tác giảm nghèo hàng năm đã trở thành nhiệm vụ trọng tâm, thường xuyên được các ngành, các cấp quan tâm lãnh đạo, chỉ đạo thực hiện; tạo sự chuyển biến rõ rệt về nhận thức và chỉ đạo thực hiện. Các chương trình giảm nghèo được triển khai đồng bộ, hiệu quả và đạt được những kết quả đáng khích lệ. Ủy ban nhân dân xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã đã ký kết Chương trình phối hợp về thực hiện giảm nghèo bền vững, xây dựng nông thôn mới. UBMTTQVN xã và các đoàn thể vận động đoàn viên, hội viên tham gia hưởng ứng tích cực Phong trào thi đua gắn với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”. Triển khai vận động quỹ “vì người nghèo”; triển khai hiệu quả mô hình “Quỹ đền ơn đáp nghĩa” tại xã để hỗ trợ trực tiếp cho các đối tượng chính sách, hộ nghèo, hộ cận nghèo, hộ có hoàn cảnh khó khăn, người già cô đơn trên địa bàn. 100% hộ nghèo được hỗ trợ tiếp cận các chính sách xã hội.',
        '- Phong trào “Phòng, chống và chiến thắng đại dịch Covid-19”: Cấp ủy, chính quyền đã lãnh đạo, chỉ đạo triển khai thực hiện nghiêm túc, hiệu quả các văn bản chỉ đạo của cấp trên về công tác phòng, chống dịch Covid-19, thực hiện tốt phương châm 04 tại chỗ trong phòng chống dịch. Kiện toàn Ban chỉ đạo phòng, chống dịch bệnh Covid-19 của xã; các tổ COVID cộng đồng tại các thôn, thành lập tổ an toàn COVID tại cơ quan, đơn vị; tình hình dịch Covid-19 trên địa bàn xã được ổn định.',
        '- Phong trào “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”: Ủy ban nhân dân xã ban hành kế hoạch phát động phong trào thi đua "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở" giai đoạn 2020-2025 trên địa bàn xã và chỉ đạo thực hiện nghiêm túc về tăng cường kỷ luật, kỷ cương hành chính, lề lối, tác phong làm việc, nâng cao trách nhiệm trong thực thi công vụ của cán bộ, đảng viên, công chức, viên chức trên địa bàn; Quy định về quy tắc ứng xử của cán bộ, công chức, viên chức các cơ quan, đơn vị, địa phương trên địa bàn xã. Phong trào thi đua "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở" được triển khai sâu rộng trong các cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội và cán bộ, công chức, viên chức, đảng viên các cơ quan, đơn vị với nội dung, hình thức phong phú, thiết thực, có tiêu chí rõ ràng, cụ thể: tổ chức triển khai ký cam kết không gây phiền hà, sách nhiễu tiêu cực trong thực hiện nhiệm vụ công vụ hàng năm đối với cán bộ, công chức, viên chức các cơ quan hành chính nhà nước hàng năm; thực hiện xin lỗi công khai người dân khi giải quyết hồ sơ thủ tục hành chính quá hạn; thực hiện quản lý kỷ luật kỷ cương hành chính của cán bộ, công chức bằng bảng theo dõi giờ giấc làm việc... Qua việc triển khai thực hiện hiệu quả phong trào thi đua đã tạo chuyển biến mạnh mẽ, sâu rộng và nâng cao ý thức tự tu dưỡng, rèn luyện đạo đức công vụ của cán bộ, công chức, viên chức; tăng cường kỷ cương, kỷ luật hành chính; phòng, chống tham nhũng, qua đó tiếp tục xây dựng hình ảnh đội ngũ cán bộ, công chức, viên chức tận tụy, gương mẫu, chuyên nghiệp, kỷ cương, trách nhiệm, tận tình, thân thiện, vì người dân phục vụ. Xây dựng phong cách ứng xử, kỹ năng giao tiếp chuẩn mực của cán bộ, công chức, viên chức trong hoạt động công vụ, đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh thông qua những việc làm cụ thể hàng ngày, trên mọi lĩnh vực công tác; tạo môi trường làm việc văn minh, hiện đại, chuyên nghiệp, trách nhiệm, minh bạch, hiệu quả; góp phần xây dựng hệ thống chính trị trong sạch, vững mạnh; tổ chức ký cam kết thực hiện không gây phiền hà; 100% cán bộ công chức hoàn thành nhiệm vụ, trên 80% hoàn thành tốt. Tỷ lệ hài lòng của người dân với giải quyết thủ tục hành chính đạt trên 98%.',
        '- Phong trào “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”: Hoàn thành 100% số hóa hồ sơ thủ tục hành chính; triển khai sử dụng dịch vụ công trực tuyến mức độ 3, 4; 100% hồ sơ thủ tục hành chính được tiếp nhận và xử lý trên phần mềm điện tử.',
        '- Phong trào “Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025”: Hưởng ứng chủ trương của Đảng, Nhà nước về chăm lo đời sống cho các hộ nghèo, hộ cận nghèo và các đối tượng chính sách, UBND xã đã triển khai hiệu quả phong trào “Xóa nhà tạm, nhà dột nát” trên địa bàn xã. Với quyết tâm không để người dân sống trong những căn nhà xuống cấp, thiếu an toàn, UBND xã đã phối hợp chặt chẽ với các tổ chức, đoàn thể, cùng sự chung tay góp sức của các doanh nghiệp, cá nhân hảo tâm thông qua các hoạt động xã hội hóa. Đến nay xã đã đã sửa chữa nhà ở cho 41 đối tượng người có công, người nghèo, người khuyết tật, với tổng số tiền là 3 tỷ 450 triệu đồng. Phong trào không chỉ giúp người dân có nơi ở ổn định, đảm bảo an toàn trong mùa mưa bão, mà còn góp phần nâng cao chất lượng cuộc sống, tạo điều kiện để các hộ yên tâm lao động sản xuất, từng bước vươn lên thoát nghèo bền vững. Thành công của phong trào là minh chứng cho tinh thần đoàn kết, tương thân tương ái trong cộng đồng, đồng thời thể hiện rõ vai trò lãnh đạo, chỉ đạo hiệu quả của chính quyền địa phương trong công tác an sinh xã hội.',
    ]),
    "movements_city": "\n".join([
        '- Thi đua chuyển đổi số: Xã tổ chức lớp tập huấn cho 100% cán bộ, công chức; triển khai Đề án 06.',
        '- Phong trào khoa học, đổi mới sáng tạo: Thành lập Ban chỉ đạo khoa học - chuyển đổi số, đề xuất các sáng kiến cải cách thủ tục hành chính và ứng dụng CNTT vào quản lý văn bản, lưu trữ.',
        '- Phong trào thi đua ngành giáo dục, y tế, an ninh quốc phòng... đạt kết quả nổi bật: 100% học sinh tốt nghiệp THCS; trên 98% dân số tham gia BHYT; Hoàn thành 100% chỉ tiêu tuyển quân; An ninh chính trị, trật tự xã hội giữ vững ổn định.',
    ]),
    "propaganda": "\n".join([
        '- Ủy ban nhân dân xã Nam Thanh Miện đã tổ chức thực hiện tuyên truyền trên hệ thống trang thông tin, truyền thanh xã, pano, khẩu hiệu nhân kỷ niệm các ngày lễ lớn, kết hợp thi đua thực hiện nhiệm vụ chính trị, xã hội tại địa phương.',
        '- Ủy ban nhân dân xã ban hành Công văn và hướng dẫn thực hiện công tác tăng cường công tác tuyên truyền phong trào thi đua yêu nước, điển hình tiên tiến, hướng tới kỷ niệm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc, ngày truyền thống thi đua yêu nước (11/6) hàng năm. Hàng tháng, giới thiệu tối thiểu 01 gương người tốt, việc tốt, các nhân tố điển hình của các phòng, ban, đơn vị, địa phương để tuyên truyền trên các phương tiện thông tin đại chúng của xã (Đài Phát thanh, Cổng thông tin điện tử của xã); đồng thời để xã lựa chọn giới thiệu tuyên truyền trên Đài Phát thanh và Truyền hình Hải Phòng, Cổng thông tin điện tử của xã, Thành phố.',
        '- Ủy ban nhân dân xã thường xuyên quan tâm chỉ đạo công tác phát hiện, bồi dưỡng, tuyên truyền, nhân rộng các điển hình tiên tiến nhằm quán triệt sâu sắc lời dạy của Bác “Mỗi người tốt, việc tốt là một bông hoa đẹp”, việc phát hiện, chăm chút “bông hoa đẹp” chính là nhân rộng điển hình tiên tiến để thúc đẩy các phong trào thi đua, nâng cao chất lượng nhằm hoàn thành xuất sắc các nhiệm vụ đề ra. Việc phát hiện các gương điển hình tiên tiến thông qua quá trình tổ chức, triển khai và thực hiện các phong trào thi đua do trung ương, thành phố, huyện phát động, đó là những tập thể, cá nhân, hộ gia đình có thành tích tiêu biểu, xuất sắc trong lao động sản xuất, kinh doanh, học tập, công tác và chiến đấu; có sáng tạo, sáng kiến cải tiến kỹ thuật, phương pháp quản lý, ứng dụng khoa học kỹ thuật, công nghệ; là nhân tố tích cực, dẫn đầu trong các phong trào thi đua, gương mẫu chấp hành chủ trương đường lối của Đảng, chính sách pháp luật của Nhà nước gắn với việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.',
        '- Công tác tuyên truyền về các gương điển hình tiên tiến, gương người tốt, việc tốt được thực hiện thường xuyên, bằng nhiều hình thức: tuyên truyền trên Cổng thông tin điện tử, Đài truyền thanh xã; tổ chức trao đổi, giao lưu, học tập kinh nghiệm thông qua các hình thức hội nghị tọa đàm hoặc tham quan thực tế, tạo điều kiện để các điển hình tiên tiến được báo cáo những kinh nghiệm, những phương pháp, cách làm mới, sáng tạo, hiệu quả; tuyên truyền thông qua các hoạt động văn hóa, văn nghệ, cổ động trực quan..., tôn vinh những tấm gương người tốt, việc tốt, những cách làm hay, những nhân tố mới trong đời sống, công tác, chiến đấu, lao động sản xuất.',
        '- Bên cạnh đó, để đẩy mạnh các phong trào thi đua trên các lĩnh vực giáo dục, lao động, sản xuất nhằm phát hiện, ươm mầm, bồi dưỡng, động viên, nhân rộng những cá nhân có thành tích xuất sắc trong quá trình học tập, lao động, sản xuất, Ủy ban nhân dân xã đã ban hành kế hoạch triển khai, xây dựng quỹ tài năng trẻ của xã bằng nguồn xã hội hóa. Hàng năm, Ủy ban nhân dân xã tổ chức biểu dương, khen thưởng các cá nhân có thành tích xuất sắc trong dịp kỷ niệm ngày nhà giáo Việt Nam 20/11.',
    ]),
    "exemplars_intro": "\n".join([
        'Công tác khen thưởng trên địa bàn xã được thực hiện theo đúng quy trình, quy chế, điều kiện, tiêu chuẩn theo quy định, bảo đảm khen thưởng chính xác, công khai, công bằng và kịp thời, có tác dụng giáo dục, nêu gương, phát hiện những điển hình tiên tiến, nhân tố mới thông qua các phong trào thi đua và thực hiện nhiệm vụ, việc biểu dương khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trên các lĩnh vực đã động viên, khích lệ, tạo động lực thúc đẩy các phong trào thi đua thêm sôi nổi, thu hút các tầng lớp nhân dân tham gia góp phần thực hiện thắng lợi các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh của xã. Cụ thể:',
    ]),
    "lead_giao_duc": "\n".join([
        'Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn xã đạt tập thể lao động tiên tiến nhiều năm liền.',
    ]),
    "lead_y_te": "\n".join([
        'Trạm Y tế xã và cán bộ y tế đạt tỷ lệ tiêm chủng đầy đủ;',
    ]),
    "commendation_renewal": "\n".join([
        'Tăng tỷ lệ khen thưởng cán bộ cơ sở, người trực tiếp lao động sản xuất. Khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong xây dựng nông thôn mới, phòng dịch, chuyển đổi số, giáo dục...',
    ]),
    "commendation_results": "\n".join([
        'Hằng năm, xã đã đề nghị cấp huyện khen thưởng cho trên 60 cá nhân, 20 tập thể, được UBND huyện và các ngành công nhận và trao thưởng.',
    ]),
    "council": "\n".join([
        'Hội đồng thường xuyên họp định kỳ đánh giá kết quả thi đua, tham mưu đề xuất khen thưởng đúng đối tượng. Thực hiện kiểm tra phong trào thi đua tại các cơ quan, đơn vị, trường học, đơn vị sự nghiệp; các thôn ...kịp thời phát hiện nhân tố mới.',
    ]),
    "strengths": "\n".join([
        'Trong những năm qua, phong trào thi đua và công tác khen thưởng trên địa bàn xã luôn nhận được sự lãnh đạo, chỉ đạo quyết liệt của Ban Thường vụ Đảng uỷ, UBND xã, sự phối hợp chặt chẽ của Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội, đặc biệt là sự quan tâm lãnh đạo, chỉ đạo của các cấp các ngành, sự phối hợp có hiệu quả cùng với sự nỗ lực phấn đấu của toàn thể cán bộ, công chức, viên chức, người lao động và các tầng lớp nhân dân; các phong trào thi đua yêu nước trên địa bàn xã đã diễn ra liên tục, thường xuyên, hiệu quả, thúc đẩy việc thực hiện các nhiệm vụ về phát triển kinh tế - xã hội, quốc phòng - an ninh của xã. Công tác khen thưởng ngày một nâng cao về chất lượng, tăng tỷ lệ khen thưởng đối với người trực tiếp lao động sản xuất. Hoạt động của các khối thi đua trên địa bàn xã dần đi vào nền nếp. Đội ngũ nhân sự trực tiếp làm công tác thi đua, khen thưởng ngày càng được nâng cao về nhận thức và chuyên môn nghiệp vụ. Hội đồng Thi đua - Khen thưởng thường xuyên được kiện toàn và phát huy được vai trò, nhiệm vụ của mình trong việc tổ chức, bình xét thi đua, khen thưởng, đảm bảo được tính dân chủ, công bằng. Việc tôn vinh, nhân rộng các điển hình tiên tiến được thực hiện kịp thời, có tính giáo dục và tính nêu gương cao. Các phong trào thi đua trên địa bàn xã ngày càng đi vào chiều sâu...',
    ]),
    "weaknesses": "\n".join([
        '- Việc tổ chức phổ biến, tuyên truyền, triển khai thực hiện pháp luật về thi đua, khen thưởng có lúc, có nơi chưa được thường xuyên.',
        '- Phong trào thi đua ở một số nơi còn mang tính hình thức, chưa phát triển đồng đều, thiếu tính bền vững.',
        '- Việc xây dựng, nhân rộng các mô hình, điển hình tiên tiến đôi khi còn chậm, chưa tạo được sức lan tỏa sâu rộng như kỳ vọng.',
        '- Cán bộ, công chức làm công tác thi đua, khen thưởng thực hiện nhiệm vụ có lúc chưa sát, chưa thực sự hiệu quả.',
    ]),
    "causes": "\n".join([
        '- Nhận thức về vai trò, tầm quan trọng của công tác TĐKT của một số cấp ủy, lãnh đạo đơn vị (cũ) chưa thực sự sâu sắc. Công tác kiểm tra, đôn đốc, sơ kết, tổng kết có lúc chưa thường xuyên.',
        '- Cán bộ, công chức làm công tác thi đua, khen thưởng thực hiện nhiệm vụ kiêm nhiệm nhiều công việc, chưa có cán bộ chuyên trách.',
    ]),
    "lessons": "\n".join([
        '- Gắn thi đua với nhiệm vụ chính trị cụ thể; đổi mới, linh hoạt, thực chất, không hình thức; phát huy vai trò nêu gương của người đứng đầu.',
        '- Tăng cường nhân lực để thực hiện công tác thi đua khen thưởng một cách chuyên sâu và đồng bộ.',
    ]),
    "goals": "\n".join([
        '- Đổi mới mạnh mẽ công tác thi đua - khen thưởng; tạo khí thế thi đua sôi nổi, rộng khắp, góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030.',
        '- Công tác khen thưởng giữ vững nguyên tắc minh bạch, công bằng, nêu gương tiếp tục tôn vinh người tốt, việc tốt.',
        '- Đổi mới và số hóa trong quản lý thi đua, khen thưởng (áp dụng của Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP,...).',
    ]),
    "targets": "\n".join([
        '- 100% cơ quan, đơn vị đăng ký giao ước thi đua hàng năm.',
        '- Trên 90% cá nhân, tập thể đạt danh hiệu lao động tiên tiến.',
        '- 100% cán bộ công chức hoàn thành nhiệm vụ, trong đó 80% hoàn thành tốt trở lên.',
        '- Hoàn thành phong trào thi đua “Chuyển đổi số toàn diện”; nâng cao hiệu quả mô hình “Chính quyền thân thiện, phục vụ nhân dân”; đẩy mạnh các phong trào thi đua trọng điểm: Nông thôn mới kiểu mẫu, bảo vệ môi trường, giáo dục chất lượng cao...',
        '- Hằng năm, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đạt vững mạnh 100%, không có tổ chức yếu kém.',
        '- Thu nhập bình quân đầu người/năm đến năm 2030 đạt 140 triệu đồng.',
        '- Tỷ lệ hộ nghèo đa chiều đến năm 2030 còn dưới 1,0%.',
        '- Phấn đấu hằng năm có trên 96% số hộ đạt danh hiệu “Gia đình văn hóa”, duy trì và giữ vững danh hiệu 17/17 “Làng văn hóa”.',
        '- Phấn đấu năm 2027 xã đạt nông thôn mới nâng cao; năm 2030 đạt nông thôn mới kiểu mẫu.',
        '- Hằng năm, tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt trên 95%; tỷ lệ hồ sơ trực tuyến đạt 80%.',
        '- Đến năm 2030, có > 85% hồ sơ thủ tục hành chính trực tuyến.',
        '- Hằng năm, hoàn thành 100% chỉ tiêu giao quân. Ban Chỉ huy Quân sự xã giữ vững danh hiệu đơn vị quyết thắng.',
        '- Công an xã giữ vững là đơn vị tiên tiến, quyết thắng, 17/17 làng và các cơ quan đạt danh hiệu làng an toàn, cơ quan doanh nghiệp an toàn về an ninh trật tự.',
        '- Đến năm 2027, chính quyền xã được công nhận đạt chuẩn “Chính quyền thân thiện”.',
    ]),
    "tasks": "\n".join([
        'Tiếp tục quán triệt, tuyên truyền đường lối, chủ trương của Đảng, tư tưởng về thi đua yêu nước của Chủ tịch Hồ Chí Minh; chính sách, pháp luật của Nhà nước về thi đua khen thưởng, gắn việc tổ chức các phong trào thi đua với việc “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”. Tổ chức thực hiện có hiệu quả Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị “về tiếp tục đổi mới công tác thi đua, khen thưởng”, Luật thi đua, khen thưởng và các văn bản hướng dẫn thi hành để nâng cao hơn nữa nhận thức của cán bộ, đảng viên, công chức, viên chức và người lao động về vị trí, vai trò của công tác thi đua, khen thưởng. Thực hiện đồng bộ các giải pháp nhằm tạo bước chuyển biến mạnh về chất trong các phong trào thi đua. Tiếp tục phát huy truyền thống thi đua yêu nước với tinh thần chủ động sáng tạo, bám sát các mục tiêu kinh tế - xã hội của thành phố. Cùng với việc tổ chức phát động, sơ kết, tổng kết phong trào thi đua, quan tâm chú trọng phát động các phong trào thi đua theo đợt, chuyên đề với nội dung, hình thức phù hợp.',
    ]),
    "solutions": "\n".join([
        '1. Tăng cường hơn nữa vai trò lãnh đạo của các cấp uỷ Đảng, chính quyền, sự quản lý của Nhà nước, phát huy vai trò của các đoàn thể đối với công tác thi đua, khen thưởng. Người đứng đầu cơ quan, đơn vị phải trực tiếp lãnh đạo và chịu trách nhiệm về chất lượng, hiệu quả công tác thi đua khen thưởng; phát huy tốt vai trò tiên phong, gương mẫu và là hạt nhân trong các phong trào thi đua ở cơ sở;Củng cố và nâng cao năng lực của Hội đồng Thi đua - Khen thưởng, Xây dựng tiêu chí đánh giá thi đua theo hướng lượng hóa rõ ràng.',
        '2. Đổi mới nội dung, hình thức, phương pháp tổ chức các phong trào thi đua yêu nước theo hướng: bám sát nhiệm vụ chính trị, nhiệm vụ trọng tâm, trọng điểm, tổ chức đa dạng các hình thức tổ chức như sinh hoạt chuyên đề, sinh hoạt chi bộ, tổ chức các cuộc thi, thuyết trình, tổ chức các chương trình học tập kinh nghiệm trong và ngoài nước... Nội dung, mục tiêu phong trào phải được cụ thể hóa, phù hợp với điều kiện thực tế của đơn vị.',
        '3. Nghiên cứu cân đối nguồn kinh phí dành một phần cho các đợt khen thưởng chuyên đề, đột xuất.',
        '4. Thường xuyên tổ chức thực hiện việc kiểm tra, giám sát, chú trọng sơ kết, tổng kết phong trào thi đua, công tác khen thưởng, phát hiện nhân tố mới, cách làm hay để rút kinh nghiệm và nhân rộng.',
        '5. Tăng cường công tác thông tin, tuyên truyền, đổi mới phương thức, hình thức biểu dương các tập thể, cá nhân trong công tác thi đua, khen thưởng.',
    ]),
    "closing": "\n".join([
        'Trên đây là báo cáo Tổng kết phong trào thi đua, công tác khen thưởng 5 năm giai đoạn 2020-2025 và phương hướng, nhiệm vụ thi đua, khen thưởng giai đoạn 2025 - 2030 của UBND xã Nam Thanh Miện./.',
    ]),
    "recipients": "\n".join([
        '- Ban Thi đua Khen thưởng thành phố;',
        '- Thường trực Đảng ủy;',
        '- Thường trực Hội đồng nhân dân;',
        '- Chủ tịch, các PCT UBND xã;',
        '- UBMTTQ, các tổ chức CT-XH xã;',
        '- Hội đồng TĐKT xã;',
        '- Lưu: VT.',
    ]),
    "signer_lines": "\n".join([
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
    ]),
    "signer_name": "\n".join([
        'Vũ Văn Nguyễn',
    ]),
}
