using System.Text;

using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

public class EncodingRepairTests
{
    private static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "PHASE2_TRACKING.md");

    /// <summary>The seed lines that lost one byte each (counted by hand in the seed: 10 lines).</summary>
    private static readonly int[] SeedLinesThatLostAByte = [13, 44, 72, 99, 166, 197, 220, 252, 284, 316];

    private static DecodedText RepairedSeed() => EncodingRepair.Decode(File.ReadAllBytes(SeedPath));

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void Seed_mojibake_is_repaired_to_the_original_emoji()
    {
        string text = RepairedSeed().Text;

        string[] expected = ["📋", "—", "🎯", "🟡", "⚠️", "❌", "📝", "📊", "🗺️", "✅", "→", "├─→", "└─→", "🔄", "📚"];
        foreach (string s in expected)
        {
            Assert.Contains(s, text, StringComparison.Ordinal);
        }

        string[] mojibake = ["ğŸ", "â€", "âœ", "ï¸", "âš", "â”", "âŒ", "â†", "\uFFFD"];
        foreach (string s in mojibake)
        {
            Assert.DoesNotContain(s, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, "# 📋 Phase 2 Tracking — Deferred Items")]
    [InlineData(7, "**Status:** Phase 1 Complete (with exceptions) → Phase 2 Planning")]
    [InlineData(13, "## 🎯 Deferred Items from Phase 1")]
    [InlineData(19, "**Status:** 🟡 **Left Untouched** (local edits exist)")]
    [InlineData(44, "**Status:** \u26A0\uFE0F **Partially Complete**")]
    [InlineData(72, "**Status:** 📝 **Documented, Not Implemented**")]
    [InlineData(99, "**Status:** ❌ **Not Started**")]
    [InlineData(166, "## \U0001F5FA\uFE0F Phase 2 Roadmap")]
    [InlineData(171, "  ├─→ Set up metrics collection")]
    [InlineData(174, "  └─→ Test with simulated failures")]
    [InlineData(197, "## 📝 Architecture Decision Records (ADRs)")]
    [InlineData(203, "**Status:** Accepted ✅")]
    [InlineData(220, "- \u26A0\uFE0F Future: If Next.js needs DB access, use API calls to FastAPI (not direct DB)")]
    [InlineData(328, "## 🔄 Continuous Tracking")]
    [InlineData(348, "## 📚 Related Documentation")]
    public void Seed_lines_are_repaired_exactly(int line, string expected)
    {
        Assert.Equal(expected, Lines(RepairedSeed().Text)[line - 1]);
    }

    [Fact]
    public void Seed_lines_that_lost_a_byte_each_report_one_best_guess()
    {
        IReadOnlyList<TextRepair> repairs = RepairedSeed().Repairs;

        // 10 lines of the seed lost a byte: 🎯 (13), 📝 (72, 197), ❌ (99) and the U+FE0F of ⚠️/🗺️
        // (44, 166, 220, 252, 284, 316). Each gets exactly one best-guess report on its own line.
        TextRepair[] guesses = [.. repairs.Where(r => r.IsGuess)];
        Assert.Equal(10, guesses.Length);
        Assert.Equal(SeedLinesThatLostAByte, guesses.Select(r => r.Line));
        Assert.Equal(10, repairs.Count(r => SeedLinesThatLostAByte.Contains(r.Line) && r.IsGuess));

        TextRepair line72 = guesses.Single(r => r.Line == 72);
        Assert.StartsWith("a byte lost in re-encoding was restored as 📝 (U+1F4DD)", line72.Message, StringComparison.Ordinal);
        Assert.Contains("📁 📍 📎 📏 📐 📝 📞", line72.Message, StringComparison.Ordinal);
        Assert.Contains("❌ (U+274C)", guesses.Single(r => r.Line == 99).Message, StringComparison.Ordinal);
        Assert.Contains("🎯 (U+1F3AF)", guesses.Single(r => r.Line == 13).Message, StringComparison.Ordinal);
        Assert.Contains("restored as U+FE0F", guesses.Single(r => r.Line == 44).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_reports_one_certain_repair_for_every_other_changed_line()
    {
        string original = Encoding.UTF8.GetString(File.ReadAllBytes(SeedPath));
        DecodedText repaired = RepairedSeed();
        string[] before = Lines(original);
        string[] after = Lines(repaired.Text);

        Assert.Equal(before.Length, after.Length);
        int[] changed = [.. Enumerable.Range(1, before.Length).Where(n => before[n - 1] != after[n - 1])];
        Assert.Equal(48, changed.Length);
        Assert.Equal(changed, repaired.Repairs.Select(r => r.Line).Distinct());

        // 48 changed lines: 44 with a certain repair, 4 (13, 72, 99, 197) with only a guess; 54 reports.
        Assert.Equal(44, repaired.Repairs.Count(r => !r.IsGuess));
        Assert.Equal(54, repaired.Repairs.Count);
        Assert.Contains(
            repaired.Repairs,
            r => r.Line == 1 && r.Message == "mojibake repaired (UTF-8 that was read as Windows-1254): \"ğŸ“‹\" → \"📋\", \"â€”\" → \"—\"");
    }

    [Fact]
    public void Seed_repair_changes_nothing_but_the_mojibake()
    {
        string original = Encoding.UTF8.GetString(File.ReadAllBytes(SeedPath));
        string repaired = RepairedSeed().Text;

        static string AsciiOnly(string s) => new([.. s.Where(c => c < 0x80)]);
        Assert.Equal(AsciiOnly(original), AsciiOnly(repaired));
    }

    [Fact]
    public void Repaired_seed_needs_no_further_repair()
    {
        DecodedText again = EncodingRepair.Repair(RepairedSeed().Text);

        Assert.Empty(again.Repairs);
    }

    [Theory]
    [InlineData("# 📋 Phase 2 — ✅")]
    [InlineData("**Status:** ⚠️ **Partially Complete** ❌ 📝 🗺️ ├─→ └─→")]
    [InlineData("Doğan Yılmaz")]
    [InlineData("ığüşöç İĞÜŞÖÇ")]
    [InlineData("São João")]
    [InlineData("Ã")]
    [InlineData("漢字とかなの文章")]
    [InlineData("„Straße“ – naïve café — 20 °C, ½ h")]
    [InlineData("ODTÜ’de, İTÜ’nün, Koç’un, hâlâ”")]
    [InlineData("line\r\nwith CRLF  \r\nand trailing spaces  \n")]
    public void Correct_text_comes_back_unchanged_without_repairs(string text)
    {
        DecodedText repaired = EncodingRepair.Repair(text);
        DecodedText decoded = EncodingRepair.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, repaired.Text);
        Assert.Empty(repaired.Repairs);
        Assert.Equal(text, decoded.Text);
        Assert.Empty(decoded.Repairs);
    }

    [Fact]
    public void Line_endings_and_trailing_spaces_are_kept_around_repairs()
    {
        DecodedText repaired = EncodingRepair.Repair("a âœ…  \r\nb ğŸ“‹\r\n\r\nc â†’\n");

        Assert.Equal("a ✅  \r\nb 📋\r\n\r\nc →\n", repaired.Text);
        Assert.Equal([1, 2, 4], repaired.Repairs.Select(r => r.Line));
        Assert.All(repaired.Repairs, r => Assert.False(r.IsGuess));
    }

    [Fact]
    public void Lone_carriage_return_counts_as_a_line_break()
    {
        DecodedText repaired = EncodingRepair.Repair("one\rtwo\r\nthree âœ…");

        Assert.Equal(3, Assert.Single(repaired.Repairs).Line);
    }

    [Fact]
    public void Run_with_several_sequences_and_genuine_leftovers_is_repaired_sequence_by_sequence()
    {
        Assert.Equal("Yılmaz’✅📋 Ã✅ ✅Ã", EncodingRepair.Repair("Yılmaz’âœ…ğŸ“‹ Ãâœ… âœ…Ã").Text);
    }

    [Fact]
    public void Two_byte_mojibake_of_Turkish_and_accented_letters_is_repaired()
    {
        DecodedText repaired = EncodingRepair.Repair("DoÄŸan YÄ±lmaz, Ã©tÃ© Ã\u00A0 SÃ£o Paulo");

        Assert.Equal("Doğan Yılmaz, été à São Paulo", repaired.Text);
        Assert.False(Assert.Single(repaired.Repairs).IsGuess);
    }

    [Fact]
    public void Lost_last_byte_of_a_four_byte_emoji_is_restored_by_the_ranked_table()
    {
        DecodedText repaired = EncodingRepair.Repair("**Status:** ğŸ“ **Documented**");

        Assert.Equal("**Status:** 📝 **Documented**", repaired.Text);
        TextRepair repair = Assert.Single(repaired.Repairs);
        Assert.True(repair.IsGuess);
        Assert.Equal(1, repair.Line);
    }

    [Fact]
    public void Lost_middle_byte_of_a_three_byte_symbol_is_restored()
    {
        DecodedText repaired = EncodingRepair.Repair("**Status:** âŒ **Not Started**");

        Assert.Equal("**Status:** ❌ **Not Started**", repaired.Text);
        Assert.True(Assert.Single(repaired.Repairs).IsGuess);
    }

    [Fact]
    public void Lost_byte_of_the_emoji_variation_selector_is_restored()
    {
        DecodedText repaired = EncodingRepair.Repair("x\n- âš\u00A0ï¸ Future");

        Assert.Equal("x\n- \u26A0\uFE0F Future", repaired.Text);
        Assert.Equal([(2, false), (2, true)], repaired.Repairs.Select(r => (r.Line, r.IsGuess)));
    }

    [Fact]
    public void Bytes_kept_as_C1_controls_are_repaired_without_guessing()
    {
        // A decoder that keeps 0x9D as U+009D (as .NET's own Windows-1254 does) loses nothing.
        DecodedText repaired = EncodingRepair.Repair("âŒ Not Started".Insert(1, "\u009D"));

        Assert.Equal("❌ Not Started", repaired.Text);
        Assert.False(Assert.Single(repaired.Repairs).IsGuess);
    }

    [Fact]
    public void Zero_width_joiner_between_emoji_and_closing_quote_after_text_are_told_apart()
    {
        Assert.Equal("👨\u200D💻 dev", EncodingRepair.Repair("ğŸ‘¨â€ğŸ’» dev").Text);
        Assert.Equal("“done” ✅", EncodingRepair.Repair("â€œdoneâ€ âœ…").Text);
    }

    [Theory]
    [InlineData("ğŸ x âœ…", "ğŸ x ✅")] // 4-byte lead with one continuation: too little to guess from
    [InlineData("Ä x âœ…", "Ä x ✅")]   // a 2-byte sequence is never gap-filled
    [InlineData("â x âœ…", "â x ✅")]   // a 3-byte lead alone is never gap-filled
    public void Sequences_too_short_to_guess_from_are_left_alone(string text, string expected)
    {
        DecodedText repaired = EncodingRepair.Repair(text);

        Assert.Equal(expected, repaired.Text);
        Assert.DoesNotContain(repaired.Repairs, r => r.IsGuess);
    }

    [Fact]
    public void Lost_byte_without_a_ranked_candidate_becomes_replacement_character_in_mojibake_text()
    {
        // "â”" is E2 94 + one lost byte: ┐ ━ ❔ ➔ ... none is in the ranked table.
        DecodedText repaired = EncodingRepair.Repair("âœ… done\nnext â” x\n");

        Assert.Equal("✅ done\nnext \uFFFD x\n", repaired.Text);
        TextRepair warning = repaired.Repairs[^1];
        Assert.Equal(2, warning.Line);
        Assert.True(warning.IsGuess);
        Assert.Contains("U+FFFD", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_byte_without_a_ranked_candidate_is_left_alone_in_text_without_mojibake()
    {
        // E7 92 ("ç’") is one byte short of a CJK character, but here it is Turkish.
        DecodedText repaired = EncodingRepair.Repair("Koç’un raporu");

        Assert.Equal("Koç’un raporu", repaired.Text);
        Assert.Empty(repaired.Repairs);
    }

    [Fact]
    public void Decode_keeps_a_leading_byte_order_mark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# 📋 Phase\n")];

        DecodedText decoded = EncodingRepair.Decode(bytes);

        Assert.Equal("\uFEFF# 📋 Phase\n", decoded.Text);
        Assert.Empty(decoded.Repairs);
        Assert.Equal(bytes, new UTF8Encoding(false).GetBytes(decoded.Text));
    }

    [Fact]
    public void Decode_repairs_mojibake_after_a_byte_order_mark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# ğŸ“‹ Phase\n")];

        Assert.Equal("\uFEFF# 📋 Phase\n", EncodingRepair.Decode(bytes).Text);
    }

    [Fact]
    public void Decode_replaces_invalid_bytes_with_replacement_character_and_reports_their_line()
    {
        byte[] bytes = [.. "ok\nbad "u8, 0xC3, .. " here\r\nfine âœ…\n"u8, 0xFF, 0xE2, 0x82];

        DecodedText decoded = EncodingRepair.Decode(bytes);

        Assert.Equal("ok\nbad \uFFFD here\r\nfine ✅\n\uFFFD\uFFFD", decoded.Text);
        Assert.Equal([(2, true), (3, false), (4, true)], decoded.Repairs.Select(r => (r.Line, r.IsGuess)));
        Assert.Equal("invalid UTF-8 byte sequence 0xC3 replaced by U+FFFD", decoded.Repairs[0].Message);
        Assert.Equal("2 invalid UTF-8 byte sequences (0xFF, 0xE2 0x82) replaced by U+FFFD", decoded.Repairs[2].Message);
    }

    [Fact]
    public void Ranked_table_holds_only_characters_that_lose_exactly_one_byte()
    {
        byte[] lost = EncodingRepair.LostBytes.ToArray();

        Assert.Equal(EncodingRepair.RankedGuesses.Length, EncodingRepair.RankedGuesses.Distinct().Count());
        Assert.All(EncodingRepair.RankedGuesses, codePoint =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(char.ConvertFromUtf32(codePoint));
            Assert.Equal(1, utf8.Count(lost.Contains));
        });
    }

    [Fact]
    public void Four_megabyte_document_is_repaired_like_the_seed_it_repeats()
    {
        // Speed belongs to the benchmarks (docs/performance.md); this proves large input is handled whole.
        byte[] seed = File.ReadAllBytes(SeedPath);
        int copies = (4 << 20) / seed.Length;
        string repairedSeed = EncodingRepair.Decode(seed).Text;
        byte[] large = [.. Enumerable.Repeat(seed, copies).SelectMany(b => b)];

        DecodedText repaired = EncodingRepair.Decode(large);

        Assert.Equal(string.Concat(Enumerable.Repeat(repairedSeed, copies)), repaired.Text);
    }
}
