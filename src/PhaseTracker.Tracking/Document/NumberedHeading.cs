using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace PhaseTracker.Tracking;

/// <summary>
/// A record's heading: a number and a title ("### 3. Load Testing Suite", "### ADR-004: Correlation IDs",
/// "### Week 1: Critical Infrastructure"), with the title's span so a writer can replace just the title.
/// </summary>
internal static class NumberedHeading
{
    /// <summary>
    /// Matches the heading's text against a pattern with groups "n" (the number) and
    /// <paramref name="titleGroup"/>; null where the heading is not of that kind.
    /// </summary>
    public static (int Number, int TitleStart, int TitleEnd)? Read(SourceText source, HeadingBlock heading, Regex pattern, string titleGroup = "title")
    {
        if (heading.Inline?.FirstChild is null)
        {
            return null;
        }

        var start = heading.Inline.FirstChild.Span.Start;
        var match = pattern.Match(source.Text[start..source.LineEnd(start)]);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var title = match.Groups[titleGroup];
        var titleStart = start + title.Index;
        var titleEnd = titleStart + title.Length;
        while (titleEnd > titleStart && char.IsWhiteSpace(source.Text[titleEnd - 1]))
        {
            titleEnd--;
        }

        return (number, titleStart, titleEnd);
    }
}
