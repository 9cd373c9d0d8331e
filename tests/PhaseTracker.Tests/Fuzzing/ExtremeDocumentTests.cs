using System.Text;
using System.Text.RegularExpressions;

namespace PhaseTracker.Tests.Fuzzing;

/// <summary>
/// Documents far outside anything a team writes: huge numbers, a 100,000-row matrix, 10,000 levels of
/// nesting. Each is read (and writes back unchanged) or is refused with a reason; none throws or hangs.
/// </summary>
public partial class ExtremeDocumentTests
{
    private static string Seed => FuzzDocuments.Seed.Text;

    [Theory]
    [InlineData("99999999999999999999 hours")]
    [InlineData("2147483648 hours")]
    [InlineData("1e400 hours")]
    [InlineData("-99999999999999999999 hours")]
    [InlineData("99999999999999999999.5 hours")]
    public void An_effort_of_a_huge_number_of_hours_is_read_or_refused_with_a_reason(string effort)
    {
        var text = EffortLine().Replace(Seed, $"**Estimated Effort:** {effort}", 1);

        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text), out var result);

        if (result.Accepted)
        {
            Assert.DoesNotContain(result.Phase!.Items, i => i.EffortHours is { } h && (double.IsNaN(h) || h < 0));
        }
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    [InlineData("4294967297")]
    [InlineData("00000000000000000000001")]
    public void An_item_number_beyond_int_is_read_or_refused_with_a_reason(string number)
    {
        var text = Seed.Replace("### 1. studio-settings-form.tsx Cleanup", $"### {number}. studio-settings-form.tsx Cleanup", StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void A_priority_matrix_of_100000_rows_is_read_or_refused_with_a_reason()
    {
        var rows = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            rows.Append("| Generated row ").Append(i).Append(" | P").Append(i % 4).Append(" | ").Append(i).Append("h | High | 2 | Team ").Append(i % 7).Append(" |\n");
        }

        var at = Seed.IndexOf("| Monitoring Dashboard |", StringComparison.Ordinal);
        Assert.True(at > 0);
        var text = Seed.Insert(at, rows.ToString());

        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text), out var result, ImporterProperty.LargeDocumentGuard);

        if (result.Accepted)
        {
            Assert.Equal(100_005, result.Phase!.MatrixRows.Count);
        }
    }

    public static TheoryData<string> DeepNesting() =>
    [
        "block quotes, one line", "block quotes without spaces, one line", "bullet lists, one line", "ordered lists, one line",
        "bullet lists after tabs, one line", "quotes and lists mixed, one line", "indented list, a line a level", "quotes, a line a level",
    ];

    [Theory]
    [MemberData(nameof(DeepNesting))]
    public void Nesting_10000_levels_deep_in_an_item_is_refused_with_a_reason_or_read(string shape)
    {
        const int depth = 10_000;
        var nested = shape switch
        {
            "block quotes, one line" => Repeat("> ", depth) + "deep\n",
            "block quotes without spaces, one line" => new string('>', depth) + " deep\n",
            "bullet lists, one line" => Repeat("- ", depth) + "deep\n",
            "ordered lists, one line" => Repeat("1. ", depth) + "deep\n",
            "bullet lists after tabs, one line" => Repeat("-\t", depth) + "deep\n",
            "quotes and lists mixed, one line" => Repeat("> - ", depth / 2) + "deep\n",

            // A level per line: 10,000 levels would be 100 MB of indentation, past the 10 MB limit, so these
            // go as deep as fits under it.
            "indented list, a line a level" => string.Concat(Enumerable.Range(0, 1500).Select(i => new string(' ', 2 * i) + "- level " + i + "\n")),
            _ => string.Concat(Enumerable.Range(1, 3000).Select(i => Repeat("> ", i) + "level " + i + "\n")),
        };
        var at = Seed.IndexOf("**Why Deferred:**", StringComparison.Ordinal);
        var text = Seed.Insert(at, nested + "\n");

        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text), out var result, ImporterProperty.LargeDocumentGuard);

        Assert.False(result.Accepted, $"a document nested {shape} was accepted");
        Assert.True(result.Rejection!.Line > 0, result.Rejection.ToString());
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [GeneratedRegex(@"\*\*Estimated Effort:\*\* [^\r\n]*")]
    private static partial Regex EffortLine();
}
