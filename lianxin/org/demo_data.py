"""The demo organisation: a county highway-management organ, its offices and five stations."""

ORG = ("qingshan", "青山县公路管理段", "organ", "0571-86601234", "青山县城关镇公路路88号")

OFFICES = [
    ("qs-office", "办公室", "0571-86601200"),
    ("qs-maint", "养护科", "0571-86601210"),
    ("qs-roadadmin", "路政科", "0571-86601220"),
    ("qs-party", "党建办", "0571-86601230"),
    ("qs-discipline", "纪检监察室", "0571-86601240"),
]

STATIONS = [
    ("qs-chengguan", "城关公路站", "0571-86602100", "城关镇环城北路12号"),
    ("qs-hekou", "河口公路站", "0571-86602200", "河口镇新街56号"),
    ("qs-shiqiao", "石桥公路站", "0571-86602300", "石桥乡石桥村"),
    ("qs-longquan", "龙泉公路站", "0571-86602400", "龙泉镇龙泉大道3号"),
    ("qs-zhichao", "治超检测站", "0571-86602500", "省道S205线K32处"),
]

# username, name, unit code, position, party member, [(role, unit code), ...]
PEOPLE = [
    ("zhangjianguo", "张建国", "qingshan", "段长", True, [("leader", "qingshan")]),
    ("liguohua", "李国华", "qingshan", "党委书记", True, [("secretary", "qingshan")]),
    ("wangfang", "王芳", "qs-office", "信息管理员", True, [("admin", "qingshan")]),
    (
        "liuzhiqiang",
        "刘志强",
        "qs-office",
        "办公室主任",
        True,
        [("leader", "qs-office"), ("secretary", "qs-office")],
    ),
    ("chenjing", "陈静", "qs-office", "派单员", False, [("dispatcher", "qingshan")]),
    ("zhaoli", "赵丽", "qs-office", "热线话务员", False, [("operator", "qingshan")]),
    ("sunwei", "孙伟", "qs-office", "督办专员", True, [("supervisor", "qingshan")]),
    ("zhouming", "周明", "qs-maint", "养护科科长", True, [("leader", "qs-maint")]),
    ("wumin", "吴敏", "qs-maint", "支部书记", True, [("secretary", "qs-maint")]),
    ("zhenghaitao", "郑海涛", "qs-maint", "技术员", False, [("handler", "qs-maint")]),
    ("fengjianjun", "冯建军", "qs-roadadmin", "路政科科长", True, [("leader", "qs-roadadmin")]),
    ("hexiuying", "何秀英", "qs-roadadmin", "支部书记", True, [("secretary", "qs-roadadmin")]),
    ("xuwenbin", "许文斌", "qs-roadadmin", "路政员", False, [("handler", "qs-roadadmin")]),
    ("gaohongmei", "高红梅", "qs-party", "党建办主任", True, [("leader", "qs-party")]),
    ("linxiaoyan", "林晓燕", "qs-party", "支部书记", True, [("secretary", "qs-party")]),
    (
        "zhouqiang",
        "周强",
        "qs-discipline",
        "纪检监察室主任",
        True,
        [
            ("leader", "qs-discipline"),
            ("secretary", "qs-discipline"),
            ("inspector", "qs-discipline"),
        ],
    ),
    ("malijuan", "马丽娟", "qs-discipline", "纪检员", True, [("inspector", "qs-discipline")]),
    ("wugang", "吴刚", "qs-chengguan", "站长", True, [("leader", "qs-chengguan")]),
    ("huangli", "黄丽", "qs-chengguan", "党支部书记", True, [("secretary", "qs-chengguan")]),
    ("yangfan", "杨帆", "qs-chengguan", "养护工程师", False, [("handler", "qs-chengguan")]),
    ("zhuhong", "朱红", "qs-chengguan", "路政协管员", False, [("handler", "qs-chengguan")]),
    ("xuguoqing", "徐国庆", "qs-hekou", "站长", True, [("leader", "qs-hekou")]),
    ("huchunmei", "胡春梅", "qs-hekou", "党支部书记", True, [("secretary", "qs-hekou")]),
    ("guolei", "郭磊", "qs-hekou", "养护班长", False, [("handler", "qs-hekou")]),
    ("luozhigang", "罗志刚", "qs-shiqiao", "站长", True, [("leader", "qs-shiqiao")]),
    ("liangxiulan", "梁秀兰", "qs-shiqiao", "党支部书记", True, [("secretary", "qs-shiqiao")]),
    ("songtao", "宋涛", "qs-shiqiao", "养护工", False, [("handler", "qs-shiqiao")]),
    ("tangjianping", "唐建平", "qs-longquan", "站长", True, [("leader", "qs-longquan")]),
    ("hanmei", "韩梅", "qs-longquan", "党支部书记", True, [("secretary", "qs-longquan")]),
    ("caoliang", "曹亮", "qs-longquan", "养护工", False, [("handler", "qs-longquan")]),
    ("denghai", "邓海", "qs-zhichao", "站长", True, [("leader", "qs-zhichao")]),
    ("pengliping", "彭丽萍", "qs-zhichao", "党支部书记", True, [("secretary", "qs-zhichao")]),
    ("xiebin", "谢斌", "qs-zhichao", "检测员", False, [("handler", "qs-zhichao")]),
]

# One login for each role, printed by `lianxin demo` and `make run`.
DEMO_LOGINS = [
    ("admin", "wangfang"),
    ("leader", "zhangjianguo"),
    ("secretary", "liguohua"),
    ("dispatcher", "chenjing"),
    ("operator", "zhaoli"),
    ("supervisor", "sunwei"),
    ("inspector", "malijuan"),
    ("handler", "yangfan"),
    ("leader", "wugang"),
    ("secretary", "huangli"),
    ("leader", "gaohongmei"),
]
DEMO_PASSWORD = "lianxin-demo-2026"
