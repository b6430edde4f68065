namespace PolicyIngest.Extract.Matching;

/// <summary>
/// Which industries a sector named in a policy holds, as GB/T 4754-2017 and the policies group them: 制造业 holds every
/// manufacturing division, also those whose names do not say 制造 (农副食品加工业, 纺织业, 金属制品业 …); 商贸流通业
/// holds 批发, 零售 and 住宿餐饮; 软件信息服务业 is 软件和信息技术服务业 written short; 文化产业 holds the culture trades of
/// the national 文化及相关产业分类. Used only for judging whether an enterprise's industry, as it writes it, falls
/// under a sector a clause names; the clause text is never changed.
/// </summary>
public static class IndustryFamilies
{
    private sealed record Family(string[] Names, string[] Members);

    private static readonly Family[] Families =
    [
        new(["制造业", "先进制造业", "工业"],
            ["制造", "加工", "冶炼", "纺织", "烟草制品", "造纸", "印刷", "金属制品", "废弃资源综合利用", "设备修理", "仪器仪表",
             "集成电路", "芯片", "传感器", "机器人", "装备", "汽车零部件", "新材料", "生物医药", "医疗器械", "体外诊断"]),
        new(["软件和信息技术服务业", "软件信息服务业", "软件和信息服务业", "信息技术服务业", "软件业", "信息服务业"],
            ["软件", "信息技术服务", "信息服务", "人工智能", "大模型", "互联网", "数据服务", "云计算", "集成电路设计"]),
        new(["商贸流通业", "商贸流通", "商贸服务业", "批发和零售业", "批发零售", "商业"],
            ["批发", "零售", "便利店", "超市", "商场", "百货", "连锁", "住宿", "餐饮", "电子商务", "电商"]),
        new(["住宿和餐饮业", "住宿餐饮"], ["住宿", "餐饮", "饭店", "酒店"]),
        new(["文化产业", "文化及相关产业", "文化企业", "文化"],
            ["文化", "创意", "设计服务", "动漫", "游戏", "影视", "电影", "出版", "广播电视", "网络视听", "演艺", "艺术", "书店", "文旅"]),
    ];

    /// <summary>Whether an enterprise's own industry falls under a sector a clause names (both as written, any spacing).</summary>
    public static bool Holds(string sector, string industry)
    {
        foreach (var family in Families)
        {
            if (!family.Names.Any(n => Same(sector, n))) continue;
            if (family.Names.Any(n => industry.Contains(n, StringComparison.Ordinal))
                || family.Members.Any(m => industry.Contains(m, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary>A sector named with or without its 企业/产业/领域/行业 ending, or a region in front (北京市文化产业).</summary>
    private static bool Same(string sector, string name)
    {
        var s = sector;
        foreach (var suffix in new[] { "企业", "领域", "行业" }) if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length + 1) s = s[..^suffix.Length];
        return s == name || s.EndsWith(name, StringComparison.Ordinal) && s.Length - name.Length <= 4 && (s[..^name.Length].EndsWith('市') || s[..^name.Length].EndsWith('区') || s[..^name.Length].EndsWith('省'));
    }
}
