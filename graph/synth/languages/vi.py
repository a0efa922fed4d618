"""Vietnamese: the long route from Vietnam to the UK, and Vietnamese travellers at Calais."""

from graph.synth.templates import BenignPhrases, Language

BENIGN = BenignPhrases(
    ferry=(
        "✈️ {name}: vé máy bay {dep} – {dest} giá từ {price}. Chuyến bay {day} {date} lúc {time}. Đại "
        "lý vé được cấp phép, xuất vé ngay",
        "Thông báo: chuyến {time} ngày {date} từ {dep} đi {dest} bị hoãn do thời tiết. Hành khách "
        "được chuyển sang chuyến sau, hoàn tiền tại quầy",
        "Du lịch gia đình tại {dest}? Tour {n} ngày khởi hành từ {dep}, giá {price}/người, trẻ em "
        "dưới 4 tuổi miễn phí. {name} hỗ trợ làm visa du lịch hợp pháp",
    ),
    school=(
        "Trung tâm ngoại ngữ {name}: khóa tiếng Anh tại {city}, 20 giờ mỗi tuần, học phí {price}. Hỗ "
        "trợ hồ sơ visa du học. Khai giảng {date}",
        "Du học {dest}! Khóa học cấp tốc, ở cùng gia đình bản xứ, đón tại sân bay. Tư vấn visa du học "
        "miễn phí. Chỉ còn {n} suất",
        "Thi xếp lớp miễn phí {day} tại {name}. Luyện thi IELTS và chuẩn bị hồ sơ visa cho học sinh "
        "đi {dest}",
    ),
    cargo=(
        "📦 {name} gửi hàng {dep} ➡️ {dest} hằng tuần. Giá từ {price}/10 kg, giao tận nhà, bao thuế hải quan",
        "Gửi quà cho gia đình ở {dest}? Nhận hàng {day} {date}, giao trong {n} ngày. Có mã theo dõi "
        "cho mỗi kiện",
        "{name}: xe hàng đi {dest} mỗi {day} lúc {time}. Giấy tờ, thực phẩm, đồ dùng. Có bảo hiểm, "
        "thanh toán khi nhận hàng",
    ),
    charity=(
        "Tàu cứu hộ của chúng tôi đã trở lại vùng biển gần {place}. Tuần trước thủy thủ đoàn đã cứu "
        "{n} người. Mỗi đóng góp đều quý giá",
        "Tình nguyện viên {name} tại {city} cần áo ấm, túi ngủ và sữa cho trẻ em của các gia đình đến "
        "từ {dep}. Nhận đồ {day} lúc {time}",
        "Chiến dịch mùa đông: {n} người đang ngủ ngoài trời gần {place}. {price} mua được một lều và "
        "chăn. Tổ chức từ thiện đã đăng ký, không thu tiền của người di cư",
    ),
    news=(
        "Theo lời những người được phóng viên của chúng tôi phỏng vấn tại {place}, đường dây đưa "
        "người thu {price} mỗi người cho chuyến từ {dep} đến {dest}",
        "TIN NÓNG: một xuồng chở {n} người bị lật gần {place} ngày {date}. Lực lượng bảo vệ bờ biển "
        "cho biết những kẻ đưa người đã nhồi họ lên xuồng hơi. Đọc thêm",
        'Phóng sự: chuyến đi {dep} – {dest} được rao bán trên mạng xã hội với giá {price}, "bao đến '
        'nơi" và "đến nơi mới trả tiền"',
    ),
    jobs=(
        "{name} tuyển dụng: {n} vị trí kho bãi và nông nghiệp tại {dest}, hợp đồng hợp pháp, giấy "
        "phép lao động do chủ sử dụng bảo lãnh. Lương {price}/tháng. Gửi CV",
        "Tuyển tài xế có bằng lái châu Âu cho tuyến {dep} – {dest}. Bắt đầu {date}, có chỗ ở. Công ty "
        "được cấp phép, không thu phí ứng viên",
        "Việc làm thời vụ tại {dest} từ {date}: hái trái cây và khách sạn, {price} thực nhận. Phỏng "
        "vấn tại {city} ngày {day}",
    ),
    registration=(
        "Mã số doanh nghiệp {number}",
        "Giấy phép số {number}",
        "Số đăng ký {number}",
    ),
    quote_intros=(
        "Một tin quảng cáo phóng viên của chúng tôi thấy tuần này:",
        "Đây là những gì đường dây đưa người đăng trên mạng:",
    ),
    contact_lines=(
        "ĐT: {phone}",
        "Gọi hoặc WhatsApp {phone}",
        "Đặt chỗ và thông tin: {phone}",
    ),
    donation_lines=(
        "Ủng hộ: {payment}",
        "Quyên góp: {payment}",
    ),
)

LANGUAGE = Language(
    code="vi",
    name="Vietnamese",
    digit_scripts=("latin",),
    apps=("Zalo", "Zalo", "WhatsApp", "Viber", "Telegram", "zalo", "Signal"),
    country_names={
        "VN": ("Việt Nam", "số Việt Nam"),
        "GB": ("Anh", "số Anh", "UK"),
        "FR": ("Pháp", "số Pháp"),
    },
    handle_labels={},
    places={
        "calais": "Calais",
        "dunkirk": "Dunkirk",
        "boulogne": "Boulogne",
        "gravelines": "Gravelines",
        "wimereux": "Wimereux",
        "uk": "Anh",
        "london": "London",
        "dover": "Dover",
        "hanoi": "Hà Nội",
        "vinh": "Nghệ An",
        "moscow": "Nga",
        "paris": "Pháp",
        "brussels": "Bỉ",
    },
    days=("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"),
    date_formats=("{d}/{m}", "{dd}/{mm}/{y}", "{d}-{m}"),
    time_formats=("{h}h", "{h}h{min}", "{hh}:{min}"),
    money=(("{amount} triệu", 0.027), ("{amount} bảng", 0.85), ("£{amount}", 0.85), ("{amount} đô", 1.1)),
    thousands=(".", ""),
    openers=(
        "🚤 Đi {dest} từ {dep}, tuần này có chuyến",
        "Còn chỗ đi {dest}, xuất phát từ {dep}",
        "Nhận đưa người đi {dest} an toàn, đi từ {dep}",
        "Chuyến mới {dep} ➡️ {dest}",
        "Đi {dest} bằng xe container, trốn trong thùng hàng, không đi thuyền",
        "Bao đi {dest}, đường bay và đường bộ, xuất phát {dep}",
    ),
    pitches=(
        "Bao qua 100%, bị bắt thì đi lại miễn phí",
        "Thuyền mới, máy khỏe, có áo phao cho tất cả mọi người",
        "Tuần này biển êm, tài xế có kinh nghiệm",
        "Nhận cả gia đình, trẻ em nửa giá",
        "Không cần giấy tờ, bên em lo hết",
        "Uy tín, tháng trước nhiều anh em đã qua an toàn",
        "Qua nơi có việc làm ngay, bên em lo chỗ ở",
    ),
    departures=(
        "Khởi hành {day} ngày {date} lúc {time}",
        "Đi tối {day} khoảng {time}",
        "Chuyến tiếp theo ngày {date}, điểm hẹn báo trong ngày",
    ),
    seats=("Chỉ còn {n} chỗ", "Còn {n} suất", "Mỗi chuyến tối đa {n} người"),
    prices=("Giá {price} một người", "Chi phí {price}, đặt cọc một nửa, qua nơi trả nốt", "Trọn gói {price}"),
    phone_lines=(
        "Liên hệ {app} {phone}",
        "Gọi hoặc nhắn {app}: {phone}",
        "📞 {app} {phone}",
        "Inbox hoặc {app} {phone}",
        "Gọi ngay {phone}",
    ),
    new_number_lines=(
        "⚠️ SỐ MỚI {app} {phone}, số cũ sắp khóa",
        "Bên em đổi số, {app} mới: {phone}",
    ),
    handle_lines=("Theo dõi bên em {handle}", "Chi tiết inbox {handle}", "Nhắn tin riêng {handle}"),
    new_account_lines=(
        "Trang cũ bị khóa, mọi người theo dõi trang mới {handle}",
        "Tài khoản mới {handle}, nick cũ bị chặn",
    ),
    payment_lines=("Đặt cọc: {payment}", "Thanh toán qua {payment}", "Chuyển cọc vào {payment}"),
    email_lines=("Email {email}", "Gửi thông tin về {email}"),
    site_lines=("Trang web {site}", "Xem thêm {site}"),
    hub_lines={
        "hotline": ("Khẩn cấp trên biển: {hub}", "Đường dây khẩn cấp {hub}"),
        "famous": ("{hub}", "xem {hub}"),
        "aggregator": ("Tất cả link: {hub}", "Link {hub}"),
    },
    bumps=("UP", "🔝 Vẫn còn chỗ", "Những chỗ cuối cùng!", "Tuần này chắc chắn đi"),
    hashtags=("#dulich #chauau", "#xkld"),
    travel=(
        "✈️ Phòng vé {name}: vé máy bay đi {dest} giá từ {price}, làm visa du lịch, đặt khách sạn. "
        "Hotline {phone}",
        "Tour {dest} 5 ngày 4 đêm, khởi hành hàng tuần. Liên hệ {phone}",
        "Săn vé rẻ đi {dest} chỉ từ {price}. Gọi {phone}",
    ),
    jobs=(
        "Tuyển thợ làm nail tại {city}, lương {price} một tuần, bao ăn ở. Liên hệ {phone}",
        "Cần gấp {n} người phụ bếp nhà hàng ở {city}. Gọi {phone}",
        "Xưởng may ở {city} tuyển công nhân, bắt đầu từ {date}. {phone}",
    ),
    rentals=(
        "Cho thuê phòng trọ ở {city}, {price} một tháng, có điều hòa. {phone}",
        "Cho thuê nhà nguyên căn ở {city}, trống từ {date}. Gọi sau {time}: {phone}",
    ),
    news=(
        "{n} người được cứu trên biển ngày {date}. Ai có thông tin về đường dây đưa người trái phép xin gọi "
        "đường dây nóng {phone}",
        "Cảnh giác với dịch vụ đưa người đi nước ngoài trái phép. Báo tin qua số {phone}",
        "Một xe tải chở {n} người bị phát hiện gần {place}. Đường dây thông tin {phone}",
    ),
    chatter=(
        "Có ai biết giờ đi {dest} hết bao nhiêu không? Nghe nói {price}",
        "Anh em cẩn thận, tuần này biển động, {n} thuyền phải quay lại",
        "Tối nay ai ở {place} không? Bọn em {n} người chờ từ {date}",
    ),
    holiday_places=("Bangkok", "Seoul", "Tokyo", "Đà Nẵng", "Phú Quốc", "Singapore"),
    cities={
        "VN": ("Hà Nội", "Vinh", "Hải Phòng", "Hà Tĩnh"),
        "GB": ("London", "Birmingham", "Manchester"),
    },
    agency_names=("Hoàng Gia", "Sao Việt", "Việt Travel", "Bình Minh"),
    person_names=("Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh", "Phạm Tuấn", "Hoàng Anh"),
    latin_names=("hung.nguyen", "lan.tran", "minh.le", "tuan", "hoanganh", "duc"),
    brand_stems=("dianh", "anhquoc", "vietuk", "sanganh", "dulich", "chaua", "uytin"),
    brand_names=("Đi Anh Uy Tín", "Du Lịch Châu Âu", "Việt Anh Express", "Anh Quốc VIP"),
    benign=BENIGN,
)
