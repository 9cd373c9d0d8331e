using System.Net;

namespace PhaseTracker.IntegrationTests.Pages;

/// <summary>A start tag of a page, with its attributes decoded; for script and style, the raw text inside.</summary>
public sealed record HtmlTag(string Name, IReadOnlyList<(string Name, string Value)> Attributes, string Content)
{
    public string? this[string attribute] =>
        Attributes.Where(a => a.Name.Equals(attribute, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value).FirstOrDefault();

    public bool Has(string attribute) => Attributes.Any(a => a.Name.Equals(attribute, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads the start tags of a page the way a browser's tokenizer does, closely enough for tests: text
/// the page shows ("&amp;lt;img onerror=...&amp;gt;") is not a tag, and an attribute's value is what the
/// browser would see after decoding character references.
/// </summary>
public static class HtmlTags
{
    public static IReadOnlyList<HtmlTag> Read(string html)
    {
        var tags = new List<HtmlTag>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            if (i + 1 >= html.Length)
            {
                break;
            }

            if (!char.IsAsciiLetter(html[i + 1]))
            {
                // An end tag or a doctype: skip to its end; a "<" that is text: skip it.
                i = html[i + 1] is '/' or '!' or '?' ? IndexAfter(html, '>', i) : i + 1;
                continue;
            }

            i++;
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '>' and not '/')
            {
                i++;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            var attributes = new List<(string, string)>();
            while (i < html.Length)
            {
                while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
                {
                    i++;
                }

                if (i >= html.Length || html[i] == '>')
                {
                    i++;
                    break;
                }

                var attributeStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not '=' and not '>' and not '/')
                {
                    i++;
                }

                var attribute = html[attributeStart..i].ToLowerInvariant();
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                var value = "";
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    while (i < html.Length && char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }

                    if (i < html.Length && html[i] is '"' or '\'')
                    {
                        var quote = html[i];
                        var end = html.IndexOf(quote, i + 1);
                        end = end < 0 ? html.Length : end;
                        value = html[(i + 1)..end];
                        i = Math.Min(end + 1, html.Length);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                        {
                            i++;
                        }

                        value = html[valueStart..i];
                    }
                }

                attributes.Add((attribute, WebUtility.HtmlDecode(value)));
            }

            var content = "";
            if (name is "script" or "style")
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                close = close < 0 ? html.Length : close;
                content = html[i..close];
                i = close;
            }

            tags.Add(new HtmlTag(name, attributes, content));
        }

        return tags;
    }

    /// <summary>
    /// True for an address a browser would run or render as a document of its own (javascript:, data:,
    /// vbscript:), however it is cased or padded: browsers drop whitespace and control characters first.
    /// </summary>
    public static bool IsExecutableUrl(string value)
    {
        var compact = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal)
            || compact.StartsWith("data:", StringComparison.Ordinal)
            || compact.StartsWith("vbscript:", StringComparison.Ordinal);
    }

    /// <summary>Every way a tag can carry script or inline style: what a strict Content-Security-Policy blocks.</summary>
    public static IEnumerable<string> InlineScriptOrStyle(IEnumerable<HtmlTag> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Name == "script" && (!tag.Has("src") || !string.IsNullOrWhiteSpace(tag.Content)))
            {
                yield return $"<script> with inline content: {Shorten(tag.Content)}";
            }

            if (tag.Name == "style")
            {
                yield return $"<style> element: {Shorten(tag.Content)}";
            }

            foreach (var (name, value) in tag.Attributes)
            {
                if (name == "style")
                {
                    yield return $"<{tag.Name} style=\"{Shorten(value)}\">";
                }
                else if (name.StartsWith("on", StringComparison.Ordinal) && name.Length > 2)
                {
                    yield return $"<{tag.Name} {name}=\"{Shorten(value)}\">";
                }
            }
        }
    }

    private static int IndexAfter(string html, char c, int from)
    {
        var at = html.IndexOf(c, from);
        return at < 0 ? html.Length : at + 1;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text.Trim() : text[..80].Trim() + "…";
}
