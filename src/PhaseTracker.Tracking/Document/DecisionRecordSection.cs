using System.Text.RegularExpressions;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>An ADR's section ("### ADR-001: Title" and its fields), read the same way by reader and writer.</summary>
internal sealed partial class DecisionRecordSection
{
    private DecisionRecordSection(DecisionRecord record, List<Field> fields)
    {
        Record = record;
        Fields = fields;
    }

    public DecisionRecord Record { get; }
    public List<Field> Fields { get; }

    public static (int Number, int TitleStart, int TitleEnd)? ReadHeading(SourceText source, HeadingBlock heading) =>
        NumberedHeading.Read(source, heading, HeadingPattern());

    public static DecisionRecordSection Read(SourceText source, HeadingBlock heading, IEnumerable<Block> body, List<DocumentWarning> warnings)
    {
        var (number, titleStart, titleEnd) = ReadHeading(source, heading)!.Value;
        var record = new DecisionRecord
        {
            Number = number,
            Title = source.Text[titleStart..titleEnd],
            Line = heading.Line + 1,
        };

        var fields = Tracking.Fields.Read(source, body);
        var seen = new Dictionary<RecordField, Field>();
        foreach (var field in fields)
        {
            var value = field.Value;
            var kind = Kind(field.Key);
            if (kind != RecordField.Unknown && !seen.TryAdd(kind, field))
            {
                warnings.Add(new DocumentWarning
                {
                    Kind = WarningKind.Warning,
                    Line = field.Line + 1,
                    Message = $"{Values.AdrName(record.Number)} has a second \"{field.Label}\" field; the first, on line {seen[kind].Line + 1}, is the one read.",
                });
                continue;
            }

            switch (kind)
            {
                case RecordField.Date:
                    record.Date = ItemSection.NullIfEmpty(value);
                    break;
                case RecordField.Status:
                    record.Status = ItemSection.NullIfEmpty(value);
                    if (value.Contains("superseded", StringComparison.OrdinalIgnoreCase))
                    {
                        record.SupersededBy ??= Values.ReadAdrNumber(value);
                    }

                    break;
                case RecordField.Context:
                    record.Context = Tracking.Fields.ListItems(source, field.List);
                    break;
                case RecordField.Decision:
                    record.Decision = Tracking.Fields.ListItems(source, field.List);
                    break;
                case RecordField.Consequences:
                    record.Consequences = [.. Tracking.Fields.ListItems(source, field.List).Select(ReadConsequence)];
                    break;
                case RecordField.Alternatives:
                    record.Alternatives = [.. Tracking.Fields.NestedListItems(source, field.List).Select(a => ReadAlternative(a.Text, a.Children))];
                    break;
                case RecordField.Supersedes:
                    record.Supersedes = Values.ReadAdrNumber(value);
                    break;
                case RecordField.SupersededBy:
                    record.SupersededBy = Values.ReadAdrNumber(value);
                    break;
            }
        }

        return new DecisionRecordSection(record, fields);
    }

    public static Consequence ReadConsequence(string text)
    {
        var (mark, rest) = Values.SplitMark(text);
        return new Consequence(ConsequenceMarks.IsPositive(mark), mark ?? "", rest);
    }

    public static string WriteConsequence(Consequence consequence) =>
        string.IsNullOrEmpty(consequence.Mark) ? consequence.Text : $"{consequence.Mark} {consequence.Text}";

    public static Alternative ReadAlternative(string option, List<string> notes)
    {
        if (notes.Count == 0)
        {
            return new Alternative(option, null, null);
        }

        var note = notes[0];
        var colon = note.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new Alternative(option, note[..colon].Trim(), note[(colon + 1)..].Trim())
            : new Alternative(option, note.Trim(), null);
    }

    public static List<string> AlternativeNotes(Alternative alternative) =>
        alternative.Verdict is null && alternative.Reason is null ? []
        : alternative.Reason is null ? [alternative.Verdict!]
        : [$"{alternative.Verdict}: {alternative.Reason}"];

    public static RecordField Kind(string key) => key switch
    {
        "date" => RecordField.Date,
        "status" => RecordField.Status,
        "context" or "context and problem statement" => RecordField.Context,
        "decision" or "decision outcome" => RecordField.Decision,
        "consequences" => RecordField.Consequences,
        "alternatives considered" or "alternatives" or "considered options" => RecordField.Alternatives,
        "supersedes" => RecordField.Supersedes,
        "superseded by" => RecordField.SupersededBy,
        _ => RecordField.Unknown,
    };

    [GeneratedRegex(@"^ADR[- ]?(?<n>\d{1,9})\s*[:.\-–—]\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();
}

/// <summary>Which side of a decision a consequence's mark puts it on: ⚠️, ❌, ➖, 👎 and a dash are negative, anything else positive.</summary>
public static class ConsequenceMarks
{
    public const string Positive = "✅";
    public const string Negative = "⚠️";

    public static bool IsPositive(string? mark) =>
        mark is null || !(mark.Contains('⚠', StringComparison.Ordinal) || mark.Contains('❌', StringComparison.Ordinal) || mark.Contains('➖', StringComparison.Ordinal)
            || mark.Contains("👎", StringComparison.Ordinal) || mark.StartsWith('-'));
}

internal enum RecordField
{
    Unknown,
    Date,
    Status,
    Context,
    Decision,
    Consequences,
    Alternatives,
    Supersedes,
    SupersededBy,
}
