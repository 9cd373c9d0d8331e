using Microsoft.AspNetCore.Html;

using PhaseTracker.Web.Features.Matrix;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>The roadmap page: the phase shown (null on an empty database) and the phases there are.</summary>
public sealed record RoadmapPage(RoadmapPhase? Phase, IReadOnlyList<int> PhaseNumbers);

/// <summary>A page of the phase's weeks, with the timeline of those weeks.</summary>
public sealed record RoadmapPhase(int Number, string Title, IReadOnlyList<RoadmapWeekView> Weeks, int WeekCount, Pager Pager, HtmlString? Chart)
{
    public int UnscheduledCount => Weeks.Sum(w => w.Blocks.Count(b => b.StartDay is null));
}

public sealed record RoadmapWeekView(int Number, string Theme, string Anchor, IReadOnlyList<RoadmapBlockView> Blocks);

/// <summary>A day block with its tasks and the items it works on.</summary>
public sealed record RoadmapBlockView(string Anchor, int? StartDay, int? EndDay, string DayText, string Title, IReadOnlyList<string> Tasks, IReadOnlyList<RoadmapItemLink> Items);

public sealed record RoadmapItemLink(int Id, int Number, string Title, int? Priority);
