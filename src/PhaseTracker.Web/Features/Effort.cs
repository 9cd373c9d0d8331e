using System.Globalization;

namespace PhaseTracker.Web.Features;

/// <summary>
/// How the team counts effort: hours, and developer-days of so many hours. The hours per day in effect
/// come from <see cref="Settings.Workspace"/> (saved on <c>/settings</c>); <see cref="HoursPerDay"/> reads the
/// configuration's <c>Workspace:HoursPerDay</c>, the fallback while nothing is saved.
/// </summary>
public static class Effort
{
    public const string HoursPerDayKey = "Workspace:HoursPerDay";
    public const double DefaultHoursPerDay = 8;

    /// <summary>How many hours make a developer-day by the configuration: its value, 8 unless it is a positive number.</summary>
    public static double HoursPerDay(IConfiguration configuration) =>
        double.TryParse(configuration[HoursPerDayKey], NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && double.IsFinite(hours)
            ? hours
            : DefaultHoursPerDay;

    /// <summary>"25 h", "2.5 h".</summary>
    public static string FormatHours(double hours) => $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} h";

    /// <summary>"3.1" developer-days.</summary>
    public static string FormatDays(double hours, double hoursPerDay) => (hours / hoursPerDay).ToString("0.#", CultureInfo.InvariantCulture);
}
