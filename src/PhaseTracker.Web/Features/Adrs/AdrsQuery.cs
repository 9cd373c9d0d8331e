using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Adrs;

/// <summary>
/// The decision records of every phase (ADR numbers are global). Read models are cached under the data
/// version, with their text already rendered through <see cref="SafeMarkdown"/>.
/// </summary>
public sealed class AdrsQuery(PhaseTrackerDbContext db, PageCache cache)
{
    public const int PageSize = 50;

    public async Task<AdrListViewModel> ListAsync(string? status, int page, CancellationToken cancellationToken)
    {
        var all = await cache.GetOrCreateAsync("adrs", ReadListAsync, cancellationToken);
        var filter = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
        var matching = filter is null
            ? all.Rows
            : all.Rows.Where(r => string.Equals(r.StatusWord, filter, StringComparison.OrdinalIgnoreCase)).ToList();

        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pageCount);
        var rows = matching.Skip((shown - 1) * PageSize).Take(PageSize).ToList();
        return new AdrListViewModel(rows, all.Statuses, filter, shown, pageCount, matching.Count, all.Rows.Count);
    }

    public async Task<AdrDetailsViewModel?> GetAsync(int number, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"adr:{number}", ct => ReadDetailsAsync(number, ct), cancellationToken);

    private async Task<AdrList> ReadListAsync(CancellationToken cancellationToken)
    {
        var records = await db.DecisionRecords.AsNoTracking()
            .OrderBy(d => d.Number)
            .Select(d => new { d.Number, d.Title, d.Date, d.Status })
            .ToListAsync(cancellationToken);

        var rows = records
            .Select(d => new AdrListRow(d.Number, Render(d.Title), Render(d.Date), Render(d.Status), AdrName.StatusWord(d.Status)))
            .ToList();
        var statuses = rows
            .Select(r => r.StatusWord)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new AdrList(rows, statuses);
    }

    private async Task<AdrDetailsViewModel?> ReadDetailsAsync(int number, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.Number == number)
            .Select(d => new
            {
                d.Id,
                d.RowVersion,
                d.Number,
                d.Title,
                d.Date,
                d.Status,
                PhaseNumber = db.Phases.Where(p => p.Id == d.PhaseId).Select(p => p.Number).FirstOrDefault(),
                d.Context,
                d.Decision,
                d.Consequences,
                d.Alternatives,
                d.Supersedes,
                d.SupersededBy,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        // The link is often written on one side only ("Supersedes: ADR-005" on 006, nothing on 005):
        // the records that point at this one give the other direction.
        int[] named = [.. new[] { record.Supersedes, record.SupersededBy }.OfType<int>()];
        var related = await db.DecisionRecords.AsNoTracking()
            .Where(d => d.Number != number && (d.Supersedes == number || d.SupersededBy == number || named.Contains(d.Number)))
            .Select(d => new { d.Number, d.Title, d.Supersedes, d.SupersededBy })
            .ToListAsync(cancellationToken);

        var titles = related.ToDictionary(r => r.Number, r => r.Title);
        List<AdrLink> Links(int? written, IEnumerable<int> derived) =>
        [
            .. (written is { } w && w != number ? derived.Append(w) : derived)
                .Distinct()
                .Order()
                .Select(n => new AdrLink(n, titles.TryGetValue(n, out var title) ? Render(title) : null)),
        ];

        return new AdrDetailsViewModel(
            record.Id,
            record.RowVersion,
            record.Number,
            record.Title,
            Render(record.Title),
            Render(record.Date),
            Render(record.Status),
            AdrName.StatusWord(record.Status),
            record.PhaseNumber,
            [.. record.Context.Select(Render)],
            [.. record.Decision.Select(Render)],
            [.. record.Consequences.Select(c => new AdrConsequence(c.Positive, c.Mark, Render(c.Text)))],
            [.. record.Alternatives.Select(a => new AdrAlternative(
                Render(a.Option),
                a.Verdict is null ? null : Render(a.Verdict),
                a.Reason is null ? null : Render(a.Reason)))],
            Links(record.Supersedes, related.Where(r => r.SupersededBy == number).Select(r => r.Number)),
            Links(record.SupersededBy, related.Where(r => r.Supersedes == number).Select(r => r.Number)))
        {
            StatusText = record.Status,
        };
    }

    /// <summary>Every other record, by number: the choices for "superseded by".</summary>
    public async Task<IReadOnlyList<AdrChoice>> OtherRecordsAsync(int number, CancellationToken cancellationToken) =>
        await db.DecisionRecords.AsNoTracking()
            .Where(d => d.Number != number)
            .OrderBy(d => d.Number)
            .Select(d => new AdrChoice(d.Number, d.Title))
            .ToListAsync(cancellationToken);

    private static IHtmlContent Render(string? text) => SafeMarkdown.Inline(text);

    private sealed record AdrList(IReadOnlyList<AdrListRow> Rows, IReadOnlyList<string> Statuses);
}
