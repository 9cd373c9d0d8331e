using PhaseTracker.Tracking;

namespace PhaseTracker.Tests.Tracking;

/// <summary>New dates follow the format the document already writes its dates in.</summary>
public class DocumentDatesTests
{
    private static readonly DateOnly November26 = new(2026, 11, 26);

    [Theory]
    [InlineData("November 12, 2025", "November 26, 2026")]
    [InlineData("Nov 12, 2025", "Nov 26, 2026")]
    [InlineData("12 November 2025", "26 November 2026")]
    [InlineData("2025-11-12", "2026-11-26")]
    [InlineData("Wednesday, November 12, 2025", "Thursday, November 26, 2026")]
    public void A_new_date_follows_the_documents_format(string written, string expected)
    {
        var format = DocumentDates.FormatOf([written]);

        Assert.Equal(expected, DocumentDates.Write(November26, format));
    }

    [Fact]
    public void A_zero_padded_day_stays_zero_padded()
    {
        var format = DocumentDates.FormatOf(["November 02, 2025"]);

        Assert.Equal("December 05, 2026", DocumentDates.Write(new DateOnly(2026, 12, 5), format));
    }

    [Fact]
    public void A_two_digit_day_does_not_make_the_format_zero_padded()
    {
        var format = DocumentDates.FormatOf(["November 12, 2025"]);

        Assert.Equal("December 5, 2026", DocumentDates.Write(new DateOnly(2026, 12, 5), format));
    }

    [Fact]
    public void The_first_sample_that_reads_as_a_date_decides()
    {
        var format = DocumentDates.FormatOf([null, "", "Phase 2 Planning", "2025-11-12", "November 12, 2025"]);

        Assert.Equal("2026-11-26", DocumentDates.Write(November26, format));
    }

    [Fact]
    public void A_document_without_dates_gets_the_seed_documents_format()
    {
        Assert.Equal("November 26, 2026", DocumentDates.Write(November26, DocumentDates.FormatOf([null, "TBD"])));
        Assert.Equal(DocumentDates.DefaultFormat, DocumentDates.FormatOf([]));
    }

    [Theory]
    [InlineData("November 12, 2025", 2025, 11, 12)]
    [InlineData("  2025-02-28 ", 2025, 2, 28)]
    [InlineData("3 Mar 2024", 2024, 3, 3)]
    public void A_date_in_a_known_format_reads(string text, int year, int month, int day)
    {
        Assert.True(DocumentDates.TryRead(text, out var date, out _));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("February 30, 2025")]
    [InlineData("2025-13-01")]
    [InlineData("next Tuesday")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_no_real_date_does_not_read(string? text)
    {
        Assert.False(DocumentDates.TryRead(text, out _, out _));
    }

    [Fact]
    public void Dates_are_written_in_the_invariant_culture_whatever_the_threads_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("November 26, 2026", DocumentDates.Write(November26, DocumentDates.DefaultFormat));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
