using Microsoft.AspNetCore.Html;

using PhaseTracker.Web.Features.Matrix;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>The roadmap page: the phase shown (null on an empty database) and the phases there are.</summary>
public sealed record RoadmapPage(RoadmapPhase? Phase, IReadOnlyList<int> PhaseNumbers)
{
    /// <summary>The confirmation of a save that brought the lead here ("Week 3 saved."); null otherwise.</summary>
    public string? Confirmation { get; init; }
}

/// <summary>A page of the phase's weeks, with the timeline of those weeks.</summary>
public sealed record RoadmapPhase(int Number, string Title, IReadOnlyList<RoadmapWeekView> Weeks, int WeekCount, Pager Pager, HtmlString? Chart)
{
    public int UnscheduledCount => Weeks.Sum(w => w.Blocks.Count(b => b.StartDay is null));
}

/// <summary>A week, with its database id (for its edit link) and the overlaps among its day blocks ("Day 2-4 overlaps Day 3-5 in Week 1").</summary>
public sealed record RoadmapWeekView(int Id, int Number, string Theme, string Anchor, IReadOnlyList<RoadmapBlockView> Blocks, IReadOnlyList<string> Overlaps);

/// <summary>A day block with its tasks and the items it works on.</summary>
public sealed record RoadmapBlockView(string Anchor, int? StartDay, int? EndDay, string DayText, string Title, IReadOnlyList<IHtmlContent> Tasks, IReadOnlyList<RoadmapItemLink> Items);

public sealed record RoadmapItemLink(int Id, int Number, string Title, int? Priority);
