using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Document;

public sealed class DocumentQuery(PhaseTrackerDbContext db, PageCache cache)
{
    /// <summary>The page for that phase (the current one when <paramref name="number"/> is null); null when no phase has that number.</summary>
    public async Task<DocumentViewModel?> GetAsync(int? number, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"document:{number}", ct => ReadAsync(number, ct), cancellationToken);

    private async Task<DocumentViewModel?> ReadAsync(int? number, CancellationToken cancellationToken)
    {
        var phase = await db.Phases.AsNoTracking().NumberedOrCurrent(number)
            .Select(p => new { p.Id, p.Number, p.Title, p.ProcessMarkdown, p.LastUpdated, p.Version, p.FooterStatus })
            .FirstOrDefaultAsync(cancellationToken);
        if (phase is null)
        {
            return number is null ? DocumentViewModel.Empty : null;
        }

        var related = await db.RelatedDocuments.AsNoTracking()
            .Where(d => d.PhaseId == phase.Id)
            .OrderBy(d => d.Ordinal)
            .Select(d => new { d.Title, d.Url })
            .ToListAsync(cancellationToken);
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Number).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Number, p.Title })
            .ToListAsync(cancellationToken);

        return new DocumentViewModel(
            new DocumentPhase(
                phase.Number,
                phase.Title,
                SafeMarkdown.Block(phase.ProcessMarkdown),
                !string.IsNullOrWhiteSpace(phase.ProcessMarkdown),
                [.. related.Select(d => new RelatedLink(d.Title, d.Url.Trim(), KindOf(d.Url)))],
                SafeMarkdown.Inline(phase.LastUpdated),
                SafeMarkdown.Inline(phase.Version),
                SafeMarkdown.Inline(phase.FooterStatus),
                phase.LastUpdated is not null || phase.Version is not null || phase.FooterStatus is not null),
            [.. phases.Select(p => new PhaseChoice(p.Number, p.Title, p.Id == phase.Id))]);
    }

    public static RelatedLinkKind KindOf(string url)
    {
        if (!SafeMarkdown.IsSafeUrl(url))
        {
            return RelatedLinkKind.Unsafe;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        return hasScheme || trimmed.StartsWith("//", StringComparison.Ordinal) ? RelatedLinkKind.Web : RelatedLinkKind.Repository;
    }
}
