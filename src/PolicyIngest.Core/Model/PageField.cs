namespace PolicyIngest.Core.Model;

/// <summary>A field of a portal page's metadata block (索引号, 文号, 成文日期 …) as printed; Structure reconciles it with the text.</summary>
public sealed record PageField(string Name, string Value)
{
    public const string IndexNumber = "索引号";
    public const string UnifiedNumber = "统一编号";
    public const string Issuer = "发文机关";
    public const string DocNumber = "文号";
    public const string WrittenOn = "成文日期";
    public const string PublishedOn = "发布日期";
    public const string EffectiveFrom = "实施日期";
    public const string ExpiresOn = "失效日期";
    public const string Validity = "有效性";
    public const string Topic = "主题分类";
    public const string Title = "标题";
    public const string Source = "来源";
}
