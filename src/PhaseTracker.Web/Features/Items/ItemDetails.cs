using System.Globalization;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Matrix;

namespace PhaseTracker.Web.Features.Items;

public sealed record ItemDetails(
    int Id,
    int Number,
    string Title,
    int PhaseNumber,
    string PhaseTitle,
    string? FilePath,
    string? StatusEmoji,
    string? StatusLabel,
    string? StatusNote,
    bool IsComplete,
    IReadOnlyList<string> WhyDeferred,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Missing,
    IReadOnlyList<PlanStep> Plan,
    double? EffortHours,
    int? Priority,
    string? PriorityLabel,
    string? Impact,
    string? Owner,
    ItemLink? TrackingIssue,
    string? CompletedOn,
    ItemLink? PullRequest,
    int Line,
    IReadOnlyList<RoadmapReference> RoadmapBlocks,
    IReadOnlyList<MatrixReference> MatrixRows,
    IReadOnlyList<string> ChangesToPlan,
    IReadOnlyList<Deferral> Deferrals,
    IReadOnlyList<PhaseTracker.Web.Features.History.HistoryEntry> History)
{
    /// <summary>The phase's overview has no status line and no timeline yet, as a deferral leaves a phase it creates.</summary>
    public bool PhaseOverviewUnfinished { get; init; }

    public string PriorityText => ItemText.Priority(Priority, PriorityLabel);

    public string EffortText => ItemText.Effort(EffortHours);

    public string ListUrl => new ItemFilter { PhaseNumber = PhaseNumber }.ToUrl();
}

/// <summary>A day block of the roadmap that works on the item.</summary>
public sealed record RoadmapReference(int WeekNumber, string WeekTheme, int? StartDay, int? EndDay, string BlockTitle)
{
    /// <summary>"Day 1-2", "Day 3", or "No day yet".</summary>
    public string DaysText => (StartDay, EndDay) switch
    {
        ({ } start, { } end) when end != start => $"Day {start}-{end}",
        ({ } start, _) => $"Day {start}",
        _ => "No day yet",
    };

    /// <summary>The roadmap page that holds the week, scrolled to it.</summary>
    public string Url(int phaseNumber) => string.Create(CultureInfo.InvariantCulture, $"/roadmap?phase={phaseNumber}&week={WeekNumber}#week-{WeekNumber}");
}

/// <summary>The priority matrix row that names the item, with its cells as the document writes them.</summary>
public sealed record MatrixReference(int Ordinal, string Label, IReadOnlyList<string> Cells, int Line)
{
    /// <summary>The page of the matrix table that holds the row.</summary>
    public string Url(int phaseNumber)
    {
        var page = (Ordinal / MatrixQuery.PageSize) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"/matrix?phase={phaseNumber}{(page > 1 ? $"&page={page}" : "")}#matrix-table-heading");
    }

    /// <summary>The cells after the row's label, as the document writes them.</summary>
    public string CellsText => string.Join(" · ", Cells.Skip(1));
}
