using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>One ADR as a file of its own: where it goes and what it holds.</summary>
/// <param name="Path">The path inside the repository, with forward slashes ("docs/adr/0001-remove-prisma.md").</param>
public sealed record MadrFile(string Path, string Text);

/// <summary>
/// Writes decision records as MADR 4 files (https://adr.github.io/madr/), one per ADR, named
/// <c>NNNN-kebab-title.md</c>: front matter with status and date, then "Context and Problem Statement",
/// "Considered Options", "Decision Outcome" with its "Consequences", and the supersession both ways as
/// links between the files.
/// </summary>
public static partial class MadrWriter
{
    public const string DefaultFolder = "docs/adr";

    /// <summary>The files of <paramref name="records"/>, in number order, under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<MadrFile> Write(IEnumerable<DecisionRecord> records, string folder = DefaultFolder)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.OrderBy(r => r.Number).ToList();
        var byNumber = all.ToDictionary(r => r.Number);

        // "Superseded by" is written on both records even where the document wrote it on one only.
        var supersededBy = new Dictionary<int, int>();
        foreach (var record in all)
        {
            if (record.SupersededBy is { } newer)
            {
                supersededBy.TryAdd(record.Number, newer);
            }

            if (record.Supersedes is { } older)
            {
                supersededBy.TryAdd(older, record.Number);
            }
        }

        var supersedes = supersededBy.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).Order().ToList());
        var prefix = folder.Length == 0 ? "" : folder.TrimEnd('/') + "/";
        return [.. all.Select(r => new MadrFile(prefix + FileName(r), Text(r, byNumber, supersededBy.TryGetValue(r.Number, out var newer) ? newer : null, supersedes.GetValueOrDefault(r.Number) ?? [])))];
    }

    /// <summary>"0004-unified-http-client-vs-multiple-clients.md" for ADR-004.</summary>
    public static string FileName(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var slug = Kebab(record.Title);
        return string.Create(CultureInfo.InvariantCulture, $"{record.Number:0000}{(slug.Length == 0 ? "" : "-" + slug)}.md");
    }

    private static string Text(DecisionRecord record, Dictionary<int, DecisionRecord> all, int? supersededBy, List<int> supersedes)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("status: ").Append(Yaml(Status(record, supersededBy))).Append('\n');
        if (record.Date is { } date)
        {
            text.Append("date: ").Append(Yaml(IsoDate(date) ?? date)).Append('\n');
        }

        text.Append("---\n\n");
        text.Append("# ").Append(OneLine(record.Title)).Append("\n\n");

        text.Append("## Context and Problem Statement\n\n");
        Bullets(text, record.Context, "No context was recorded.");

        text.Append("## Considered Options\n\n");
        text.Append("* ").Append(OneLine(record.Title)).Append('\n');
        foreach (var alternative in record.Alternatives)
        {
            text.Append("* ").Append(OneLine(alternative.Option)).Append('\n');
        }

        text.Append('\n');
        text.Append("## Decision Outcome\n\n");
        text.Append("Chosen option: \"").Append(OneLine(record.Title)).Append('"');
        text.Append(record.Decision.Count > 0 ? ", which means:\n\n" : ".\n\n");
        if (record.Decision.Count > 0)
        {
            Bullets(text, record.Decision, "");
        }

        if (record.Consequences.Count > 0)
        {
            text.Append("### Consequences\n\n");
            foreach (var consequence in record.Consequences)
            {
                text.Append(consequence.Positive ? "* Good, because " : "* Bad, because ").Append(Lowered(OneLine(consequence.Text))).Append('\n');
            }

            text.Append('\n');
        }

        if (record.Alternatives.Count > 0)
        {
            text.Append("## Pros and Cons of the Options\n\n");
            foreach (var alternative in record.Alternatives)
            {
                text.Append("### ").Append(OneLine(alternative.Option)).Append("\n\n");
                var verdict = string.Join(": ", new[] { alternative.Verdict, alternative.Reason }.Where(s => !string.IsNullOrWhiteSpace(s)));
                text.Append("* ").Append(verdict.Length == 0 ? "Considered, not chosen." : OneLine(verdict)).Append("\n\n");
            }
        }

        if (supersededBy is not null || supersedes.Count > 0)
        {
            text.Append("## More Information\n\n");
            if (supersededBy is { } newer)
            {
                text.Append("* Superseded by ").Append(Link(newer, all)).Append('\n');
            }

            foreach (var older in supersedes)
            {
                text.Append("* Supersedes ").Append(Link(older, all)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>MADR's status word: "accepted", "superseded by ADR-0005"; the document's own word otherwise.</summary>
    internal static string Status(DecisionRecord record, int? supersededBy)
    {
        if (supersededBy is { } newer)
        {
            return string.Create(CultureInfo.InvariantCulture, $"superseded by ADR-{newer:0000}");
        }

        var words = MarkPattern().Replace(record.Status ?? "", "").Trim();
        return words.Length == 0 ? "proposed" : words.ToLowerInvariant();
    }

    /// <summary>"November 12, 2025" as "2025-11-12"; null where the text is no date this can read.</summary>
    internal static string? IsoDate(string written)
    {
        string[] formats = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "yyyy-MM-dd", "MMMM dd, yyyy", "d MMM yyyy"];
        return DateOnly.TryParseExact(written.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static string Link(int number, Dictionary<int, DecisionRecord> all) =>
        all.TryGetValue(number, out var other)
            ? $"[{Values.AdrName(number)}: {OneLine(other.Title)}]({FileName(other)})"
            : Values.AdrName(number);

    private static void Bullets(StringBuilder text, List<string> lines, string empty)
    {
        if (lines.Count == 0)
        {
            if (empty.Length > 0)
            {
                text.Append(empty).Append("\n\n");
            }

            return;
        }

        foreach (var line in lines)
        {
            text.Append("* ").Append(OneLine(line)).Append('\n');
        }

        text.Append('\n');
    }

    /// <summary>"Simplified architecture" reads on after "because" as "simplified architecture"; "API calls" stays.</summary>
    private static string Lowered(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>A YAML scalar: plain where that reads back the same, double-quoted otherwise.</summary>
    private static string Yaml(string value) =>
        PlainYaml().IsMatch(value) ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    internal static string Kebab(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 60 ? text[..60].TrimEnd('-') : text;
    }

    // Emoji and other marks the document puts after a status ("Accepted ✅").
    [GeneratedRegex(@"[^\p{L}\p{N}\s\-]+")]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 .\-]*$")]
    private static partial Regex PlainYaml();
}
