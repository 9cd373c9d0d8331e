using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

using PhaseTracker.Domain;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Data;

public sealed class DatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_migrations_cover_the_whole_model()
    {
        await using var db = CommandLineRun.OpenDatabase(_directory.File("model.db"));

        await db.Database.MigrateAsync();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Connections_use_write_ahead_logging_foreign_keys_and_a_busy_timeout()
    {
        await using var db = CommandLineRun.OpenDatabase(_directory.File("pragmas.db"));
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
        Assert.NotEqual("0", await Pragma(db, "busy_timeout"));
    }

    [Fact]
    public async Task Lists_plan_steps_and_the_layout_survive_their_json_columns()
    {
        var path = _directory.File("json.db");
        var madeCurrent = new DateTime(2025, 11, 12, 9, 30, 0, DateTimeKind.Utc);
        await using (var db = CommandLineRun.OpenDatabase(path))
        {
            await db.Database.MigrateAsync();
            db.Phases.Add(new Phase
            {
                Number = 2,
                Title = "📋 Phase 2 Tracking — Deferred Items",
                MadeCurrentAtUtc = madeCurrent,
                Layout = [LayoutSegment.Raw("# Title\n"), new LayoutSegment { Kind = SegmentKind.Item, Number = 1 }],
                Items =
                [
                    new DeferredItem
                    {
                        Number = 1,
                        Title = "Frontend Integration Tests",
                        WhyDeferred = ["Ğ and Ã stay", "✅ done"],
                        Plan = [new PlanStep("Implement critical path tests:", ["Login flow", "Settings save/load"]), new PlanStep("Add to CI")],
                        EffortHours = 8,
                    },
                ],
                RoadmapWeeks = [new RoadmapWeek { Number = 1, Theme = "Critical", Blocks = [new RoadmapBlock { StartDay = 1, EndDay = 2, Title = "Monitoring", Tasks = ["Set up"], ItemNumbers = [5] }] }],
            });
            await db.SaveChangesAsync();
            db.DecisionRecords.Add(new DecisionRecord
            {
                Number = 1,
                PhaseId = (await db.Phases.SingleAsync()).Id,
                Title = "Remove Prisma",
                Consequences = [new Consequence(true, "✅", "Simpler"), new Consequence(false, "⚠️", "Coupled")],
                Alternatives = [new Alternative("Keep Prisma", "Rejected", "Split brain"), new Alternative("Nothing", null, null)],
            });
            await db.SaveChangesAsync();
        }

        await using (var db = CommandLineRun.OpenDatabase(path))
        {
            var phase = await db.Phases.AsNoTracking().Include(p => p.Items).Include(p => p.RoadmapWeeks).SingleAsync();
            var item = Assert.Single(phase.Items);
            Assert.Equal(["Ğ and Ã stay", "✅ done"], item.WhyDeferred);
            Assert.Equal([new PlanStep("Implement critical path tests:", ["Login flow", "Settings save/load"]), new PlanStep("Add to CI")], item.Plan);
            Assert.Equal(8, item.EffortHours);
            Assert.Equal(SegmentKind.Item, phase.Layout[1].Kind);
            Assert.Equal("# Title\n", phase.Layout[0].Text);
            Assert.Equal(madeCurrent, phase.MadeCurrentAtUtc);
            Assert.Equal(DateTimeKind.Utc, phase.MadeCurrentAtUtc!.Value.Kind);
            Assert.Equal([5], Assert.Single(Assert.Single(phase.RoadmapWeeks).Blocks).ItemNumbers);
            var record = await db.DecisionRecords.AsNoTracking().SingleAsync();
            Assert.Equal([new Consequence(true, "✅", "Simpler"), new Consequence(false, "⚠️", "Coupled")], record.Consequences);
            Assert.Equal([new Alternative("Keep Prisma", "Rejected", "Split brain"), new Alternative("Nothing", null, null)], record.Alternatives);
        }
    }

    [Fact]
    public async Task Deleting_a_phase_deletes_everything_it_holds()
    {
        await using var db = CommandLineRun.OpenDatabase(_directory.File("cascade.db"));
        await db.Database.MigrateAsync();
        var phase = new Phase
        {
            Number = 2,
            Title = "Phase 2",
            Items = [new DeferredItem { Number = 1, Title = "One" }],
            MatrixRows = [new MatrixRow { Label = "One", Cells = ["One", "P1"] }],
            Warnings = [new DocumentWarning { Line = 3, Message = "Disagrees" }],
        };
        db.Phases.Add(phase);
        await db.SaveChangesAsync();
        db.DecisionRecords.Add(new DecisionRecord { Number = 1, PhaseId = phase.Id, Title = "ADR" });
        await db.SaveChangesAsync();

        await db.Phases.Where(p => p.Id == phase.Id).ExecuteDeleteAsync();

        Assert.False(await db.DeferredItems.AnyAsync());
        Assert.False(await db.MatrixRows.AnyAsync());
        Assert.False(await db.DocumentWarnings.AnyAsync());
        Assert.False(await db.DecisionRecords.AnyAsync());
    }

    [Fact]
    public void A_relative_database_file_lives_under_the_app_folder_which_is_created()
    {
        var settings = DatabaseSettings.FromConfiguration(new ConfigurationBuilder().Build(), _directory.Path);

        Assert.Contains(_directory.File(Path.Combine("data", "phasetracker.db")), settings.ConnectionString, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_directory.File("data")));
    }

    [Theory]
    [InlineData("Oracle", "Database:Provider is 'Oracle', which is not a known database provider: set it to 'Sqlite' or 'Postgres'.")]
    [InlineData("MySql", "Database:Provider is 'MySql', which is not a known database provider: set it to 'Sqlite' or 'Postgres'.")]
    public void An_unknown_database_provider_is_refused_with_a_clear_sentence(string provider, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSettings.ProviderKey] = provider })
            .Build();

        var error = Assert.Throws<DatabaseConfigurationException>(() => DatabaseSettings.ValidateProvider(configuration));

        Assert.Equal(expected, error.Message);
    }

    private static async Task<string?> Pragma(PhaseTrackerDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
