using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Observability;
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

/// <summary>
/// Reads the workspace's settings in effect, and "today" in its time zone. Every request reads them
/// (authorization, the layout, the totals), so they are cached under the data version: a save on
/// <c>/settings</c> bumps it, and the next request here sees the new values.
/// </summary>
public sealed class Workspace(PhaseTrackerDbContext db, PageCache cache, IConfiguration configuration, TimeProvider clock)
{
    public const string DefaultName = "PhaseTracker";
    public const string TimeZoneKey = "Workspace:TimeZone";
    public const string NameKey = "Workspace:Name";

    public Task<EffectiveSettings> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("workspace-settings", async token => Effective(await ReadSavedAsync(token)), cancellationToken);

    /// <summary>
    /// The name for the layout's brand and title. The error pages use the layout too, and must still show
    /// while the database is down: then the configured name stands in.
    /// </summary>
    public async Task<string> NameForPagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await GetAsync(cancellationToken)).Name;
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            return Effective(null).Name;
        }
    }

    /// <summary>The saved row as it is in the database now (null: nothing saved yet), not cached.</summary>
    public Task<WorkspaceSettings?> ReadSavedAsync(CancellationToken cancellationToken) =>
        db.WorkspaceSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == WorkspaceSettings.SingletonId, cancellationToken);

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
