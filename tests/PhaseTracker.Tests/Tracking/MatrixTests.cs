using System.Text;

namespace PhaseTracker.Tests.Tracking;

public class MatrixTests
{
    private const string Document = """
        # Phase 4 Tracking

        ## Deferred Items

        ### 1. Retry Queue

        **Estimated Effort:** 1 hour

        **Priority:** P1 (High)

        **Owner:** Backend Team

        ---

        ## Priority Matrix

        | Item | Priority | Effort | Impact | Phase | Owner |
        |------|----------|--------|--------|-------|-------|
        | Retry Queue | P1 | 1h |  | 4 | Backend |

        """;

    [Fact]
    public void An_empty_cell_keeps_its_column_and_the_cells_after_it_stay_in_theirs()
    {
        var result = Documents.Read(Encoding.UTF8.GetBytes(Document));
        var row = Assert.Single(result.Phase!.MatrixRows);

        Assert.Equal(["Retry Queue", "P1", "1h", "", "4", "Backend"], row.Cells);
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("cells", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("phase", StringComparison.Ordinal));
    }

    [Fact]
    public void An_effort_edit_rewrites_its_cell_and_leaves_the_empty_cell_empty()
    {
        var result = Documents.Read(Encoding.UTF8.GetBytes(Document));
        var before = Documents.Export(result);
        var item = Documents.Item(result, 1);
        item.EffortHours = 2;

        var changes = Documents.ChangedLines(before, Documents.Export(result));

        Assert.Contains("+| Retry Queue | P1 | 2h |  | 4 | Backend |", changes);
    }
}
