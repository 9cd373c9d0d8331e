using System.Globalization;

namespace PhaseTracker.Web.Features.Matrix;

/// <summary>
/// Page links for a paged browse page whose only other query value is the phase: <c>/matrix?phase=2&amp;page=3</c>.
/// The roadmap pages the same way.
/// </summary>
public sealed record Pager(string Path, int? Phase, int Page, int PageCount, string Label)
{
    public bool HasPages => PageCount > 1;

    /// <summary>The address of <paramref name="page"/>; page 1 and the current phase are left out, as a shared link would have them.</summary>
    public string Url(int page)
    {
        var query = new List<string>(2);
        if (Phase is { } phase)
        {
            query.Add($"phase={phase.ToString(CultureInfo.InvariantCulture)}");
        }

        if (page > 1)
        {
            query.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return query.Count == 0 ? Path : $"{Path}?{string.Join('&', query)}";
    }

    /// <summary>The first and last page and two either side of the current one; null where pages are left out.</summary>
    public IReadOnlyList<int?> Links
    {
        get
        {
            List<int?> links = [];
            var previous = 0;
            for (var page = 1; page <= PageCount; page++)
            {
                if (page != 1 && page != PageCount && Math.Abs(page - Page) > 2)
                {
                    continue;
                }

                if (page - previous > 1)
                {
                    links.Add(null);
                }

                links.Add(page);
                previous = page;
            }

            return links;
        }
    }

    /// <summary>Reads the <c>page</c> query value: a positive whole number, else 1.</summary>
    public static int ReadPage(string? page) =>
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;

    /// <summary>Reads a number from the query (<c>phase</c>, <c>week</c>); null where none is given or it is no whole number.</summary>
    public static int? ReadNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static int PageCountOf(int count, int pageSize) => Math.Max(1, (count + pageSize - 1) / pageSize);
}
