using System.ComponentModel.DataAnnotations;

namespace PhaseTracker.Web.Features.Settings;

/// <summary>The settings form as posted. Values are text, parsed and checked by <see cref="SettingsController"/>.</summary>
public sealed class SettingsForm
{
    public const int MaxNameLength = 100;

    [Display(Name = "Workspace name")]
    public string? Name { get; set; }

    [Display(Name = "Hours per developer-day")]
    public string? HoursPerDay { get; set; }

    /// <summary>A phase number, or empty: the latest import decides.</summary>
    [Display(Name = "Current phase")]
    public string? CurrentPhase { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZone { get; set; }

    /// <summary>"on" or "off"; absent from a lead's form, where the setting is shown read-only.</summary>
    [Display(Name = "Anonymous read")]
    public string? AnonymousRead { get; set; }

    public int RowVersion { get; set; }
}

/// <summary>The settings page: the form, what it may offer, and what happened.</summary>
public sealed record SettingsPage(
    SettingsForm Form,
    IReadOnlyList<PhaseChoice> Phases,
    bool CanChangeAnonymousRead,
    bool AnonymousReadInEffect,
    string? Message)
{
    /// <summary>Zones the time zone box suggests; any IANA id is accepted.</summary>
    public static IReadOnlyList<string> CommonTimeZones { get; } =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam",
        "Europe/Madrid", "Europe/Rome", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
        "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow", "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos",
        "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Singapore", "Asia/Shanghai",
        "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo",
        "America/Argentina/Buenos_Aires", "America/New_York", "America/Toronto", "America/Chicago", "America/Denver",
        "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    ];
}

/// <summary>A phase the current-phase select offers.</summary>
public sealed record PhaseChoice(int Number, string Title);
