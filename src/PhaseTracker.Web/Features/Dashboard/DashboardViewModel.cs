using System.Globalization;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Items;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed record DashboardViewModel(IReadOnlyList<PhaseOption> Phases, DashboardPhase? Phase)
{
    public static DashboardViewModel Empty { get; } = new([], null);

    /// <summary>The switcher shows only when there is another phase to switch to.</summary>
    public bool ShowPhaseSwitcher => Phases.Count > 1;

    /// <summary>After the overview form: "Overview saved." or that nothing changed; null otherwise.</summary>
    public string? Confirmation { get; init; }
}

public sealed record DashboardPhase(
    int Number,
    string Title,
    string? Purpose,
    string? Status,
    string? Timeline,
    string? LastUpdated,
    string? Version,
    string? FooterStatus,
    DateTime? ImportedAtUtc,
    double HoursPerDay,
    IReadOnlyList<StatusGroup> Statuses,
    IReadOnlyList<EffortGroup> ByPriority,
    IReadOnlyList<EffortGroup> ByOwner,
    IReadOnlyList<UrgentItem> Urgent,
    IReadOnlyList<DashboardWarning> Warnings,
    int WarningCount,
    int RepairCount)
{
    /// <summary>The dashboard lists this many warnings; the rest fold away under a summary.</summary>
    public const int OpenWarnings = 10;

    public int ItemCount => Statuses.Sum(s => s.Count);

    public int OpenCount => Statuses.Where(s => !s.IsComplete).Sum(s => s.Count);

    public double TotalHours => Statuses.Sum(s => s.Hours);

    public double OpenHours => Statuses.Where(s => !s.IsComplete).Sum(s => s.Hours);

    public string OpenHoursText => Effort.FormatHours(OpenHours);

    public string TotalHoursText => Effort.FormatHours(TotalHours);

    public string DeveloperDaysText => FormatDays(TotalHours);

    public string HoursPerDayText => HoursPerDay.ToString("0.##", CultureInfo.InvariantCulture);

    public string FormatDays(double hours) => Effort.FormatDays(hours, HoursPerDay);

    /// <summary>The items list of this phase, narrowed by <paramref name="filter"/>.</summary>
    public string ItemsUrl(ItemFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (filter with { PhaseNumber = Number }).ToUrl();
    }

    /// <summary>The list of every open item of the phase, most urgent first: where the urgent list continues.</summary>
    public string UrgentListUrl => ItemsUrl(new ItemFilter { Status = ItemFilter.OpenStatus, Sort = ItemSort.Priority });

    public IEnumerable<DashboardWarning> DocumentWarnings => Warnings.Where(w => w.Kind == WarningKind.Warning);

    public IEnumerable<DashboardWarning> Repairs => Warnings.Where(w => w.Kind == WarningKind.Repair);

    /// <summary>Warnings and repairs the page leaves out, past <see cref="DashboardQuery.MaxWarnings"/>.</summary>
    public int HiddenWarningCount => WarningCount + RepairCount - Warnings.Count;
}

/// <summary>Items of one status, as the document writes it ("🟡 Left Untouched"), and the list of them.</summary>
public sealed record StatusGroup(string? Emoji, string? Label, bool IsComplete, int Count, double Hours, string? ItemsUrl)
{
    public string LabelText => Label ?? "No status";

    public string HoursText => Effort.FormatHours(Hours);
}

/// <summary>Items of one priority or one owner, and the list of them (null where the list cannot filter by it).</summary>
public sealed record EffortGroup(string Text, int Count, double Hours, string? ItemsUrl)
{
    public string HoursText => Effort.FormatHours(Hours);
}

public sealed record UrgentItem(
    int Id,
    int Number,
    string Title,
    string? StatusEmoji,
    string? StatusLabel,
    int? Priority,
    string? PriorityLabel,
    double? EffortHours,
    string? Owner)
{
    public string PriorityText => ItemText.Priority(Priority, PriorityLabel);

    public string EffortText => ItemText.Effort(EffortHours);
}

public sealed record DashboardWarning(WarningKind Kind, int Line, string Message);
