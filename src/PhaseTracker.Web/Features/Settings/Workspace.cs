using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Settings;

/// <summary>The settings in effect: what was saved on <c>/settings</c>, else the configuration, else the default.</summary>
public sealed record EffectiveSettings(
    string Name,
    double HoursPerDay,
    int? PinnedPhaseNumber,
    bool AllowAnonymousRead,
    TimeZoneInfo TimeZone,
    int RowVersion);

/// <summary>Reads the workspace's settings in effect, and "today" in its time zone.</summary>
public sealed class Workspace(PhaseTrackerDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const string DefaultName = "PhaseTracker";
    public const string TimeZoneKey = "Workspace:TimeZone";
    public const string NameKey = "Workspace:Name";

    public async Task<EffectiveSettings> GetAsync(CancellationToken cancellationToken)
    {
        var saved = await db.WorkspaceSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == WorkspaceSettings.SingletonId, cancellationToken);
        return Effective(saved);
    }

    /// <summary>The settings in effect for a saved row (null: nothing saved yet).</summary>
    public EffectiveSettings Effective(WorkspaceSettings? saved) => new(
        saved?.Name ?? configuration[NameKey] ?? DefaultName,
        saved?.HoursPerDay ?? Effort.HoursPerDay(configuration),
        saved?.PinnedPhaseNumber,
        saved?.AllowAnonymousRead ?? (configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings()).AllowAnonymousRead,
        FindTimeZone(saved?.TimeZoneId ?? configuration[TimeZoneKey]) ?? TimeZoneInfo.Utc,
        saved?.RowVersion ?? 0);

    /// <summary>Today's date in the workspace's time zone: a completion date after it is in the future.</summary>
    public DateOnly Today(EffectiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.TimeZone).DateTime);
    }

    /// <summary>The time zone of an IANA or Windows id; null where the id names none.</summary>
    public static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }
}
