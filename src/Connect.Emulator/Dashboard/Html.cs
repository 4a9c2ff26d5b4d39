using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Connect.Emulator.Dashboard;

/// <summary>Markup that is already safe to write as is.</summary>
internal readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new(string.Empty);

    public override string ToString() => Value;
}

/// <summary>
/// Builds HTML from interpolated strings: literal parts are written as is, every hole is HTML-encoded unless it is
/// already <see cref="Markup"/>. Encoding is the default, so data from the store can never inject markup.
/// </summary>
internal static class Html
{
    public static Markup H([InterpolatedStringHandlerArgument] ref Handler handler) => new(handler.ToStringAndClear());

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static Markup When(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    /// <summary>A status badge; the CSS colours it by status.</summary>
    public static Markup Status(string? status) => H($"<span class=\"status status-{status ?? "unknown"}\" data-status=\"{status}\">{status ?? "-"}</span>");

    /// <summary>An <c>option</c> element, selected when its value is the current one.</summary>
    public static Markup Option(string value, string label, string? current) =>
        value == current ? H($"<option value=\"{value}\" selected>{label}</option>") : H($"<option value=\"{value}\">{label}</option>");

    [InterpolatedStringHandler]
    public ref struct Handler
    {
        private readonly StringBuilder _builder;

        public Handler(int literalLength, int formattedCount)
        {
            _builder = new StringBuilder(literalLength + (formattedCount * 16));
        }

        public readonly void AppendLiteral(string value) => _builder.Append(value);

        public readonly void AppendFormatted(Markup value) => _builder.Append(value.Value);

        public readonly void AppendFormatted(string? value) => _builder.Append(Encode(value));

        public readonly void AppendFormatted<T>(T value) =>
            _builder.Append(Encode(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()));

        public readonly string ToStringAndClear()
        {
            var text = _builder.ToString();
            _builder.Clear();
            return text;
        }
    }
}
