using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.History;

/// <summary>An entry as the history page shows it: where its record's page is, and whether it can be undone.</summary>
/// <param name="Link">The record's page, or null where the record no longer exists.</param>
/// <param name="RestoreAction">Where a "Restore" button posts: set on the newest entry that deleted an item, ADR or roadmap week still deleted, for a user who may edit.</param>
public sealed record HistoryRow(HistoryEntry Entry, string? Link, string? RestoreAction);

public sealed record HistoryPage(
    HistoryFilter Filter,
    IReadOnlyList<string> Actors,
    IReadOnlyList<int> Phases,
    IReadOnlyList<HistoryRow> Rows,
    int TotalCount,
    bool AnyEntries)
{
    public int PageCount => Math.Max(1, (TotalCount + HistoryFilter.PageSize - 1) / HistoryFilter.PageSize);

    public int FirstRow => TotalCount == 0 ? 0 : ((Filter.Page - 1) * HistoryFilter.PageSize) + 1;

    public int LastRow => FirstRow == 0 ? 0 : FirstRow + Rows.Count - 1;

    public string CountText => TotalCount == 1 ? "1 change" : $"{TotalCount.ToString("N0", CultureInfo.InvariantCulture)} changes";

    /// <summary>The page links to show: the first, the last, and two either side of the current one; null for a gap.</summary>
    public IReadOnlyList<int?> PageLinks
    {
        get
        {
            List<int?> links = [];
            var previous = 0;
            for (var page = 1; page <= PageCount; page++)
            {
                if (page != 1 && page != PageCount && Math.Abs(page - Filter.Page) > 2)
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
}

/// <summary>Every recorded change, newest first, filtered and paged in SQL.</summary>
public sealed partial class HistoryQuery(PhaseTrackerDbContext db)
{
    public async Task<HistoryPage> GetAsync(HistoryFilter filter, bool canRestore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = Filtered(db.HistoryEntries.AsNoTracking(), filter);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + HistoryFilter.PageSize - 1) / HistoryFilter.PageSize);
        if (filter.Page > pageCount)
        {
            filter = filter.OnPage(pageCount);
        }

        var page = await entries
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Skip((filter.Page - 1) * HistoryFilter.PageSize)
            .Take(HistoryFilter.PageSize)
            .ToListAsync(cancellationToken);
        var rows = await LinkAsync(page, canRestore, cancellationToken);

        List<string> actors = await db.HistoryEntries.Select(h => h.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        if (filter.Actor is { } actor && !actors.Contains(actor, StringComparer.Ordinal))
        {
            actors.Add(actor);
        }

        var phases = await db.HistoryEntries.Where(h => h.PhaseNumber != null).Select(h => h.PhaseNumber!.Value).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        var any = total > 0 || (filter.HasFilters && await db.HistoryEntries.AnyAsync(cancellationToken));
        return new HistoryPage(filter, actors, phases, rows, total, any);
    }

    private static IQueryable<HistoryEntry> Filtered(IQueryable<HistoryEntry> entries, HistoryFilter filter)
    {
        if (filter.Actor is { } actor)
        {
            entries = entries.Where(h => h.Actor == actor);
        }

        if (filter.Type is { } type)
        {
            entries = entries.Where(h => h.RecordType == type);
        }

        if (filter.Text is { } text)
        {
            // lower() on both sides: SQLite's LIKE and PostgreSQL's differ on case, this does not.
            var lowered = text.ToLowerInvariant();
            entries = entries.Where(h => h.RecordLabel.ToLower().Contains(lowered));
        }

        if (filter.FromUtc is { } from)
        {
            entries = entries.Where(h => h.AtUtc >= from);
        }

        if (filter.BeforeUtc is { } before)
        {
            entries = entries.Where(h => h.AtUtc < before);
        }

        if (filter.PhaseNumber is { } phase)
        {
            entries = entries.Where(h => h.PhaseNumber == phase);
        }

        return entries;
    }

    /// <summary>Links each entry to its record's page where the record still exists (one query per kind of record on the page).</summary>
    private async Task<List<HistoryRow>> LinkAsync(List<HistoryEntry> entries, bool canRestore, CancellationToken cancellationToken)
    {
        List<int> IdsOf(HistoryRecordType type) => [.. entries.Where(e => e.RecordType == type).Select(e => e.RecordId).Distinct()];

        var itemIds = IdsOf(HistoryRecordType.Item);
        var items = itemIds.Count == 0 ? new Dictionary<int, bool>() : await db.DeferredItems.IgnoreQueryFilters()
            .Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, Deleted = i.DeletedAtUtc != null })
            .ToDictionaryAsync(i => i.Id, i => i.Deleted, cancellationToken);
        // An ADR deleted for good before deletes were soft (ADR 0009) and imported again has a new id but the
        // same number, which its label carries.
        var recordIds = IdsOf(HistoryRecordType.DecisionRecord);
        List<int> labelNumbers = [.. entries.Where(e => e.RecordType == HistoryRecordType.DecisionRecord).Select(e => AdrNumberOf(e.RecordLabel)).OfType<int>().Distinct()];
        var records = recordIds.Count == 0 ? [] : await db.DecisionRecords.IgnoreQueryFilters()
            .Where(d => recordIds.Contains(d.Id) || labelNumbers.Contains(d.Number))
            .Select(d => new { d.Id, d.Number, Deleted = d.DeletedAtUtc != null })
            .ToListAsync(cancellationToken);
        var numberById = records.Where(d => !d.Deleted).ToDictionary(d => d.Id, d => d.Number);
        var deletedRecordNumbers = records.Where(d => d.Deleted).ToDictionary(d => d.Id, d => d.Number);
        var numbers = numberById.Values.ToHashSet();
        var weekIds = IdsOf(HistoryRecordType.RoadmapWeek);
        var deletedWeeks = weekIds.Count == 0 ? [] : (await db.RoadmapWeeks.IgnoreQueryFilters()
            .Where(w => weekIds.Contains(w.Id) && w.DeletedAtUtc != null)
            .Select(w => w.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var phaseIds = IdsOf(HistoryRecordType.Phase);
        var phases = phaseIds.Count == 0 ? new Dictionary<int, int>() : await db.Phases
            .Where(p => phaseIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);

        var restorable = new HashSet<(HistoryRecordType, int)>();
        List<HistoryRow> rows = new(entries.Count);
        foreach (var entry in entries)
        {
            var id = entry.RecordId;
            string? link = entry.RecordType switch
            {
                HistoryRecordType.Item => items.TryGetValue(id, out var deleted) && !deleted ? $"/items/{id}" : null,
                HistoryRecordType.DecisionRecord => numberById.TryGetValue(id, out var number) || (AdrNumberOf(entry.RecordLabel) is { } n && numbers.Contains(number = n))
                    ? $"/adrs/{number}"
                    : null,
                HistoryRecordType.Phase => phases.TryGetValue(id, out var number) ? $"/?phase={number}" : null,
                HistoryRecordType.RoadmapWeek => entry.PhaseNumber is { } phase ? $"/roadmap?phase={phase}" : "/roadmap",
                HistoryRecordType.Settings => "/settings",
                _ => null,
            };

            // Newest first: the first deletion met is the one that left the record deleted.
            string? restore = null;
            if (canRestore && entry.Action == HistoryAction.Deleted && restorable.Add((entry.RecordType, id)))
            {
                restore = entry.RecordType switch
                {
                    HistoryRecordType.Item when items.TryGetValue(id, out var stillDeleted) && stillDeleted => $"/items/{id}/restore",
                    HistoryRecordType.DecisionRecord when deletedRecordNumbers.TryGetValue(id, out var number) => $"/adrs/{number}/restore",
                    HistoryRecordType.RoadmapWeek when deletedWeeks.Contains(id) => $"/roadmap/weeks/{id}/restore",
                    _ => null,
                };
            }

            rows.Add(new HistoryRow(entry, link, restore));
        }

        return rows;
    }

    /// <summary>The number in an ADR's label ("ADR-004: ..." is 4), or null.</summary>
    private static int? AdrNumberOf(string label)
    {
        var match = AdrLabel().Match(label);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    [GeneratedRegex(@"^ADR-(\d{1,9})\b")]
    private static partial Regex AdrLabel();
}
