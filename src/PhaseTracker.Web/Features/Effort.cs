using System.Globalization;

namespace PhaseTracker.Web.Features;

/// <summary>How the team counts effort: hours, and developer-days of eight hours.</summary>
public static class Effort
{
    public const double HoursPerDeveloperDay = 8;

    public static double ToDeveloperDays(double hours) => hours / HoursPerDeveloperDay;

    /// <summary>"25 h", "2.5 h".</summary>
    public static string FormatHours(double hours) => $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} h";

    /// <summary>"3.1".</summary>
    public static string FormatDays(double hours) => ToDeveloperDays(hours).ToString("0.#", CultureInfo.InvariantCulture);
}
