using Markdig;
using Markdig.Syntax;
using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>Writes a deferred item's section: its source as it was, patched where a value changed.</summary>
internal static class ItemWriter
{
    public static string Write(DeferredItem item, int phaseNumber, string newLine)
    {
        if (item.Source.Length == 0)
        {
            return New(item, phaseNumber, newLine);
        }

        if (item.SourceFingerprint == Fingerprint.Of(item))
        {
            return item.Source;
        }

        var source = new SourceText(item.Source);
        var blocks = Markdown.Parse(source.Text, TrackingDocumentReader.Pipeline).ToList();
        var heading = blocks.OfType<HeadingBlock>().FirstOrDefault();
        if (heading is null || ItemSection.ReadHeading(source, heading) is not { } head)
        {
            return New(item, phaseNumber, newLine);
        }

        var body = blocks.SkipWhile(b => b != heading).Skip(1).ToList();
        var section = ItemSection.Read(source, heading, body, []);
        var old = section.Item;
        var edits = new TextEdits(source);
        edits.Replace(head.TitleStart, head.TitleEnd, item.Title);

        var fields = section.Fields.GroupBy(f => ItemSection.Kind(f.Key)).ToDictionary(g => g.Key, g => g.First());
        var patcher = new FieldPatcher(edits, body);
        Field? FieldOf(ItemField kind) => fields.GetValueOrDefault(kind);

        if (old.FilePath != item.FilePath)
        {
            var quoted = FieldOf(ItemField.File) is { } f && !f.Value.StartsWith('`') ? item.FilePath : Code(item.FilePath);
            patcher.Scalar(FieldOf(ItemField.File), quoted, "File");
        }

        if (old.StatusEmoji != item.StatusEmoji || old.StatusLabel != item.StatusLabel || old.StatusNote != item.StatusNote)
        {
            patcher.Scalar(FieldOf(ItemField.Status), Values.WriteStatus(item.StatusEmoji, item.StatusLabel, item.StatusNote), "Status");
        }

        PatchList(patcher, FieldOf(ItemField.WhyDeferred), old.WhyDeferred, item.WhyDeferred, "Why Deferred");
        PatchList(patcher, FieldOf(ItemField.Done), old.Done, item.Done, "What's Done");
        PatchList(patcher, FieldOf(ItemField.Missing), old.Missing, item.Missing, "What's Missing");
        if (!old.Plan.SequenceEqual(item.Plan))
        {
            patcher.List(FieldOf(ItemField.Plan), Entries(old.Plan), Entries(item.Plan), ordered: true, $"Plan for Phase {phaseNumber}");
        }

        if (old.EffortHours != item.EffortHours)
        {
            var field = FieldOf(ItemField.Effort);
            patcher.Scalar(field, item.EffortHours is { } hours ? Values.WriteHours(hours, field?.Value) : null, "Estimated Effort");
        }

        if (old.Priority != item.Priority || old.PriorityLabel != item.PriorityLabel)
        {
            patcher.Scalar(FieldOf(ItemField.Priority), item.Priority is { } p ? Values.WritePriority(p, item.PriorityLabel) : null, "Priority");
        }

        // The impact lives in the matrix; an item section only carries it where the team wrote it there.
        if (old.Impact != item.Impact && FieldOf(ItemField.Impact) is { } impact)
        {
            patcher.Scalar(impact, item.Impact, "Impact");
        }

        Scalar(patcher, FieldOf(ItemField.Owner), old.Owner, item.Owner, "Owner");
        Scalar(patcher, FieldOf(ItemField.TrackingIssue), old.TrackingIssue, item.TrackingIssue, "Tracking Issue");
        Scalar(patcher, FieldOf(ItemField.CompletedOn), old.CompletedOn, item.CompletedOn, "Completed");
        Scalar(patcher, FieldOf(ItemField.PullRequest), old.PullRequest, item.PullRequest, "PR");
        PatchList(patcher, FieldOf(ItemField.ChangesToPlan), old.ChangesToPlan, item.ChangesToPlan, "Changes to Plan");
        return edits.Apply();
    }

    /// <summary>A section for an item the document has not had yet, in the seed document's style.</summary>
    public static string New(DeferredItem item, int phaseNumber, string nl)
    {
        var section = new SectionBuilder($"{item.Number}. {item.Title}", nl);
        section.Field("File", Code(item.FilePath));
        section.Field("Status", Values.WriteStatus(item.StatusEmoji, item.StatusLabel, item.StatusNote));
        section.List("Why Deferred", Entries(item.WhyDeferred), false);
        section.List("What's Done", Entries(item.Done), false);
        section.List("What's Missing", Entries(item.Missing), false);
        section.List($"Plan for Phase {phaseNumber}", Entries(item.Plan), true);
        section.Field("Estimated Effort", item.EffortHours is { } hours ? Values.WriteHours(hours, null) : null);
        section.Field("Priority", item.Priority is { } p ? Values.WritePriority(p, item.PriorityLabel) : null);
        section.Field("Owner", item.Owner);
        section.Field("Tracking Issue", item.TrackingIssue);
        section.Field("Completed", item.CompletedOn);
        section.Field("PR", item.PullRequest);
        section.List("Changes to Plan", Entries(item.ChangesToPlan), false);
        return section.ToString();
    }

    private static void Scalar(FieldPatcher patcher, Field? field, string? old, string? value, string label)
    {
        if (old != value)
        {
            patcher.Scalar(field, value, label);
        }
    }

    private static void PatchList(FieldPatcher patcher, Field? field, List<string> old, List<string> value, string label)
    {
        if (!old.SequenceEqual(value))
        {
            patcher.List(field, Entries(old), Entries(value), ordered: false, label);
        }
    }

    internal static List<ListWriter.Entry> Entries(IEnumerable<string> items) => [.. items.Select(i => new ListWriter.Entry(i, []))];

    internal static List<ListWriter.Entry> Entries(IEnumerable<PlanStep> steps) => [.. steps.Select(s => new ListWriter.Entry(s.Text, s.SubSteps))];

    private static string? Code(string? path) => string.IsNullOrEmpty(path) ? null : $"`{path}`";
}
