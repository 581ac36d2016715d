/// Line breaking for chart labels, as a typesetter would do it: breaks fall at phrase boundaries
/// (after punctuation, around 的/与/和 joints, around Latin and digit runs), never inside a Latin
/// word, a number with its unit or a date range; lines are balanced and no line holds a single
/// character of a longer label. The result is the label's own text with "\n" between lines,
/// so the full name is always in the scene.
enum ChartLabelLines {
    /// An unbreakable piece of a label and the cost of breaking the line after it.
    struct Atom { var text: String; var breakAfter: Double; var characters: Int }

    /// Breaking after this atom is not allowed.
    static let forbidden = Double.infinity

    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】", ",", ".", ")", ";", ":", "%", "％", "·"]
    static let opening: Set<Character> = ["（", "「", "『", "“", "‘", "《", "〈", "【", "(", "["]
    static let phraseEnd: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "》", "】", ",", ";", ":", ")", "/", "／"]
    /// Joints a phrase ends after (的, 与, 和 …): a good place for a line to end.
    static let joints: Set<Character> = ["的", "与", "和", "及", "或", "之", "暨", "并", "兼"]
    /// Characters that bind to the character before (工厂, 综合体, 产业园): breaking before them splits a word.
    static let suffixes: Set<Character> = Set("厂体园区村镇馆站业化性者场街路城港院所局部室处村社厅楼库湾岛线点期届号类型式率额量值数")
    /// Characters that attach to a number before them: 12万元, 2022年, 3个, 5G.
    static let numberUnits: Set<Character> = Set("万亿千百元年月日时分秒号个家条项户人次届期倍%％件套台辆座所名位栋层米里克吨斤亩平方")
    /// Common two-character words of report labels: a break between their characters costs more.
    static let words: Set<String> = {
        let list = """
        产业 工厂 培育 综合 项目 建设 发展 数字 经济 未来 社区 乡村 振兴 共同 富裕 示范 集体 收入 企业 智能 制造 服务 中心 \
        创新 科技 文化 旅游 生态 环境 交通 基础 设施 改造 提升 工程 城市 更新 街道 亚运 场馆 链主 专精 特新 重点 工作 \
        改革 开放 平台 园区 基地 医疗 教育 卫生 健康 养老 体育 农业 农村 农民 工业 商业 金融 物流 电商 数智 城区 大脑 \
        治理 安全 应急 消防 水利 能源 电力 通信 网络 信息 人才 就业 创业 投资 招商 引资 出口 进口 外贸 消费 市场 质量 \
        标准 品牌 规划 土地 住房 保障 公共 民生 财政 税收 总额 增长 增速 同比 规模 以上 高新 技术 研发 专利 新兴 战略 \
        先进 装备 生物 医药 汽车 零部件 新材料 材料 数据 智慧 实验 学校 医院 公园 绿道 地铁 高铁 铁路 公路 道路 桥梁 \
        湿地 森林 河道 美丽 文明 党建 组织 干部 群众 志愿 社会 政府 部门 机关 单位 公司 集团 有限 股份 合作 联合 国际 \
        全国 全省 全市 全区 临平 杭州 浙江 余杭 运河 良渚 塘栖 星桥 南苑 东湖 乔司 崇贤 开发 经营 运营 管理 制度 体系 \
        机制 模式 样板 标杆 试点 典型 案例 行动 计划 方案 目标 任务 指标 成效 成果 亮点 特色 优势 能力 水平 效率 效益 \
        纺织 布艺 集成 电路 规模 联盟 设计 配套 试点 核心 小镇 融合 示范 提升 面积 人口 户数 家庭 居民 村民 职工 学生 儿童 老人 妇女 青年 产品 产值 营收 利润 资产 资金 补助 奖励 荣誉 称号
        """
        return Set(list.split(separator: " ").map(String.init).filter { $0.count == 2 })
    }()

    static func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static let rangeDashes: Set<Character> = ["-", "–", "—", "~", "～", "至"]

    /// Splits a label into atoms: each CJK character alone, Latin words and numbers (with their
    /// inner . , - ' and a following unit, a date range's dash) whole, punctuation glued to its side.
    /// Pieces are built by appending characters: `String(_:)` of a character slice or array is the
    /// generic sequence initialiser, whose first use of a run resolves types by name (~0.1 ms).
    static func atoms(_ text: String) -> [Atom] {
        let chars = Array(text)
        var atoms: [Atom] = []
        var i = 0
        while i < chars.count {
            var j = i + 1
            if isLatin(chars[i]) {
                // A Latin word or number, with inner punctuation and hyphens (e-commerce, 3.5, 1,200).
                while j < chars.count {
                    let c = chars[j]
                    if isLatin(c) { j += 1; continue }
                    if ".,'’-_&+".contains(c), j + 1 < chars.count, isLatin(chars[j + 1]) { j += 2; continue }
                    break
                }
                // A number keeps its unit (12万元, 2022年) and a date range its dash (2020—2022年).
                if isDigit(chars[j - 1]) {
                    while j < chars.count, numberUnits.contains(chars[j]) { j += 1 }
                    if j + 1 < chars.count, rangeDashes.contains(chars[j]), isDigit(chars[j + 1]) {
                        j += 1
                        while j < chars.count, isLatin(chars[j]) || chars[j] == "." { j += 1 }
                        while j < chars.count, numberUnits.contains(chars[j]) { j += 1 }
                    }
                }
            }
            // Closing punctuation never starts a line; opening punctuation never ends one.
            while j < chars.count, closing.contains(chars[j]) { j += 1 }
            var piece = ""
            for k in i..<j { piece.append(chars[k]) }
            var count = j - i
            if let last = atoms.last, last.breakAfter == forbidden {
                piece = last.text + piece
                count += last.characters
                atoms.removeLast()
            }
            atoms.append(Atom(text: piece, breakAfter: 0, characters: count))
            if opening.contains(chars[j - 1]) { atoms[atoms.count - 1].breakAfter = forbidden }
            i = j
        }
        // Costs of breaking between neighbours.
        for k in atoms.indices.dropLast() {
            guard atoms[k].breakAfter != forbidden else { continue }
            let a = atoms[k].text.last!, b = atoms[k + 1].text.first!
            atoms[k].breakAfter = breakCost(after: a, before: b, pair: { var p = String(a); p.append(b); return p }())
        }
        if let last = atoms.indices.last { atoms[last].breakAfter = 0 }
        return atoms
    }

    static func breakCost(after a: Character, before b: Character, pair: String) -> Double {
        if phraseEnd.contains(a) || opening.contains(b) { return 0 }
        if joints.contains(a) { return 1 }
        if isLatin(a) != isLatin(b) || a == " " || b == " " { return 2 }
        if words.contains(pair) { return 60 }
        if suffixes.contains(b) { return 30 }
        return 8
    }

    /// Cost of each line beyond the fewest possible: one more line is worth it to avoid a word break.
    static let extraLine = 30.0

    /// The best breaking of `atoms` into at most `maxLines` lines no wider than `width`: the fewest
    /// lines, or one more when that avoids breaking a word, at the lowest cost (break penalties
    /// plus imbalance); nil when none exists. `widths[i]` is the advance of atom i.
    static func best(_ atoms: [Atom], widths: [Double], width: Double, maxLines: Int) -> [Range<Int>]? {
        var found: (ranges: [Range<Int>], cost: Double)?
        var fewest: Int?
        for lines in 1...Swift.max(1, Swift.min(maxLines, atoms.count)) {
            if let f = fewest, lines > f + 1 { break }
            guard let r = breaking(atoms, widths: widths, width: width, lines: lines) else { continue }
            if fewest == nil { fewest = lines }
            let cost = r.cost + extraLine * Double(lines - fewest!)
            if found == nil || cost < found!.cost { found = (r.ranges, cost) }
        }
        return found?.ranges
    }

    /// The cheapest breaking into exactly `lines` lines.
    static func breaking(_ atoms: [Atom], widths: [Double], width: Double, lines: Int)
        -> (ranges: [Range<Int>], cost: Double)? {
        let n = atoms.count
        guard n > 0 else { return ([], 0) }
        var prefix = [0.0]
        for w in widths { prefix.append(prefix.last! + w) }
        var chars = [0]
        for a in atoms { chars.append(chars.last! + a.characters) }
        let total = prefix[n]
        let totalChars = chars[n]
        do {
            guard total <= width * Double(lines) + 1e-9 else { return nil }
            let target = total / Double(lines)
            // cost[l][j]: best cost of putting atoms[0..<j] on l lines.
            var cost = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: lines + 1)
            var from = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: lines + 1)
            cost[0][0] = 0
            for l in 1...lines {
                for j in l...n {
                    for i in (l - 1)..<j {
                        guard cost[l - 1][i].isFinite else { continue }
                        let w = prefix[j] - prefix[i]
                        guard w <= width + 1e-9 else { continue }
                        // No lone character on a line of a longer label.
                        if totalChars > 1, chars[j] - chars[i] < 2 { continue }
                        let penalty = j < n ? atoms[j - 1].breakAfter : 0
                        guard penalty.isFinite else { continue }
                        let d = (w - target) / Swift.max(target, 1e-9)
                        let c = cost[l - 1][i] + penalty + 60 * d * d
                        if c < cost[l][j] { cost[l][j] = c; from[l][j] = i }
                    }
                }
            }
            guard cost[lines][n].isFinite else { return nil }
            var ranges: [Range<Int>] = []
            var j = n
            for l in stride(from: lines, to: 0, by: -1) {
                let i = from[l][j]
                ranges.append(i..<j)
                j = i
            }
            return (ranges.reversed(), cost[lines][n])
        }
    }

    /// The label set one character (or Latin/number atom) per line, for vertical CJK labels.
    static func vertical(_ atoms: [Atom]) -> String {
        atoms.map(\.text).joined(separator: "\n")
    }

    static func join(_ atoms: [Atom], _ ranges: [Range<Int>]) -> String {
        ranges.map { r in atoms[r].map(\.text).joined() }.joined(separator: "\n")
    }
}
