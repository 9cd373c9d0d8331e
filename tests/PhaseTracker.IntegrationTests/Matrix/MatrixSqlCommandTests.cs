using Xunit.Abstractions;

namespace PhaseTracker.IntegrationTests.Matrix;

/// <summary>
/// No N+1 on the matrix: its pages run the same SQL commands for 10 items as for 1,000 (where the chart
/// switches from one mark per item to counts per cell), and a page read again costs one command.
/// </summary>
public sealed class MatrixSqlCommandTests(ITestOutputHelper output)
{
    private static readonly string[] Paths = ["/matrix", "/matrix?page=2", "/matrix?phase=2"];

    [Fact]
    public async Task The_matrix_runs_as_many_sql_commands_for_1000_items_as_for_10()
    {
        var small = await ChartPages.CountCommandsAsync(10, Paths);
        var large = await ChartPages.CountCommandsAsync(1000, Paths);

        foreach (var path in Paths)
        {
            output.WriteLine($"{path}: {small[path].Cold.Count} commands for 10 items, {large[path].Cold.Count} for 1,000");
            Assert.True(small[path].Cold.Count > 1, $"{path} ran {small[path].Cold.Count} command(s): it was not read cold");
            Assert.True(
                small[path].Cold.Count == large[path].Cold.Count,
                $"{path} ran {small[path].Cold.Count} commands for 10 items but {large[path].Cold.Count} for 1,000:\n{string.Join("\n---\n", large[path].Cold)}");
            Assert.True(large[path].Again.Count == 1, $"{path} ran {large[path].Again.Count} commands when read again:\n{string.Join("\n---\n", large[path].Again)}");
        }
    }
}
