using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Charts;

/// <summary>
/// Writes SVG markup for a chart inline in a page. Every text and attribute value goes through
/// <see cref="Escape"/>, so a title such as <c>&lt;script&gt;</c> from a document stays text; numbers are
/// written in the invariant culture. No <c>style</c> attributes: the page's Content-Security-Policy
/// forbids inline styles, so charts use presentation attributes and classes from <c>site.css</c>.
/// </summary>
public sealed class SvgWriter
{
    private readonly StringBuilder _markup = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; <see cref="End"/> closes it. Attributes with a null value are left out.</summary>
    public SvgWriter Start(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        Tag(name, attributes);
        _markup.Append('>');
        _open.Push(name);
        return this;
    }

    public SvgWriter End()
    {
        _markup.Append("</").Append(_open.Pop()).Append(">\n");
        return this;
    }

    /// <summary>An element without content.</summary>
    public SvgWriter Element(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        Tag(name, attributes);
        _markup.Append("/>\n");
        return this;
    }

    /// <summary>An element holding text only (<c>text</c>, <c>title</c>, <c>desc</c>).</summary>
    public SvgWriter Text(string name, string? text, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        Tag(name, attributes);
        _markup.Append('>');
        Escape(_markup, text);
        _markup.Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>The tooltip and accessible name of the element just opened.</summary>
    public SvgWriter Title(string text) => Text("title", text);

    public HtmlString ToHtml()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"The SVG element <{_open.Peek()}> was not closed.");
        }

        return new HtmlString(_markup.ToString());
    }

    public override string ToString() => _markup.ToString();

    /// <summary>A coordinate or length as SVG wants it: invariant, at most two decimals.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>Escapes text for XML and HTML alike, and drops characters XML cannot carry (control characters, lone surrogates).</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Escape(builder, text);
        return builder.ToString();
    }

    private void Tag(string name, ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        _markup.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            var text = value switch
            {
                null => null,
                double d => Number(d),
                float f => Number(f),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is null)
            {
                continue;
            }

            _markup.Append(' ').Append(attribute).Append("=\"");
            Escape(_markup, text);
            _markup.Append('"');
        }
    }

    private static void Escape(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                case '\t' or '\n' or '\r':
                    builder.Append(' ');
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
