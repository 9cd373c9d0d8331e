using System.Text;

using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>"**Changes to Plan:**", the list a completed item notes how the work differed from its plan in.</summary>
public class ChangesToPlanTests
{
    [Fact]
    public void An_item_with_changes_to_plan_reads_them_as_a_list()
    {
        var result = Documents.Read(Documents.Golden("changes-to-plan.md"));

        Assert.Equal(
            ["Rebuilt in batches of 1,000 instead of all at once", "Dropped the progress bar"],
            Documents.Item(result, 1).ChangesToPlan);
        Assert.Empty(Documents.Item(result, 2).ChangesToPlan);
        Assert.DoesNotContain(result.Warnings, w => w.Kind == Domain.WarningKind.Repair);
    }

    [Fact]
    public void A_document_with_changes_to_plan_round_trips_byte_for_byte()
    {
        var bytes = Documents.Golden("changes-to-plan.md");

        var exported = Documents.Export(Documents.Read(bytes));

        Assert.Equal(Encoding.UTF8.GetString(bytes), exported);
    }

    [Fact]
    public void Adding_changes_to_plan_to_an_item_without_them_adds_only_their_lines()
    {
        var result = Documents.Read(Documents.Golden("changes-to-plan.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 2).ChangesToPlan = ["Throttled per user, not per team"];
        var after = Documents.Export(result);

        Assert.Equal(["+**Changes to Plan:**", "+- Throttled per user, not per team", "+"], Documents.ChangedLines(before, after));
        Assert.Contains("**Owner:** Platform\n\n**Changes to Plan:**\n- Throttled per user, not per team\n\n---\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_change_to_plan_changes_only_its_line()
    {
        var result = Documents.Read(Documents.Golden("changes-to-plan.md"));
        var before = Documents.Export(result);

        Documents.Item(result, 1).ChangesToPlan[1] = "Kept the progress bar after all";
        var after = Documents.Export(result);

        Assert.Equal(["-- Dropped the progress bar", "+- Kept the progress bar after all"], Documents.ChangedLines(before, after));
    }

    [Fact]
    public void Changes_to_plan_read_again_from_the_export_are_the_same()
    {
        var result = Documents.Read(Documents.Golden("changes-to-plan.md"));
        Documents.Item(result, 2).ChangesToPlan = ["First", "Second"];

        var again = Documents.Read(Encoding.UTF8.GetBytes(Documents.Export(result)));

        Assert.Equal(["First", "Second"], Documents.Item(again, 2).ChangesToPlan);
        Assert.Equal(Fingerprint.Of(Documents.Item(result, 2)), Fingerprint.Of(Documents.Item(again, 2)));
    }

    [Fact]
    public void A_new_item_writes_its_changes_to_plan_after_its_pull_request()
    {
        var result = Documents.Read(Documents.Golden("changes-to-plan.md"));
        result.Phase!.Items.Add(new Domain.DeferredItem
        {
            Number = 3,
            Title = "Cache Warmup",
            StatusEmoji = "✅",
            StatusLabel = "Complete",
            CompletedOn = "2025-12-03",
            PullRequest = "https://github.com/acme/app/pull/80",
            ChangesToPlan = ["Warmed on deploy only"],
        });

        var after = Documents.Export(result);

        Assert.Contains(
            "**Completed:** 2025-12-03\n\n**PR:** https://github.com/acme/app/pull/80\n\n**Changes to Plan:**\n- Warmed on deploy only\n\n---\n",
            after, StringComparison.Ordinal);
    }
}
