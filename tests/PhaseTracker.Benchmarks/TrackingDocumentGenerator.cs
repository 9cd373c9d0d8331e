using System.Globalization;
using System.Text;

namespace PhaseTracker.Benchmarks;

/// <summary>
/// Generates realistic tracking documents of any size in the seed document's exact format
/// (<c>seeds/PHASE2_TRACKING.md</c>, repaired): overview, deferred items, priority matrix with a total,
/// roadmap weeks with day blocks, decision records, process text, related documents and footer.
/// The same arguments always give the same bytes. Depends on nothing but the base library, so test
/// projects can link this file.
/// </summary>
/// <remarks>
/// Every item's title starts with a made-up module name that no other item has ("Ravento Checkout
/// Webhook Retries"), so the matrix labels ("Ravento Checkout") and roadmap tasks name exactly one item,
/// as they do in a real document. The document agrees with itself: the matrix repeats each item's
/// priority, effort and owner (owners abbreviated the way the seed does), and the total and the
/// overview's developer-days are the sum of the items. Read with the engine it gives no warnings.
/// About 400 bytes an item: 10,000 items come to about 4 MB.
/// </remarks>
public static class TrackingDocumentGenerator
{
    public const int HoursPerDay = 8;

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ra", "ven", "tor", "zu", "bel", "qui", "dax", "no", "fen", "lu", "sar", "ti", "mor", "ex", "va", "ri", "gon", "pa", "del", "shi", "ro"];

    private static readonly string[] Areas =
        ["Checkout", "Settings", "Billing", "Search", "Onboarding", "Reporting", "Auth", "Notifications", "Uploads", "Dashboard", "Sync", "Admin", "Profile", "Export", "Scheduler", "Gateway"];

    private static readonly string[] Works =
        ["Webhook Retries", "Form Cleanup", "Bundle Analysis", "Load Testing Suite", "Integration Tests", "Monitoring Dashboard", "Error Handling", "Cache Invalidation",
         "Rate Limiting", "Schema Migration", "Accessibility Audit", "Logging Cleanup", "Feature Flag Removal", "Dependency Upgrade", "Pagination", "Retry Policy"];

    private static readonly (string Emoji, string Label, string Note)[] Statuses =
    [
        ("🟡", "Left Untouched", " (local edits exist)"),
        ("⚠️", "Partially Complete", ""),
        ("📝", "Documented, Not Implemented", ""),
        ("❌", "Not Started", ""),
        ("📋", "Specified, Not Built", ""),
        ("🟡", "In Review", " (waiting on design)"),
    ];

    private static readonly string[] WhyDeferred =
        ["Local uncommitted changes present", "Risk of merge conflicts", "Non-critical to Phase 1 goals", "Blocked on an upstream API change",
         "Needs a product decision first", "Team capacity went to the launch", "Depends on the new HTTP client"];

    private static readonly string[] Done =
        ["Specification written and reviewed", "Dead code removed", "Dependencies cleaned", "Example script provided", "Dashboard specifications defined",
         "Alert rules written", "Prototype merged behind a flag", "Load test specification in benchmarks doc"];

    private static readonly string[] Missing =
        ["Automated size tracking in CI", "Report generation on every build", "Performance regression detection", "Settings save flow test",
         "Alert routing configuration", "Metrics collection implementation", "Error state tests", "Visual comparison (before/after)"];

    private static readonly string[] PlanSteps =
        ["Review local edits with team", "Decide: keep, refactor, or discard", "Integrate with unified HTTP client", "Test end-to-end", "Add to CI pipeline",
         "Set budget thresholds", "Alert if it regresses unexpectedly", "Choose a framework (Playwright recommended)", "Configure alerts", "Test with simulated failures"];

    private static readonly string[] SubSteps =
        ["Login flow", "Settings save/load", "Error handling (network failure)", "Empty states", "Slow network"];

    private static readonly (int Hours, int Weight)[] Efforts = [(1, 1), (2, 3), (3, 3), (4, 4), (6, 2), (8, 3), (12, 1), (16, 1)];

    private static readonly (string Item, string Matrix)[] Owners =
    [
        ("Frontend Team", "Frontend"), ("Backend Team", "Backend"), ("DevOps", "DevOps"), ("QA Team", "QA"),
        ("Mobile Team", "Mobile"), ("Platform Team", "Platform"), ("Data Team", "Data"), ("Security", "Security"),
    ];

    private static readonly string[] Priorities = ["Critical", "High", "Medium", "Low"];

    private static readonly string[] WeekThemes =
        ["Critical Infrastructure", "Testing & Refinement", "Observability", "Hardening", "Performance", "Developer Experience", "Security Review", "Cleanup & Polish"];

    private static readonly string[] GroupTitles = ["Cleanup & Polish", "Quick Wins", "Follow-ups", "Small Fixes"];

    private static readonly string[] GenericTasks =
        ["Set up metrics collection", "Run baseline tests", "Add to CI pipeline", "Documentation updates", "Review with the team", "Configure alerts"];

    private static readonly string[] AdrSubjects =
        ["Remove Prisma in Favor of SQLAlchemy", "Unified HTTP Client vs. Multiple Clients", "Exponential Backoff for Retries", "Correlation IDs via X-Request-ID Header",
         "Feature Flags in Configuration", "Server-Side Rendering for Settings", "Structured Logging with JSON", "One Database per Service"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Generates a document with <paramref name="items"/> deferred items and <paramref name="adrs"/> decision records.</summary>
    /// <param name="items">How many deferred items (0 or more).</param>
    /// <param name="adrs">How many decision records (0 to 999).</param>
    /// <param name="seed">Seeds the choices; the same arguments give the same document.</param>
    public static string Generate(int items, int adrs, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        ArgumentOutOfRangeException.ThrowIfNegative(adrs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(adrs, 999);

        // Not for security: a fixed sequence, so the document is the same on every run.
#pragma warning disable CA5394
        var random = new Random(seed);
        var list = new List<Item>(items);
        for (var n = 1; n <= items; n++)
        {
            list.Add(NewItem(n, random));
        }

        var hours = list.Sum(i => i.Hours);
        var days = Math.Round((double)hours / HoursPerDay, 1);

        var text = new StringBuilder((items * 420) + (adrs * 1400) + 4096);
        var w = new Writer(text);
        w.Line("# 📋 Phase 2 Tracking — Deferred Items");
        w.Line();
        w.Line("## Overview");
        w.Line();
        w.Line("**Purpose:** Track work deferred from Phase 1 to Phase 2.");
        w.Line();
        w.Line("**Status:** Phase 1 Complete (with exceptions) → Phase 2 Planning");
        w.Line();
        w.Line($"**Timeline:** Phase 2 estimated {Number(days)} developer-days (see audit)");
        w.Line();
        w.Line("---");
        w.Line();
        w.Line("## 🎯 Deferred Items from Phase 1");
        w.Line();
        foreach (var item in list)
        {
            WriteItem(w, item, random);
        }

        WriteMatrix(w, list, hours, days);
        WriteRoadmap(w, list, random);
        WriteDecisionRecords(w, adrs, random);
        WriteProcess(w);
        WriteFooter(w);
#pragma warning restore CA5394
        return text.ToString();
    }

    private sealed record Item(int Number, string Title, string Label, int Status, bool Complete, string? FilePath, int Hours, int Priority, int Owner);

    private static Item NewItem(int number, Random random)
    {
        var module = ModuleName(number);
        var area = Pick(random, Areas);
        var work = Pick(random, Works);
        var title = $"{module} {area} {work}";

        // Labels shorten the title the way people do: its first words, now and then the whole title.
        var label = random.Next(10) == 0 ? title : $"{module} {area}";
        var filePath = random.Next(8) == 0 ? $"webapp/{area.ToLowerInvariant()}/{module.ToLowerInvariant()}.tsx" : null;
        var roll = random.Next(100);
        var priority = roll < 10 ? 0 : roll < 40 ? 1 : roll < 80 ? 2 : 3;
        return new Item(number, title, label, random.Next(Statuses.Length), random.Next(20) == 0, filePath, Effort(random), priority, random.Next(Owners.Length));
    }

    /// <summary>A made-up module name no other item has: the number written in syllables, shuffled.</summary>
    private static string ModuleName(int number)
    {
        var count = Syllables.Length;
        var syllables = number < count * count * count ? 3 : 4;
        var space = syllables == 3 ? count * count * count : count * count * count * count;

        // A fixed odd multiplier modulo the space is a bijection, so names stay unique but look unrelated.
        var value = (int)((number * 7919L) % space);
        var name = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            name.Append(Syllables[value % count]);
            value /= count;
        }

        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    private static void WriteItem(Writer w, Item item, Random random)
    {
        w.Line($"### {item.Number}. {item.Title}");
        w.Line();
        if (item.FilePath is not null)
        {
            w.Line($"**File:** `{item.FilePath}`");
            w.Line();
        }

        var (emoji, label, note) = Statuses[item.Status];
        w.Line(item.Complete ? "**Status:** ✅ **Complete**" : $"**Status:** {emoji} **{label}**{note}");
        w.Line();
        if (random.Next(20) < 3)
        {
            Bullets(w, "Why Deferred", random, WhyDeferred, 1, 2);
        }

        if (random.Next(4) == 0)
        {
            Bullets(w, "What's Done", random, Done, 1, 2);
        }

        if (random.Next(3) == 0)
        {
            Bullets(w, "What's Missing", random, Missing, 1, 2);
        }

        w.Line("**Plan for Phase 2:**");
        var steps = PickDistinct(random, PlanSteps, random.Next(1, 4)).ToList();
        var withSubSteps = random.Next(8) == 0 ? random.Next(steps.Count) : -1;
        for (var s = 0; s < steps.Count; s++)
        {
            w.Line($"{s + 1}. {steps[s]}");
            if (s == withSubSteps)
            {
                foreach (var subStep in PickDistinct(random, SubSteps, random.Next(2, 4)))
                {
                    w.Line($"   - {subStep}");
                }
            }
        }

        w.Line();
        w.Line($"**Estimated Effort:** {item.Hours} {(item.Hours == 1 ? "hour" : "hours")}");
        w.Line();
        w.Line($"**Priority:** P{item.Priority} ({Priorities[item.Priority]})");
        w.Line();
        w.Line($"**Owner:** {Owners[item.Owner].Item}");
        w.Line();
        if (item.Complete)
        {
            w.Line($"**Completed:** {Date(random)}");
            w.Line();
            w.Line($"**PR:** [#{1000 + item.Number}](https://github.com/example/webapp/pull/{1000 + item.Number})");
            w.Line();
        }
        else if (random.Next(8) == 0)
        {
            w.Line($"**Tracking Issue:** [PT-{item.Number}](https://jira.example.com/PT-{item.Number})");
            w.Line();
        }

        w.Line("---");
        w.Line();
    }

    private static void Bullets(Writer w, string field, Random random, string[] choices, int min, int max)
    {
        w.Line($"**{field}:**");
        foreach (var bullet in PickDistinct(random, choices, random.Next(min, max + 1)))
        {
            w.Line($"- {bullet}");
        }

        w.Line();
    }

    private static void WriteMatrix(Writer w, List<Item> items, int hours, double days)
    {
        w.Line("## 📊 Phase 2 Priority Matrix");
        w.Line();
        w.Line("| Item | Priority | Effort | Impact | Phase | Owner |");
        w.Line("|------|----------|--------|--------|-------|-------|");
        foreach (var item in items.OrderBy(i => i.Priority).ThenBy(i => i.Number))
        {
            w.Line($"| {item.Label} | P{item.Priority} | {item.Hours}h | {Priorities[item.Priority]} | 2 | {Owners[item.Owner].Matrix} |");
        }

        w.Line();
        w.Line($"**Total Phase 2 Effort:** {hours} hours (~{Number(days)} developer-days)");
        w.Line();
        w.Line("---");
        w.Line();
    }

    /// <summary>
    /// Weeks of about five days; each day block takes one to three items in priority order and lasts
    /// as many days as their hours need.
    /// </summary>
    private static void WriteRoadmap(Writer w, List<Item> items, Random random)
    {
        w.Line("## 🗺️ Phase 2 Roadmap");
        w.Line();
        var queue = items.OrderBy(i => i.Priority).ThenBy(i => i.Number).ToList();
        var next = 0;
        var day = 1;
        var week = 1;
        while (next < queue.Count)
        {
            w.Line($"### Week {week}: {WeekThemes[(week - 1) % WeekThemes.Length]}");
            w.Line("```");
            var weekEnds = day + 5;
            var firstBlock = true;
            while (next < queue.Count && day < weekEnds)
            {
                var take = Math.Min(random.Next(1, 7), queue.Count - next);
                var block = queue.GetRange(next, take);
                next += take;
                var length = Math.Max(1, (int)Math.Ceiling(block.Sum(i => i.Hours) / (double)HoursPerDay));
                if (!firstBlock)
                {
                    w.Line();
                }

                firstBlock = false;
                var days = length == 1 ? $"Day {day}" : $"Day {day}-{day + length - 1}";
                w.Line($"{days}: {(block.Count == 1 ? block[0].Title : Pick(random, GroupTitles))}");
                var tasks = block.Select(i => $"Finish {i.Label}").ToList();
                if (random.Next(4) == 0)
                {
                    tasks.Add(Pick(random, GenericTasks));
                }

                for (var t = 0; t < tasks.Count; t++)
                {
                    w.Line($"  {(t == tasks.Count - 1 ? "└─→" : "├─→")} {tasks[t]}");
                }

                day += length;
            }

            w.Line("```");
            w.Line();
            week++;
        }

        w.Line("---");
        w.Line();
    }

    private static void WriteDecisionRecords(Writer w, int adrs, Random random)
    {
        w.Line("## 📝 Architecture Decision Records (ADRs)");
        w.Line();
        for (var n = 1; n <= adrs; n++)
        {
            var subject = AdrSubjects[(n - 1) % AdrSubjects.Length];
            var title = n <= AdrSubjects.Length ? subject : $"{subject} ({ModuleName(n)})";
            w.Line($"### ADR-{n:000}: {title}");
            w.Line();
            w.Line($"**Date:** {Date(random)}");
            w.Line();
            var superseded = n < adrs && random.Next(10) == 0;
            w.Line(superseded ? $"**Status:** Superseded by ADR-{n + 1:000}" : random.Next(5) == 0 ? "**Status:** Proposed 📝" : "**Status:** Accepted ✅");
            w.Line();
            w.Line("**Context:**");
            w.Line("- Phase 1 audit found the current approach unused (0% utilization)");
            w.Line($"- The {Pick(random, Areas)} service already handles this for all operations");
            w.Line("- Maintaining two ways creates confusion and overhead");
            w.Line();
            w.Line("**Decision:**");
            w.Line($"- Consolidate on one approach for {Pick(random, Areas)}");
            w.Line("- Centralize: timeouts, retries, correlation IDs, logging");
            if (random.Next(2) == 0)
            {
                w.Line("- Delete `webapp/legacy/*` directory");
            }

            w.Line();
            w.Line("**Consequences:**");
            w.Line("- ✅ Simplified architecture (one way to do it)");
            w.Line("- ✅ Reduced dependencies (-10 packages)");
            w.Line("- ✅ Clearer execution path");
            w.Line("- ⚠️ All services now coupled to one component (acceptable trade-off)");
            w.Line();
            w.Line("**Alternatives Considered:**");
            w.Line("1. Keep both, add shared configuration");
            w.Line("   - Rejected: Still maintains duplication");
            w.Line("2. Use a third-party library");
            w.Line("   - Rejected: Our needs are specific, a custom component is lighter");
            w.Line("3. Move everything to server actions");
            w.Line("   - Considered for Phase 3: Requires larger refactor");
            w.Line();
            w.Line("---");
            w.Line();
        }
    }

    private static void WriteProcess(Writer w)
    {
        w.Line("## 🔄 Continuous Tracking");
        w.Line();
        w.Line("### How to Update This Document");
        w.Line();
        w.Line("**When deferring work from Phase N to Phase N+1:**");
        w.Line("1. Add item to \"Deferred Items\" section");
        w.Line("2. Explain why deferred");
        w.Line("3. Estimate effort");
        w.Line("4. Assign priority");
        w.Line("5. Create tracking issue in project management");
        w.Line("6. Link to this document");
        w.Line();
        w.Line("**When completing deferred work:**");
        w.Line("1. Mark item as ✅ Complete");
        w.Line("2. Add completion date");
        w.Line("3. Link to PR");
        w.Line("4. Document any changes to original plan");
        w.Line();
        w.Line("---");
        w.Line();
        w.Line("## 📚 Related Documentation");
        w.Line();
        w.Line("- [Phase 1 Audit](../AUDIT.md)");
        w.Line("- [Migration Runbook](./PHASE1_MIGRATION_RUNBOOK.md)");
        w.Line("- [Observability Plan](./OBSERVABILITY_PLAN.md)");
        w.Line("- [Benchmarks](./PHASE1_BENCHMARKS.md)");
        w.Line();
        w.Line("---");
        w.Line();
    }

    private static void WriteFooter(Writer w)
    {
        // The footer's lines end in two spaces: hard line breaks, as in the seed.
        w.Line("**Last Updated:** November 12, 2025  ");
        w.Line("**Version:** 1.0  ");
        w.Text("**Status:** Phase 2 Planning\n");
    }

    private static int Effort(Random random)
    {
        var total = Efforts.Sum(e => e.Weight);
        var roll = random.Next(total);
        foreach (var (hours, weight) in Efforts)
        {
            if (roll < weight)
            {
                return hours;
            }

            roll -= weight;
        }

        return Efforts[^1].Hours;
    }

    private static string Date(Random random) =>
        $"{Months[random.Next(Months.Length)]} {random.Next(1, 29)}, {random.Next(2024, 2027)}";

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static IEnumerable<string> PickDistinct(Random random, string[] choices, int count)
    {
        var start = random.Next(choices.Length);
        for (var i = 0; i < count; i++)
        {
            yield return choices[(start + i) % choices.Length];
        }
    }

    private static string Number(double value) =>
        value.ToString(value == Math.Floor(value) ? "0" : "0.#", CultureInfo.InvariantCulture);

    /// <summary>Writes LF line endings only, whatever the platform.</summary>
    private sealed class Writer(StringBuilder text)
    {
        public void Line() => text.Append('\n');

        public void Line(string line) => text.Append(line).Append('\n');

        public void Text(string value) => text.Append(value);
    }
}
