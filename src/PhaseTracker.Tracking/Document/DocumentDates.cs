using System.Globalization;

namespace PhaseTracker.Tracking;

/// <summary>
/// The dates a tracking document writes ("November 12, 2025"): which format a document uses, and a new
/// date written in that format, so a date the app adds reads like the ones the team typed.
/// </summary>
public static class DocumentDates
{
    /// <summary>The seed document's format, for a document that has no date yet.</summary>
    public const string DefaultFormat = "MMMM d, yyyy";

    /// <summary>The formats recognised, most specific first (a day name before the plain date it contains).</summary>
    private static readonly string[] Formats =
    [
        "dddd, MMMM d, yyyy",
        "MMMM d, yyyy",
        "MMM d, yyyy",
        "MMM. d, yyyy",
        "d MMMM yyyy",
        "d MMM yyyy",
        "yyyy-MM-dd",
        "yyyy/MM/dd",
    ];

    /// <summary>
    /// The format of the first of <paramref name="samples"/> that reads as a date (callers pass the most
    /// telling first: the footer's "Last Updated", then completion dates, then decision record dates);
    /// <see cref="DefaultFormat"/> where none does.
    /// </summary>
    public static string FormatOf(IEnumerable<string?> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            if (TryRead(sample, out _, out var format))
            {
                return format;
            }
        }

        return DefaultFormat;
    }

    /// <summary>Reads a date in one of the formats a document uses; false where the text is no such date.</summary>
    public static bool TryRead(string? text, out DateOnly date, out string format)
    {
        date = default;
        format = DefaultFormat;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var candidate in Formats)
        {
            if (DateOnly.TryParseExact(trimmed, candidate, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out date))
            {
                // "MMMM d" reads "November 02" too: keep the zero padding the team wrote.
                format = Padded(trimmed, candidate);
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes a date in a document's format ("November 26, 2026").</summary>
    public static string Write(DateOnly date, string? format) =>
        date.ToString(string.IsNullOrEmpty(format) ? DefaultFormat : format, CultureInfo.InvariantCulture);

    private static string Padded(string text, string format)
    {
        var parsed = DateOnly.ParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite);
        if (parsed.ToString(format, CultureInfo.InvariantCulture) == text || !format.Contains('d', StringComparison.Ordinal))
        {
            return format;
        }

        var padded = format.StartsWith("d ", StringComparison.Ordinal) ? "d" + format : format.Replace(" d,", " dd,", StringComparison.Ordinal);
        return parsed.ToString(padded, CultureInfo.InvariantCulture) == text ? padded : format;
    }
}
