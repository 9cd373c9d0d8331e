using System.Net;
using System.Text.RegularExpressions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.IntegrationTests.Items;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;

namespace PhaseTracker.IntegrationTests.History;

/// <summary>
/// The history page on a known set of 63 entries: 60 form edits of items by Alice in January, Bob's
/// API change of ADR-002 in February, Carol's week of phase 3 and Dave's settings in March.
/// </summary>
public sealed partial class HistoryPageTests : IClassFixture<HistoryPageTests.KnownHistory>
{
    private readonly KnownHistory _history;

    public HistoryPageTests(KnownHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _history = history;
    }

    public sealed class KnownHistory : IAsyncLifetime
    {
        public PhaseTrackerFactory Factory { get; } = new();

        public int AdrId { get; private set; }

        public async Task InitializeAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            await db.HistoryEntries.ExecuteDeleteAsync();
            AdrId = await db.DecisionRecords.Where(d => d.Number == 2).Select(d => d.Id).SingleAsync();
            var january = new DateTime(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);
            for (var n = 1; n <= 60; n++)
            {
                db.HistoryEntries.Add(Entry("alice@example.com", "form", HistoryRecordType.Item, 1000 + n, 2, $"Item {n}: Paging {n}", january.AddMinutes(n),
                    new FieldChange("Owner", "Backend Team", $"Owner {n}")));
            }

            db.HistoryEntries.Add(Entry("bob@example.com", "API", HistoryRecordType.DecisionRecord, AdrId, 2, "ADR-002: Unified HTTP Client", new DateTime(2026, 2, 1, 12, 0, 0, DateTimeKind.Utc),
                new FieldChange("Context", "first line\nsecond line", "only line")));
            db.HistoryEntries.Add(Entry("carol@example.com", "form", HistoryRecordType.RoadmapWeek, 77, 3, "Week 1: Foundations", new DateTime(2026, 3, 5, 23, 30, 0, DateTimeKind.Utc),
                new FieldChange("Theme", "Setup", "Foundations")));
            db.HistoryEntries.Add(Entry("dave@example.com", "form", HistoryRecordType.Settings, 1, null, "Settings", new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc),
                new FieldChange("Hours per developer-day", null, "6")));
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        private static HistoryEntry Entry(string actor, string via, HistoryRecordType type, int id, int? phase, string label, DateTime at, FieldChange change) => new()
        {
            Actor = actor,
            Via = via,
            RecordType = type,
            RecordId = id,
            PhaseNumber = phase,
            RecordLabel = label,
            AtUtc = at,
            Action = HistoryAction.Changed,
            Changes = [change],
        };
    }

    private async Task<string> PageAsync(string url)
    {
        using var client = _history.Factory.CreateClient();
        return await client.GetPageAsync(url);
    }

    /// <summary>The record labels of the page's rows, in order.</summary>
    private static List<string> Labels(string page) =>
        [.. RowLabel().Matches(page).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()))];

    [Fact]
    public async Task The_first_page_shows_the_50_newest_changes_and_links_to_the_second()
    {
        var page = await PageAsync("/history");

        Assert.Contains("<strong>63 changes</strong>", page, StringComparison.Ordinal);
        Assert.Contains("showing 1–50, page 1 of 2", page, StringComparison.Ordinal);
        var labels = Labels(page);
        Assert.Equal(50, labels.Count);
        Assert.Equal(["Settings", "Week 1: Foundations", "ADR-002: Unified HTTP Client", "Item 60: Paging 60"], labels.Take(4));
        Assert.Equal("Item 14: Paging 14", labels[^1]);
        Assert.Contains("href=\"/history?page=2\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Who</th>", page, StringComparison.Ordinal);

        var second = await PageAsync("/history?page=2");
        Assert.Equal(13, Labels(second).Count);
        Assert.Equal("Item 1: Paging 1", Labels(second)[^1]);
    }

    [Fact]
    public async Task Filtering_by_who_shows_only_that_persons_changes_and_pages_keep_the_filter()
    {
        var bob = await PageAsync("/history?actor=bob%40example.com");
        Assert.Equal(["ADR-002: Unified HTTP Client"], Labels(bob));
        Assert.Contains("<option value=\"bob@example.com\" selected=\"selected\">bob@example.com</option>", bob, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/adrs/2\">ADR-002: Unified HTTP Client</a>", bob, StringComparison.Ordinal);
        Assert.Contains(">API</td>", bob, StringComparison.Ordinal);

        var alice = await PageAsync("/history?actor=alice%40example.com");
        Assert.Contains("<strong>60 changes</strong>", alice, StringComparison.Ordinal);
        Assert.Contains("href=\"/history?actor=alice@example.com&amp;page=2\" rel=\"next\"", PageTestDocuments.Section(alice, "<nav aria-label=\"Pages of the history\">", "</nav>"), StringComparison.Ordinal);
        Assert.Equal(10, Labels(await PageAsync("/history?actor=alice%40example.com&page=2")).Count);
    }

    [Fact]
    public async Task Filtering_by_type_and_by_words_in_the_label()
    {
        Assert.Equal(["Week 1: Foundations"], Labels(await PageAsync("/history?type=week")));
        Assert.Equal(["ADR-002: Unified HTTP Client"], Labels(await PageAsync("/history?type=adr")));
        Assert.Equal(["Settings"], Labels(await PageAsync("/history?type=settings")));
        Assert.Equal(["Item 7: Paging 7"], Labels(await PageAsync("/history?type=item&q=paging+7")));
        Assert.Equal(["ADR-002: Unified HTTP Client"], Labels(await PageAsync("/history?q=HTTP")));
        Assert.Contains("<strong>60 changes</strong>", await PageAsync("/history?type=item"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_dates_includes_both_days_whole_in_UTC()
    {
        Assert.Equal(["Week 1: Foundations"], Labels(await PageAsync("/history?from=2026-03-05&to=2026-03-05")));
        Assert.Equal(["Settings", "Week 1: Foundations", "ADR-002: Unified HTTP Client"], Labels(await PageAsync("/history?from=2026-02-01")));
        Assert.Contains("<strong>61 changes</strong>", await PageAsync("/history?to=2026-02-01"), StringComparison.Ordinal);
        var page = await PageAsync("/history?from=2026-03-05&to=2026-03-05");
        Assert.Contains("id=\"filter-from\" name=\"from\" type=\"date\" value=\"2026-03-05\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_phase()
    {
        var page = await PageAsync("/history?phase=3");

        Assert.Equal(["Week 1: Foundations"], Labels(page));
        Assert.Contains("<a href=\"/roadmap?phase=3\">Week 1: Foundations</a>", page, StringComparison.Ordinal);
        Assert.Contains("<strong>61 changes</strong>", await PageAsync("/history?phase=2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_field_shows_its_old_and_new_value_with_lists_on_several_lines()
    {
        var page = await PageAsync("/history?type=adr");

        // The line break is kept (as a character reference); the value's class keeps it visible.
        Assert.Contains("<span class=\"fw-semibold\">Context</span>: <span class=\"conflict-value\">first line&#xA;second line</span> → <span class=\"conflict-value\">only line</span>", page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-02-01T12:00:00.0000000Z\">2026-02-01 12:00</time>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_that_match_nothing_say_so_and_offer_to_clear_them()
    {
        var page = await PageAsync("/history?actor=nobody%40example.com");

        Assert.Contains("No changes match", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/history\">Clear the filters</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_are_labelled()
    {
        var page = await PageAsync("/history");

        foreach (var field in new[] { "actor", "type", "q", "phase", "from", "to" })
        {
            Assert.Contains($"<label for=\"filter-{field}\"", page, StringComparison.Ordinal);
            Assert.Contains($"id=\"filter-{field}\" name=\"{field}\"", page, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<tr class=\"history-entry\">.*?<th scope=\"row\"[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex RowLabel();
}

/// <summary>A database whose history is empty.</summary>
public sealed class EmptyHistoryTests : IDisposable
{
    private readonly PhaseTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_empty_history_says_where_changes_come_from()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>().HistoryEntries.ExecuteDeleteAsync();
        }

        using var client = _factory.CreateClient();
        var page = await client.GetPageAsync("/history");

        Assert.Contains("No changes recorded yet: changes made in the forms and by imports appear here.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_items_changes_are_found_by_its_number_and_phase()
    {
        using var client = _factory.CreateClient();

        // The address the "All changes" link of a record's history section writes.
        var page = await client.GetPageAsync("/history?type=item&q=Item%203%3A&phase=2");

        Assert.Contains("<strong>1 change</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Item 3: Load Testing Suite", page, StringComparison.Ordinal);
    }
}
