using PhaseTracker.Domain;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>A phase's roadmap as the API gives it: every week, in order.</summary>
/// <param name="Phase">The phase number.</param>
/// <param name="Title">The phase's title.</param>
/// <param name="Weeks">The weeks, by number.</param>
public sealed record RoadmapDto(int Phase, string Title, IReadOnlyList<RoadmapWeekDto> Weeks);

/// <summary>A week of the roadmap.</summary>
/// <param name="Id">The week's id: what <c>/api/roadmap/weeks/{id}</c> takes.</param>
/// <param name="Number">The week's number in its phase ("Week 3").</param>
/// <param name="Phase">The phase number.</param>
/// <param name="Theme">The theme ("Critical Infrastructure").</param>
/// <param name="Blocks">The day blocks, in order.</param>
/// <param name="Overlaps">A warning for each pair of blocks whose days overlap ("Day 2-4 overlaps Day 3-5 in Week 1").</param>
/// <param name="RowVersion">Counts the week's saves; the ETag carries it too.</param>
/// <param name="Url">The week on the roadmap page.</param>
public sealed record RoadmapWeekDto(
    int Id, int Number, int Phase, string Theme, IReadOnlyList<RoadmapBlockDto> Blocks, IReadOnlyList<string> Overlaps, int RowVersion, string Url)
{
    public static RoadmapWeekDto Of(RoadmapWeek week, int phaseNumber)
    {
        ArgumentNullException.ThrowIfNull(week);
        return new RoadmapWeekDto(
            week.Id,
            week.Number,
            phaseNumber,
            week.Theme,
            [.. week.Blocks.Select(b => new RoadmapBlockDto(b.StartDay, b.EndDay, b.Title, [.. b.Tasks], [.. b.ItemNumbers]))],
            DayOverlaps.Of(week.Number, week.Blocks.Select(b => (b.StartDay, b.EndDay))),
            week.RowVersion,
            RoadmapWeeksController.RoadmapUrl(phaseNumber, week.Number));
    }
}

/// <summary>A day block of a week ("Day 1-2: Monitoring Dashboard").</summary>
/// <param name="StartDay">The first day, from 1; none for a block without days.</param>
/// <param name="EndDay">The last day (the start day again for a single day).</param>
/// <param name="Title">The block's title.</param>
/// <param name="Tasks">Its tasks.</param>
/// <param name="ItemNumbers">The numbers of the phase's items it works on.</param>
public sealed record RoadmapBlockDto(int? StartDay, int? EndDay, string? Title, IReadOnlyList<string?>? Tasks, IReadOnlyList<int>? ItemNumbers);

/// <summary>A week's values: to add a week (it takes the phase's next number) or to replace a week's theme and blocks.</summary>
public sealed class RoadmapWeekInput
{
    /// <summary>The phase of a new week; the current phase when left out. Ignored by an update.</summary>
    public int? Phase { get; set; }

    /// <summary>Required, up to 200 characters.</summary>
    public string? Theme { get; set; }

    /// <summary>The day blocks: a title each; days from 1 with the start not after the end; linked items that the phase has.</summary>
    public List<RoadmapBlockDto?>? Blocks { get; set; }

    /// <summary>The same values as the form would post them, so the form's rules check them.</summary>
    public WeekForm ToForm() => new()
    {
        Theme = Theme,
        Blocks = [.. (Blocks ?? []).OfType<RoadmapBlockDto>().Select(b => new BlockForm
        {
            StartDay = b.StartDay,
            EndDay = b.EndDay,
            Title = b.Title,
            Tasks = [.. b.Tasks ?? []],
            ItemNumbers = [.. b.ItemNumbers ?? []],
        })],
    };
}
