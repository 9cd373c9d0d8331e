using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.History;

/// <summary>
/// The "History" section of a record's page (an item, an ADR): its latest changes, newest first.
/// A page includes it with <c>@await Component.InvokeAsync("RecordHistory", new { type = HistoryRecordType.Item, id = Model.Id })</c>.
/// The entries are cached under the data version like the page around them (every change that writes
/// history bumps it), so a warm page costs no query for them.
/// </summary>
public sealed class RecordHistoryViewComponent(PhaseTrackerDbContext db, PageCache cache) : ViewComponent
{
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(HistoryRecordType type, int id)
    {
        var entries = await cache.GetOrCreateAsync($"record-history:{type}:{id}", cancellationToken => db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == type && h.RecordId == id)
            .OrderByDescending(h => h.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken), HttpContext.RequestAborted);
        return View("~/Features/History/Components/RecordHistory.cshtml", Model(type, id, entries));
    }

    /// <summary>The section's model for entries a page read already (newest first).</summary>
    public static RecordHistoryModel Model(HistoryRecordType type, int id, IReadOnlyList<HistoryEntry> entries) =>
        new(type, id, entries, AllChangesUrl(type, entries));

    /// <summary>
    /// The history page narrowed to this record: its kind and the start of its label ("Item 3:", "ADR-004:"),
    /// which stays the same when the title changes; an item's number is only unique within its phase.
    /// </summary>
    private static string? AllChangesUrl(HistoryRecordType type, IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var newest = entries[0];
        var colon = newest.RecordLabel.IndexOf(':', StringComparison.Ordinal);
        return new HistoryFilter
        {
            Type = type,
            Text = colon > 0 ? newest.RecordLabel[..(colon + 1)] : newest.RecordLabel,
            PhaseNumber = type == HistoryRecordType.Item ? newest.PhaseNumber : null,
        }.ToUrl();
    }
}

/// <param name="AllChangesUrl">The history page showing this record's changes; null while it has none.</param>
public sealed record RecordHistoryModel(HistoryRecordType Type, int Id, IReadOnlyList<HistoryEntry> Entries, string? AllChangesUrl);
