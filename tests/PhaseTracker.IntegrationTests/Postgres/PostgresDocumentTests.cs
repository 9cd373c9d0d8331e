using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.Export;
using PhaseTracker.Web.Features.Import;

namespace PhaseTracker.IntegrationTests.Postgres;

/// <summary>The document rules on PostgreSQL: the migrations, the lossless round trip and the idempotent re-import.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDocumentTests(PostgresPhaseTrackerFactory factory) : IClassFixture<PostgresPhaseTrackerFactory>
{
    [PostgresFact]
    public async Task The_app_runs_on_PostgreSQL_with_its_own_migrations_which_cover_the_whole_model()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();

        Assert.IsType<PostgresPhaseTrackerDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(3, await db.Roles.CountAsync());
        Assert.True(await db.DataStamps.AnyAsync());
    }

    [PostgresFact]
    public async Task The_seed_imported_on_first_start_exports_byte_for_byte()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        var export = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(2, ExportFormat.Markdown);

        Assert.Null(export.Error);
        Assert.Equal(Seed.Utf8.GetBytes(Seed.RepairedText), Seed.Utf8.GetBytes(export.Text!));
    }

    [PostgresFact]
    public async Task Importing_the_same_document_twice_changes_nothing_the_second_time()
    {
        await factory.ImportAsync(Seed.RepairedText);
        var before = await SnapshotAsync();

        var summary = await factory.ImportAsync(Seed.RepairedText);

        Assert.False(summary.Changed);
        Assert.Equal(new ChangeCounts(0, 0, 0, 5), summary.Items);
        Assert.Equal(new ChangeCounts(0, 0, 0, 4), summary.DecisionRecords);
        Assert.Equal(before, await SnapshotAsync());
    }

    [PostgresFact]
    public async Task Reimporting_an_edited_document_updates_the_item_in_place_and_exports_the_edit()
    {
        var edited = Seed.RepairedText.Replace("**Owner:** Backend Team", "**Owner:** Platform Team", StringComparison.Ordinal);
        Assert.NotEqual(Seed.RepairedText, edited);
        var idsBefore = await ItemIdsAsync();

        var summary = await factory.ImportAsync(edited);
        await using var scope = factory.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(2, ExportFormat.Markdown);

        Assert.Equal(1, summary.Items.Updated);
        Assert.Equal(idsBefore, await ItemIdsAsync());
        Assert.Equal(edited, export.Text);
        await factory.ImportAsync(Seed.RepairedText);
    }

    private async Task<IReadOnlyDictionary<int, int>> ItemIdsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        return await db.DeferredItems.AsNoTracking().Where(i => i.Phase!.Number == 2).ToDictionaryAsync(i => i.Number, i => i.Id);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
        var items = await db.DeferredItems.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Number, i.Title, i.Owner, i.EffortHours, i.Priority, i.SearchText })
            .ToListAsync();
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.MadeCurrentAtUtc, p.ImportedAtUtc, p.SourceText }).ToListAsync();
        var version = await db.CurrentAsync(CancellationToken.None);
        return System.Text.Json.JsonSerializer.Serialize(new { items, phases, version });
    }
}
