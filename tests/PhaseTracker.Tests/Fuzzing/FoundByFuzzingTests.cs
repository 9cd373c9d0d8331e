using System.Text;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Fuzzing;

/// <summary>
/// Each bug the fuzzing found, kept: the crashing inputs AFL++ saved (Crashes/, replayed as they are)
/// and a readable document for each that shows what went wrong. docs/fuzzing.md lists them.
/// </summary>
public class FoundByFuzzingTests
{
    public static TheoryData<string> CrashingInputs() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Crashes")).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(CrashingInputs))]
    public void Input_that_once_crashed_the_importer_is_now_read_or_refused_with_a_reason(string name)
    {
        ImporterProperty.Holds(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Crashes", name)));
    }

    private static string Seed => FuzzDocuments.Seed.Text;

    private static ReadResult ReadsAndWritesBack(string text)
    {
        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text), out var result);
        Assert.True(result.Accepted, result.Rejection?.ToString());
        return result;
    }

    private static DocumentRejection Refused(string text)
    {
        ImporterProperty.Holds(Encoding.UTF8.GetBytes(text), out var result);
        Assert.False(result.Accepted, "the document was accepted");
        return result.Rejection!;
    }

    private static int LineOf(string text, string line) =>
        text[..text.IndexOf(line, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void Overview_without_the_items_heading_keeps_each_items_status_as_written()
    {
        // The items then stand in the overview, whose "**Status:**" used to take the last item's status
        // and write it over the overview's and every item's.
        var text = Seed.Replace("## ğŸ¯ Deferred Items from Phase 1\n", "", StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        var result = ReadsAndWritesBack(text);

        Assert.Equal("Phase 1 Complete (with exceptions) → Phase 2 Planning", result.Phase!.StatusLine);
    }

    [Fact]
    public void Overview_said_twice_keeps_the_first_values_and_writes_back_unchanged()
    {
        var overview = Seed[Seed.IndexOf("## Overview", StringComparison.Ordinal)..Seed.IndexOf("## ğŸ¯", StringComparison.Ordinal)];
        var text = Seed.Replace(overview, overview + overview.Replace("Track work", "Something else", StringComparison.Ordinal), StringComparison.Ordinal);

        var result = ReadsAndWritesBack(text);

        Assert.StartsWith("Track work", result.Phase!.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_that_says_its_status_twice_writes_back_unchanged()
    {
        var text = Seed.Replace("**Version:** 1.0  \n", "**Status:** Draft  \n**Version:** 1.0  \n", StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        var result = ReadsAndWritesBack(text);

        Assert.Equal("Draft", result.Phase!.FooterStatus);
    }

    [Fact]
    public void Item_number_repeated_in_a_second_items_section_is_refused_on_its_line()
    {
        // Two items sections each with an item 1 used to pass the reader and crash the writer.
        var items = Seed[Seed.IndexOf("## ğŸ¯", StringComparison.Ordinal)..Seed.IndexOf("## ğŸ“Š", StringComparison.Ordinal)];
        var text = Seed.Replace(items, items + items, StringComparison.Ordinal);

        var rejection = Refused(text);

        Assert.Equal(LineOf(text, "### 1. studio-settings-form.tsx Cleanup") + items.Count(c => c == '\n'), rejection.Line);
        Assert.Contains("item number 1 appears twice", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_record_repeated_in_a_second_records_section_is_refused()
    {
        var records = Seed[Seed.IndexOf("## ğŸ“ Architecture", StringComparison.Ordinal)..Seed.IndexOf("## ğŸ”„", StringComparison.Ordinal)];
        var text = Seed.Replace(records, records + records, StringComparison.Ordinal);

        var rejection = Refused(text);

        Assert.Contains("ADR-001 appears twice", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roadmap_repeated_keeps_the_second_weeks_as_text_and_writes_back_unchanged()
    {
        var roadmap = Seed[Seed.IndexOf("## ğŸ—ºï¸", StringComparison.Ordinal)..Seed.IndexOf("## ğŸ“ Architecture", StringComparison.Ordinal)];
        var text = Seed.Replace(roadmap, roadmap + roadmap, StringComparison.Ordinal);

        var result = ReadsAndWritesBack(text);

        Assert.Equal(2, result.Phase!.RoadmapWeeks.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("week 1 appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Priority_matrix_repeated_reads_the_first_and_keeps_the_second_as_text()
    {
        // The second table's columns used to be added to the first's, which shifted every cell.
        var matrix = Seed[Seed.IndexOf("## ğŸ“Š", StringComparison.Ordinal)..Seed.IndexOf("## ğŸ—ºï¸", StringComparison.Ordinal)];
        var text = Seed.Replace(matrix, matrix + matrix, StringComparison.Ordinal);

        var result = ReadsAndWritesBack(text);

        Assert.Equal(5, result.Phase!.MatrixRows.Count);
        Assert.Contains(result.Warnings, w => w.Message.Contains("second priority matrix", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("| Load Testing | P1 s/load_test.py`)")]
    [InlineData("| Load Testing | P1 see notes | 4h | High | 2 | Backend |")]
    [InlineData("| Load Testing | P1 (urgent) | 4h | High | 2 | Backend |")]
    [InlineData("| Load Testing | P1 | 4 h (about) | High | 2 | Backend |")]
    public void Matrix_cell_that_reads_as_the_items_value_but_is_written_otherwise_is_kept_as_written(string row)
    {
        var text = Seed.Replace("| Load Testing | P1 | 4h | High | 2 | Backend |", row, StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        ReadsAndWritesBack(text);
    }

    [Theory]
    [InlineData("**Priority:** P1 (High)", "**Priority:** P99999999999 (High)")]
    [InlineData("| Load Testing | P1 |", "| Load Testing | P99999999999999999999 |")]
    public void Priority_number_past_int_is_no_priority_instead_of_a_crash(string written, string huge)
    {
        var text = Seed.Replace(written, huge, StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        ReadsAndWritesBack(text);
    }

    [Fact]
    public void Decision_record_pointing_at_an_adr_number_past_int_is_read_instead_of_a_crash()
    {
        var document = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "superseded-adr.md")));
        var text = document.Replace("**Supersedes:** ADR-005", "**Supersedes:** ADR-99999999999999", StringComparison.Ordinal);
        Assert.NotEqual(document, text);

        var result = ReadsAndWritesBack(text);

        Assert.DoesNotContain(result.DecisionRecords, r => r.Supersedes is > 100);
    }

    [Theory]
    [InlineData("Day １２: Load Testing Suite")]
    [InlineData("Day ٣-٤: Load Testing Suite")]
    public void Roadmap_day_in_digits_of_another_script_is_read_instead_of_a_crash(string day)
    {
        var text = Seed.Replace("Day 3: Load Testing Suite", day, StringComparison.Ordinal);
        Assert.NotEqual(Seed, text);

        ReadsAndWritesBack(text);
    }

    [Theory]
    [InlineData("-\t")]
    [InlineData("1.\t")]
    [InlineData("*\t")]
    public void Lists_nested_10000_deep_with_tabs_after_the_markers_are_refused_on_their_line(string marker)
    {
        var at = Seed.IndexOf("**Why Deferred:**", StringComparison.Ordinal);
        var text = Seed.Insert(at, new StringBuilder().Insert(0, marker, 10_000).Append("deep\n\n").ToString());

        var rejection = Refused(text);

        Assert.Equal(LineOf(text, "**Why Deferred:**") - 2, rejection.Line);
        Assert.Contains("nested", rejection.Message, StringComparison.Ordinal);
    }
}
