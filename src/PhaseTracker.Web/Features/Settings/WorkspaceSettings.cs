namespace PhaseTracker.Web.Features.Settings;

/// <summary>
/// The workspace's settings as an admin or lead saved them on <c>/settings</c>: one row. A value left
/// null falls back to the configuration (<c>Workspace:*</c>, <c>Auth:AllowAnonymousRead</c>) and then to
/// the product's default.
/// </summary>
public sealed class WorkspaceSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Shown in the navigation bar and the page titles.</summary>
    public string? Name { get; set; }

    /// <summary>Hours in a developer-day, for every total the pages and the export show.</summary>
    public double? HoursPerDay { get; set; }

    /// <summary>The phase pinned as the current one; null lets the latest import decide (PRODUCT.md rule 7).</summary>
    public int? PinnedPhaseNumber { get; set; }

    /// <summary>Whether people without an account may browse; only an admin changes it.</summary>
    public bool? AllowAnonymousRead { get; set; }

    /// <summary>An IANA time zone ("Europe/Istanbul") for "today" in dates the app writes and checks.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Counts the saves (see <see cref="Domain.DeferredItem.RowVersion"/>).</summary>
    public int RowVersion { get; set; }
}
