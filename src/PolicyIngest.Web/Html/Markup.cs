using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PolicyIngest.Web.Html;

/// <summary>HTML that is already safe to write: built only by <see cref="Html.H"/> (which encodes every hole) or <see cref="Html.Raw"/>.</summary>
public sealed class Markup
{
    internal Markup(string value) => Value = value;

    public string Value { get; }

    public static Markup Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Builds HTML from an interpolated string: literal parts are written as they are, every interpolated value is
/// HTML-encoded unless it is itself <see cref="Markup"/> (or a sequence of it). Encoding is the default; nothing
/// reaches a page unencoded by forgetting.
/// </summary>
[InterpolatedStringHandler]
public readonly struct HtmlInterpolation
{
    private readonly StringBuilder _builder;

    public HtmlInterpolation(int literalLength, int formattedCount) =>
        _builder = new StringBuilder(literalLength + formattedCount * 24);

    public void AppendLiteral(string literal) => _builder.Append(literal);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case null: return;
            case Markup m: _builder.Append(m.Value); return;
            case IEnumerable<Markup> many:
                foreach (var m in many) _builder.Append(m.Value);
                return;
            case IFormattable f: _builder.Append(Html.Encode(f.ToString(format, CultureInfo.InvariantCulture))); return;
            default: _builder.Append(Html.Encode(value.ToString())); return;
        }
    }

    internal Markup ToMarkup() => new(_builder.ToString());
}

public static class Html
{
    // Encodes < > & " ' and controls; leaves CJK as characters so pages stay readable at the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Markup H(HtmlInterpolation html) => html.ToMarkup();

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    /// <summary>Only for constant markup written in this project (CSS, fixed fragments); never for data.</summary>
    public static Markup Raw(string trustedConstant) => new(trustedConstant);

    public static Markup Join(IEnumerable<Markup> items, string separator = "") =>
        new(string.Join(separator, items.Select(m => m.Value)));

    public static Markup When(bool condition, Func<Markup> markup) => condition ? markup() : Markup.Empty;

    /// <summary>A query string of non-empty values, each escaped: <c>?q=%E8%B4%B4&amp;page=2</c> once HTML-encoded.</summary>
    public static string Query(params (string Name, string? Value)[] args)
    {
        var parts = args.Where(a => !string.IsNullOrEmpty(a.Value))
            .Select(a => $"{Uri.EscapeDataString(a.Name)}={Uri.EscapeDataString(a.Value!)}")
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
