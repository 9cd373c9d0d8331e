using System.Globalization;
using System.Text;

namespace PhaseTracker.Web.Features.Charts;

/// <summary>
/// How wide a label will be, without a font to measure with: a per-character estimate for a
/// sans-serif face that errs on the wide side, so labels placed by it do not run into each other.
/// </summary>
public static class ChartText
{
    public const string Ellipsis = "…";

    /// <summary>Bold text runs about a tenth wider.</summary>
    private const double BoldFactor = 1.1;

    public static double Width(string? text, double fontSize, bool bold = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        double em = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            em += EmWidth(elements.GetTextElement());
        }

        return em * fontSize * (bold ? BoldFactor : 1);
    }

    /// <summary>The text, shortened with an ellipsis to fit <paramref name="maxWidth"/>; never splits a character.</summary>
    public static string Fit(string? text, double fontSize, double maxWidth, bool bold = false)
    {
        var clean = Collapse(text);
        if (Width(clean, fontSize, bold) <= maxWidth)
        {
            return clean;
        }

        var size = fontSize * (bold ? BoldFactor : 1);
        var budget = maxWidth - Width(Ellipsis, size);
        var result = new StringBuilder();
        double used = 0;
        var elements = StringInfo.GetTextElementEnumerator(clean);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var width = EmWidth(element) * size;
            if (used + width > budget)
            {
                break;
            }

            result.Append(element);
            used += width;
        }

        return result.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>One line of text: runs of white space become one space.</summary>
    public static string Collapse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double EmWidth(string element)
    {
        if (element.Length == 0)
        {
            return 0;
        }

        var c = element[0];
        if (element.Length > 1 || c > '\u2E7F')
        {
            // Emoji, CJK and other wide characters.
            return 1.0;
        }

        // Widths close to DejaVu Sans, the widest face a browser is likely to fall back to; the
        // usual system faces (Segoe UI, San Francisco, Roboto) are narrower.
        return c switch
        {
            ' ' => 0.32,
            'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or 'I' => 0.3,
            'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '-' or '/' => 0.42,
            's' or 'z' or 'c' => 0.56,
            'm' => 0.98,
            'w' => 0.82,
            'M' => 0.87,
            'W' => 0.99,
            '@' or '%' => 0.95,
            >= 'A' and <= 'Z' => 0.72,
            >= '0' and <= '9' => 0.64,
            _ => 0.63,
        };
    }
}
