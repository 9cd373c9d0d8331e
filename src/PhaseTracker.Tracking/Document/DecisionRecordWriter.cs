using Markdig;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>Writes an ADR's section: its source as it was, patched where a value changed.</summary>
internal static class DecisionRecordWriter
{
    public static string Write(DecisionRecord record, string newLine)
    {
        if (record.Source.Length == 0)
        {
            return New(record, newLine);
        }

        if (record.SourceFingerprint == Fingerprint.Of(record))
        {
            return record.Source;
        }

        var source = new SourceText(record.Source);
        var blocks = Markdown.Parse(source.Text, TrackingDocumentReader.Pipeline).ToList();
        var heading = blocks.OfType<HeadingBlock>().FirstOrDefault();
        if (heading is null || DecisionRecordSection.ReadHeading(source, heading) is not { } head)
        {
            return New(record, newLine);
        }

        var body = blocks.SkipWhile(b => b != heading).Skip(1).ToList();
        var section = DecisionRecordSection.Read(source, heading, body, []);
        var old = section.Record;
        var edits = new TextEdits(source);
        edits.Replace(head.TitleStart, head.TitleEnd, record.Title);

        var fields = section.Fields.GroupBy(f => DecisionRecordSection.Kind(f.Key)).ToDictionary(g => g.Key, g => g.First());
        Field? FieldOf(RecordField kind) => fields.GetValueOrDefault(kind);
        var patcher = new FieldPatcher(edits, body);

        if (old.Date != record.Date)
        {
            patcher.Scalar(FieldOf(RecordField.Date), record.Date, "Date");
        }

        if (old.Status != record.Status)
        {
            patcher.Scalar(FieldOf(RecordField.Status), record.Status, "Status");
        }

        // A missing supersession line goes right below the status it qualifies, not at the end of the record.
        var anchor = FieldOf(RecordField.Status) ?? FieldOf(RecordField.Date);
        void Link(Field? field, string? value, string label)
        {
            if (field is null && !string.IsNullOrEmpty(value) && anchor is not null)
            {
                InsertAfter(edits, anchor, $"**{label}:** {value}");
            }
            else
            {
                patcher.Scalar(field, value, label);
            }
        }

        if (old.Supersedes != record.Supersedes)
        {
            Link(FieldOf(RecordField.Supersedes), record.Supersedes is { } s ? Values.AdrName(s) : null, "Supersedes");
        }

        // "Status: Superseded by ADR-005" already says it; a separate field is only kept up where it exists or is needed.
        if (old.SupersededBy != record.SupersededBy && !(record.Status ?? "").Contains("superseded", StringComparison.OrdinalIgnoreCase))
        {
            Link(FieldOf(RecordField.SupersededBy), record.SupersededBy is { } s ? Values.AdrName(s) : null, "Superseded By");
        }
        else if (old.SupersededBy != record.SupersededBy && FieldOf(RecordField.SupersededBy) is { } by)
        {
            patcher.Scalar(by, record.SupersededBy is { } s ? Values.AdrName(s) : null, "Superseded By");
        }

        if (!old.Context.SequenceEqual(record.Context))
        {
            patcher.List(FieldOf(RecordField.Context), ItemWriter.Entries(old.Context), ItemWriter.Entries(record.Context), false, "Context");
        }

        if (!old.Decision.SequenceEqual(record.Decision))
        {
            patcher.List(FieldOf(RecordField.Decision), ItemWriter.Entries(old.Decision), ItemWriter.Entries(record.Decision), false, "Decision");
        }

        if (!old.Consequences.SequenceEqual(record.Consequences))
        {
            patcher.List(FieldOf(RecordField.Consequences), Entries(old.Consequences), Entries(record.Consequences), false, "Consequences");
        }

        if (!old.Alternatives.SequenceEqual(record.Alternatives))
        {
            patcher.List(FieldOf(RecordField.Alternatives), Entries(old.Alternatives), Entries(record.Alternatives), true, "Alternatives Considered");
        }

        return edits.Apply();
    }

    /// <summary>
    /// Inserts a field line after <paramref name="anchor"/>: as a paragraph of its own when the anchor is
    /// one (the seed's style, a blank line between fields), else as the next line of the anchor's paragraph.
    /// </summary>
    private static void InsertAfter(TextEdits edits, Field anchor, string line)
    {
        var source = edits.Source;
        var nl = source.NewLine;
        if (!anchor.OwnsParagraph)
        {
            edits.Insert(edits.NextLineStart(anchor.ValueEnd), line + nl);
            return;
        }

        var end = edits.BlockEnd(anchor.Paragraph);
        if (end < source.Text.Length && string.IsNullOrWhiteSpace(source.Text[end..source.LineEnd(end)]))
        {
            edits.Insert(source.LineStart(source.LineOf(end) + 1), line + nl + nl);
        }
        else
        {
            edits.Insert(end, nl + line + nl);
        }
    }

    public static string New(DecisionRecord record, string nl)
    {
        var section = new SectionBuilder($"{Values.AdrName(record.Number)}: {record.Title}", nl);
        section.Field("Date", record.Date);
        section.Field("Status", record.Status);
        section.Field("Supersedes", record.Supersedes is { } s ? Values.AdrName(s) : null);
        if (!(record.Status ?? "").Contains("superseded", StringComparison.OrdinalIgnoreCase))
        {
            section.Field("Superseded By", record.SupersededBy is { } by ? Values.AdrName(by) : null);
        }

        section.List("Context", ItemWriter.Entries(record.Context), false);
        section.List("Decision", ItemWriter.Entries(record.Decision), false);
        section.List("Consequences", Entries(record.Consequences), false);
        section.List("Alternatives Considered", Entries(record.Alternatives), true);
        return section.ToString();
    }

    private static List<ListWriter.Entry> Entries(IEnumerable<Consequence> consequences) =>
        [.. consequences.Select(c => new ListWriter.Entry(DecisionRecordSection.WriteConsequence(c), []))];

    private static List<ListWriter.Entry> Entries(IEnumerable<Alternative> alternatives) =>
        [.. alternatives.Select(a => new ListWriter.Entry(a.Option, DecisionRecordSection.AlternativeNotes(a)))];
}
