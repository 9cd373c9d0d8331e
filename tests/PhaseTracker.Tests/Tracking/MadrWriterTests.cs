using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>The ADR files a team can drop into docs/adr: MADR 4, one file per record.</summary>
public sealed class MadrWriterTests
{
    private static readonly string[] SectionMarkers =
        ["---\nstatus: ", "\ndate: 2025-11-12\n---\n\n# ", "\n## Context and Problem Statement\n", "\n## Considered Options\n", "\n## Decision Outcome\n", "\n### Consequences\n"];

    private static string Expected(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", "expected", "madr", name));

    [Fact]
    public void The_seed_gives_one_file_per_adr_named_by_number_and_kebab_title()
    {
        var files = MadrWriter.Write(Documents.Read(Documents.Seed()).DecisionRecords);

        Assert.Equal(
            [
                "docs/adr/0001-remove-prisma-in-favor-of-sqlalchemy.md",
                "docs/adr/0002-unified-http-client-vs-multiple-clients.md",
                "docs/adr/0003-exponential-backoff-for-retries.md",
                "docs/adr/0004-correlation-ids-via-x-request-id-header.md",
            ],
            files.Select(f => f.Path));
    }

    [Fact]
    public void An_adr_file_is_madr_4_with_front_matter_and_its_sections_byte_for_byte()
    {
        var file = MadrWriter.Write(Documents.Read(Documents.Seed()).DecisionRecords)[0];

        Assert.Equal(Expected("0001-remove-prisma-in-favor-of-sqlalchemy.md"), file.Text);
    }

    [Fact]
    public void Supersession_is_written_both_ways_with_links_between_the_files()
    {
        var files = MadrWriter.Write(Documents.Read(Documents.Golden("superseded-adr.md")).DecisionRecords, "adr");

        var older = Assert.Single(files, f => f.Path.StartsWith("adr/0005-", StringComparison.Ordinal));
        var newer = Assert.Single(files, f => f.Path.StartsWith("adr/0006-", StringComparison.Ordinal));
        Assert.Contains("\nstatus: superseded by ADR-0006\n", older.Text, StringComparison.Ordinal);
        Assert.Contains("* Superseded by [ADR-006: Store Sessions in PostgreSQL](0006-store-sessions-in-postgresql.md)\n", older.Text, StringComparison.Ordinal);
        Assert.Contains("\nstatus: accepted\n", newer.Text, StringComparison.Ordinal);
        Assert.Contains("* Supersedes [ADR-005: Store Sessions in Redis](0005-store-sessions-in-redis.md)\n", newer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_has_the_madr_sections_in_order()
    {
        foreach (var file in MadrWriter.Write(Documents.Read(Documents.Seed()).DecisionRecords))
        {
            var positions = SectionMarkers
                .Select(marker => file.Text.IndexOf(marker, StringComparison.Ordinal))
                .ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Theory]
    [InlineData("Remove Prisma in Favor of SQLAlchemy", "remove-prisma-in-favor-of-sqlalchemy")]
    [InlineData("Unified HTTP Client vs. Multiple Clients", "unified-http-client-vs-multiple-clients")]
    [InlineData("Café: `api/*` → OpenTelemetry!", "cafe-api-opentelemetry")]
    [InlineData("📐", "")]
    public void Titles_become_kebab_case_ascii_slugs(string title, string slug) =>
        Assert.Equal(slug, MadrWriter.Kebab(title));

    [Theory]
    [InlineData("November 12, 2025", "2025-11-12")]
    [InlineData("2025-11-12", "2025-11-12")]
    [InlineData("12 November 2025", "2025-11-12")]
    [InlineData("sometime in Q4", null)]
    public void Dates_become_iso_dates_where_they_read(string written, string? iso) =>
        Assert.Equal(iso, MadrWriter.IsoDate(written));
}
