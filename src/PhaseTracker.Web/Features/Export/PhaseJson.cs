using System.Text.Encodings.Web;
using System.Text.Json;

using PhaseTracker.Domain;

namespace PhaseTracker.Web.Features.Export;

/// <summary>
/// The whole model of a phase as JSON, for scripts: <c>export --format json</c>. The layout and the
/// source texts that let the markdown be written back are internals and stay out.
/// </summary>
public static class PhaseJson
{
    /// <summary>Raised when the shape below changes in a way a script would notice.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Phase phase, IReadOnlyCollection<DecisionRecord> decisionRecords, double hoursPerDay)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(decisionRecords);
        var totalHours = phase.Items.Sum(i => i.EffortHours ?? 0);
        var document = new PhaseDocument(
            SchemaVersion,
            new PhaseOverview(phase.Number, phase.Title, phase.Purpose, phase.StatusLine, phase.Timeline,
                phase.LastUpdated, phase.Version, phase.FooterStatus, phase.ProcessMarkdown, phase.ImportedAtUtc, phase.MadeCurrentAtUtc),
            new Totals(phase.Items.Count, totalHours, totalHours / hoursPerDay),
            [.. phase.Items.Select(i => new Item(
                i.Number, i.Title, i.FilePath, new ItemStatus(i.StatusEmoji, i.StatusLabel, i.StatusNote), i.IsComplete,
                i.WhyDeferred, i.Done, i.Missing, [.. i.Plan.Select(s => new Step(s.Text, s.SubSteps))],
                i.EffortHours, i.Priority is { } p ? $"P{p}" : null, i.PriorityLabel, i.Impact, i.Owner,
                i.TrackingIssue, i.CompletedOn, i.PullRequest, i.Line))],
            [.. phase.MatrixRows.Select(r => new Row(r.Label, r.ItemNumber, r.Cells, r.Line))],
            [.. phase.RoadmapWeeks.Select(w => new Week(w.Number, w.Theme,
                [.. w.Blocks.Select(b => new Block(b.StartDay, b.EndDay, b.Title, b.Tasks, b.ItemNumbers))], w.Line))],
            [.. decisionRecords.Select(d => new Record(
                d.Number, d.Title, d.Date, d.Status, d.Context, d.Decision,
                [.. d.Consequences.Select(c => new DecisionConsequence(c.Positive, c.Text))],
                [.. d.Alternatives.Select(a => new DecisionAlternative(a.Option, a.Verdict, a.Reason))],
                d.Supersedes, d.SupersededBy, d.Line))],
            [.. phase.RelatedDocuments.Select(d => new Link(d.Title, d.Url))],
            [.. phase.Warnings.Select(w => new Warning(w.Kind == WarningKind.Repair ? "repair" : "warning", w.Line, w.Message))]);
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private sealed record PhaseDocument(
        int SchemaVersion,
        PhaseOverview Phase,
        Totals Totals,
        IReadOnlyList<Item> Items,
        IReadOnlyList<Row> Matrix,
        IReadOnlyList<Week> Roadmap,
        IReadOnlyList<Record> DecisionRecords,
        IReadOnlyList<Link> RelatedDocuments,
        IReadOnlyList<Warning> Warnings);

    private sealed record PhaseOverview(
        int Number, string Title, string? Purpose, string? Status, string? Timeline,
        string? LastUpdated, string? Version, string? FooterStatus, string? Process,
        DateTime? ImportedAtUtc, DateTime? MadeCurrentAtUtc);

    private sealed record Totals(int Items, double EffortHours, double DeveloperDays);

    private sealed record Item(
        int Number, string Title, string? FilePath, ItemStatus Status, bool IsComplete,
        IReadOnlyList<string> WhyDeferred, IReadOnlyList<string> Done, IReadOnlyList<string> Missing, IReadOnlyList<Step> Plan,
        double? EffortHours, string? Priority, string? PriorityLabel, string? Impact, string? Owner,
        string? TrackingIssue, string? CompletedOn, string? PullRequest, int Line);

    private sealed record ItemStatus(string? Emoji, string? Label, string? Note);

    private sealed record Step(string Text, IReadOnlyList<string> SubSteps);

    private sealed record Row(string Label, int? ItemNumber, IReadOnlyList<string> Cells, int Line);

    private sealed record Week(int Number, string Theme, IReadOnlyList<Block> Blocks, int Line);

    private sealed record Block(int? StartDay, int? EndDay, string Title, IReadOnlyList<string> Tasks, IReadOnlyList<int> ItemNumbers);

    private sealed record Record(
        int Number, string Title, string? Date, string? Status, IReadOnlyList<string> Context, IReadOnlyList<string> Decision,
        IReadOnlyList<DecisionConsequence> Consequences, IReadOnlyList<DecisionAlternative> Alternatives,
        int? Supersedes, int? SupersededBy, int Line);

    private sealed record DecisionConsequence(bool Positive, string Text);

    private sealed record DecisionAlternative(string Option, string? Verdict, string? Reason);

    private sealed record Link(string Title, string Url);

    private sealed record Warning(string Kind, int Line, string Message);
}
