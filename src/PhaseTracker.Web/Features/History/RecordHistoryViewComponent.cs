using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;

namespace PhaseTracker.Web.Features.History;

/// <summary>
/// The "History" section of a record's page (an item, an ADR): its latest changes, newest first.
/// A page includes it with <c>@await Component.InvokeAsync("RecordHistory", new { type = HistoryRecordType.Item, id = Model.Id })</c>.
/// </summary>
public sealed class RecordHistoryViewComponent(PhaseTrackerDbContext db) : ViewComponent
{
    public const int Shown = 20;

    public async Task<IViewComponentResult> InvokeAsync(HistoryRecordType type, int id)
    {
        var entries = await db.HistoryEntries.AsNoTracking()
            .Where(h => h.RecordType == type && h.RecordId == id)
            .OrderByDescending(h => h.Id)
            .Take(Shown)
            .ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/History/Components/RecordHistory.cshtml", new RecordHistoryModel(type, id, entries));
    }
}

public sealed record RecordHistoryModel(HistoryRecordType Type, int Id, IReadOnlyList<HistoryEntry> Entries);
