using System.Globalization;
using System.Text;

namespace PolicyIngest.Segmentation.Tests;

/// <summary>
/// Reads the Python literals of jieba's finalseg tables (<c>P={'B': {'\u4e00': -3.65, …}, …}</c>):
/// dicts, quoted strings with \u escapes, and floats. Nothing else of Python. The reference the shipped
/// models/jieba/hmm.tsv is checked against (<see cref="JiebaModelFilesTest"/>); the product never reads Python.
/// </summary>
internal static class PythonLiteral
{
    /// <summary>The value assigned to <paramref name="name"/> (e.g. <c>P</c>) in a module's source.</summary>
    public static object ParseAssignment(string source, string name)
    {
        var at = 0;
        while (true)
        {
            at = source.IndexOf(name, at, StringComparison.Ordinal);
            if (at < 0) throw new FormatException($"no assignment to {name}");
            var before = at == 0 ? '\n' : source[at - 1];
            var after = at + name.Length;
            while (after < source.Length && source[after] == ' ') after++;
            if ((before == '\n' || before == ' ') && after < source.Length && source[after] == '=')
            {
                var reader = new Reader(source, after + 1);
                return reader.Value();
            }
            at += name.Length;
        }
    }

    private sealed class Reader(string text, int position)
    {
        private int _pos = position;

        public object Value()
        {
            SkipSpace();
            var c = text[_pos];
            if (c == '{') return Dict();
            if (c is '\'' or '"') return Str();
            return Number();
        }

        private Dictionary<string, object> Dict()
        {
            var dict = new Dictionary<string, object>(StringComparer.Ordinal);
            _pos++;
            while (true)
            {
                SkipSpace();
                if (text[_pos] == '}') { _pos++; return dict; }
                var key = Str();
                SkipSpace();
                Expect(':');
                dict[key] = Value();
                SkipSpace();
                if (text[_pos] == ',') _pos++;
            }
        }

        private string Str()
        {
            SkipSpace();
            var quote = text[_pos++];
            if (quote is not ('\'' or '"')) throw Error("string expected");
            var sb = new StringBuilder();
            while (text[_pos] != quote)
            {
                var c = text[_pos++];
                if (c != '\\') { sb.Append(c); continue; }
                var e = text[_pos++];
                switch (e)
                {
                    case 'u':
                        sb.Append((char)int.Parse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 4;
                        break;
                    case 'U':
                        sb.Append(char.ConvertFromUtf32(int.Parse(text.AsSpan(_pos, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                        _pos += 8;
                        break;
                    case 'x':
                        sb.Append((char)int.Parse(text.AsSpan(_pos, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 2;
                        break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    default: sb.Append(e); break;
                }
            }
            _pos++;
            return sb.ToString();
        }

        private double Number()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '-' or '+' or '.' or 'e' or 'E')) _pos++;
            if (start == _pos) throw Error("number expected");
            return double.Parse(text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private void Expect(char c)
        {
            if (text[_pos] != c) throw Error($"'{c}' expected");
            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private FormatException Error(string what) => new($"{what} at offset {_pos}");
    }
}
