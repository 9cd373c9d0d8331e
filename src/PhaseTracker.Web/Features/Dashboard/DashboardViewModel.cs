using PhaseTracker.Domain;

namespace PhaseTracker.Web.Features.Dashboard;

public sealed record DashboardViewModel(DashboardPhase? Phase)
{
    public static DashboardViewModel Empty { get; } = new((DashboardPhase?)null);
}

public sealed record DashboardPhase(
    int Number,
    string Title,
    string? Purpose,
    string? Status,
    string? Timeline,
    IReadOnlyList<DashboardItem> Items,
    int ItemCount,
    double TotalHours,
    IReadOnlyList<DashboardWarning> Warnings)
{
    public string TotalHoursText => Effort.FormatHours(TotalHours);

    public string DeveloperDaysText => Effort.FormatDays(TotalHours);
}

public sealed record DashboardItem(
    int Number,
    string Title,
    string? StatusEmoji,
    string? StatusLabel,
    int? Priority,
    string? PriorityLabel,
    double? EffortHours,
    string? Owner)
{
    public string PriorityText => Priority is { } p
        ? PriorityLabel is { Length: > 0 } label ? $"P{p} ({label})" : $"P{p}"
        : "—";

    public string EffortText => EffortHours is { } hours ? Effort.FormatHours(hours) : "—";
}

public sealed record DashboardWarning(WarningKind Kind, int Line, string Message);
