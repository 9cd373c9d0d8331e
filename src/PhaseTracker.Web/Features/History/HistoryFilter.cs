using System.Globalization;

using Microsoft.AspNetCore.WebUtilities;

namespace PhaseTracker.Web.Features.History;

/// <summary>
/// What the history page shows, read from the query string and written back into it, so that a link
/// shares the exact view. Values that do not read (a date of "yesterday", a type of "cat") are dropped
/// rather than refused: a shared link that is a little off still shows the history.
/// </summary>
public sealed record HistoryFilter
{
    public const int PageSize = 50;

    /// <summary>The <c>type</c> values of the query string, in the order the filter offers them.</summary>
    public static IReadOnlyList<(string Value, HistoryRecordType Type, string Text)> Types { get; } =
    [
        ("item", HistoryRecordType.Item, "Items"),
        ("adr", HistoryRecordType.DecisionRecord, "ADRs"),
        ("week", HistoryRecordType.RoadmapWeek, "Roadmap weeks"),
        ("phase", HistoryRecordType.Phase, "Phases"),
        ("settings", HistoryRecordType.Settings, "Settings"),
    ];

    /// <summary>Who made the change, exactly as the entry names them.</summary>
    public string? Actor { get; init; }

    public HistoryRecordType? Type { get; init; }

    /// <summary>Text the record's label contains, in any case.</summary>
    public string? Text { get; init; }

    /// <summary>The first day shown (UTC), inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day shown (UTC), inclusive.</summary>
    public DateOnly? To { get; init; }

    public int? PhaseNumber { get; init; }

    public int Page { get; init; } = 1;

    public static HistoryFilter Read(string? actor, string? type, string? q, string? from, string? to, string? phase, string? page) => new()
    {
        Actor = Clean(actor),
        Type = ReadType(type),
        Text = Clean(q),
        From = ReadDate(from),
        To = ReadDate(to),
        PhaseNumber = int.TryParse(phase, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
        Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1,
    };

    /// <summary>The <c>type</c> value of a record type ("adr" for decision records).</summary>
    public static string TypeValue(HistoryRecordType type) => Types.First(t => t.Type == type).Value;

    public bool HasFilters => Actor is not null || Type is not null || Text is not null || From is not null || To is not null || PhaseNumber is not null;

    /// <summary>The first instant shown, or null for no lower bound.</summary>
    public DateTime? FromUtc => From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the last day shown, or null for no upper bound.</summary>
    public DateTime? BeforeUtc => To is { } to && to < DateOnly.MaxValue ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;

    /// <summary>The page's address with this filter; page 1 is left out.</summary>
    public string ToUrl()
    {
        var values = new List<KeyValuePair<string, string?>>();
        Add(values, "actor", Actor);
        Add(values, "type", Type is { } type ? TypeValue(type) : null);
        Add(values, "q", Text);
        Add(values, "from", DateValue(From));
        Add(values, "to", DateValue(To));
        Add(values, "phase", PhaseNumber?.ToString(CultureInfo.InvariantCulture));
        if (Page > 1)
        {
            Add(values, "page", Page.ToString(CultureInfo.InvariantCulture));
        }

        return "/history" + (values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values));
    }

    public HistoryFilter OnPage(int page) => this with { Page = page };

    /// <summary>A date as the query string and a date field write it ("2026-11-26").</summary>
    public static string? DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Add(List<KeyValuePair<string, string?>> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(new(key, value));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ReadDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static HistoryRecordType? ReadType(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (name, type, _) in Types)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(type.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }
}
