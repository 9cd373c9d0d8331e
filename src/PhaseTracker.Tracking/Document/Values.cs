using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PhaseTracker.Tracking;

/// <summary>How single field values read and write: status, effort, priority, dates, marks.</summary>
public static partial class Values
{
    public static readonly string[] PriorityLabels = ["Critical", "High", "Medium", "Low"];

    /// <summary>The pipeline for single values: CommonMark inlines, nothing else.</summary>
    private static readonly MarkdownPipeline InlinePipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>Splits "🟡 **Left Untouched** (local edits exist)" into emoji, label and note.</summary>
    public static (string? Emoji, string? Label, string? Note) ReadStatus(string value)
    {
        if (value.Length == 0)
        {
            return (null, null, null);
        }

        var paragraph = Markdown.Parse(value, InlinePipeline).OfType<ParagraphBlock>().FirstOrDefault();
        var strong = paragraph?.Inline?.OfType<EmphasisInline>().FirstOrDefault(e => e.DelimiterCount == 2);
        if (strong is not null && strong.Span.Start >= 0)
        {
            var emoji = value[..strong.Span.Start].Trim();
            var note = value[(strong.Span.End + 1)..].Trim();
            if (note.Length > 1 && note[0] == '(' && note[^1] == ')')
            {
                note = note[1..^1].Trim();
            }

            return (emoji.Length == 0 ? null : emoji, Fields.PlainText(strong).Trim(), note.Length == 0 ? null : note);
        }

        var (mark, rest) = SplitMark(value);
        return (mark, rest.Length == 0 ? null : rest, null);
    }

    public static string WriteStatus(string? emoji, string? label, string? note)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(emoji))
        {
            parts.Add(emoji);
        }

        if (!string.IsNullOrEmpty(label))
        {
            parts.Add($"**{label}**");
        }

        if (!string.IsNullOrEmpty(note))
        {
            parts.Add($"({note})");
        }

        return string.Join(' ', parts);
    }

    public static bool IsComplete(string? emoji, string? label)
    {
        var words = (label ?? "").ToLowerInvariant();
        if (words.Contains("partial", StringComparison.Ordinal) || words.Contains("not ", StringComparison.Ordinal) ||
            words.Contains("incomplete", StringComparison.Ordinal))
        {
            return false;
        }

        return words is "complete" or "completed" or "done" or "finished" ||
               (emoji?.Contains('✅') == true && words.Length > 0 && !words.Contains("pending", StringComparison.Ordinal));
    }

    /// <summary>Leading symbols of a value ("✅ Simplified architecture" → "✅", "Simplified architecture").</summary>
    public static (string? Mark, string Remainder) SplitMark(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            if (char.IsLetterOrDigit(value[i]) || value[i] is '*' or '_' or '`' or '[' or '(' or '"' or '\'')
            {
                break;
            }

            i += char.IsSurrogatePair(value, i) ? 2 : 1;
        }

        var mark = value[..i].Trim();
        return (mark.Length == 0 ? null : mark, value[i..].Trim());
    }

    /// <summary>Reads "2 hours", "0.5 h", "8h"; null where the value is not a number of hours.</summary>
    public static double? ReadHours(string value)
    {
        var match = HoursPattern().Match(value);
        return match.Success && match.Index == LeadingSpace(value) &&
               double.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) &&
               hours <= MaxHours
            ? hours
            : null;
    }

    /// <summary>Past this an effort is a typo, not an estimate.</summary>
    public const double MaxHours = 100_000;

    private static int LeadingSpace(string value)
    {
        var i = 0;
        while (i < value.Length && char.IsWhiteSpace(value[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Writes hours in the style of an earlier value ("2 hours" → "3 hours", "8h" → "6h").</summary>
    public static string WriteHours(double hours, string? previous)
    {
        var number = FormatNumber(hours);
        var match = previous is null ? Match.Empty : HoursPattern().Match(previous);
        if (!match.Success)
        {
            return $"{number} {(hours == 1 ? "hour" : "hours")}";
        }

        var unit = match.Groups["unit"].Value;
        if (unit.StartsWith("hour", StringComparison.OrdinalIgnoreCase))
        {
            unit = hours == 1 ? "hour" : "hours";
        }

        return previous![..match.Index] + number + match.Groups["space"].Value + unit + previous[(match.Index + match.Length)..];
    }

    public static string FormatNumber(double value) =>
        value.ToString(value == Math.Floor(value) ? "0" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>Reads "P2 (Medium)" as 2 and "Medium"; the number is null where it is not P0–P3.</summary>
    public static (int? Priority, string? Label, bool Recognized) ReadPriority(string value)
    {
        var match = PriorityPattern().Match(value);
        if (!match.Success)
        {
            return (null, null, false);
        }

        // "P99999999999" is past int: not a priority, like P7.
        var parsed = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        var label = match.Groups["label"].Success ? match.Groups["label"].Value.Trim() : null;
        return parsed && number is >= 0 and <= 3 ? (number, label, true) : (null, label, false);
    }

    public static string WritePriority(int priority, string? label) =>
        string.IsNullOrEmpty(label) ? $"P{priority}" : $"P{priority} ({label})";

    /// <summary>Reads "ADR-005" or "[ADR-005](...)" as 5.</summary>
    public static int? ReadAdrNumber(string value)
    {
        var match = AdrPattern().Match(value);
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static string AdrName(int number) => $"ADR-{number:000}";

    [GeneratedRegex(@"(?<n>\d{1,9}(?:\.\d{1,6})?)(?<space>\s*)(?<unit>hours?|hrs?|h)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HoursPattern();

    [GeneratedRegex(@"^\s*P(?<n>\d+)\b(?:\s*\((?<label>[^)]*)\))?", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityPattern();

    [GeneratedRegex(@"ADR-(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex AdrPattern();
}
